import { ClusterIndex } from './cluster-index';
import { CompiledPeer, CompiledPolicy, CompiledRule } from './compiled-policy';
import { Endpoint } from './endpoint';
import { ContainerPortFact } from './port-set';
import { TrafficDirection } from './traffic-direction';

/** A rule that admits the connection, with its policy. */
export interface AdmittingRule {
  readonly policy: CompiledPolicy;
  readonly rule: CompiledRule;
}

/** How the NetworkPolicy layer treats one side of one connection. */
export interface SideEvaluation {
  readonly direction: TrafficDirection;
  /** The endpoint whose policies apply: the source for egress, the destination for ingress. */
  readonly subject: Endpoint;
  /** The other end, which the rules' peers must match. */
  readonly peer: Endpoint;
  /** Policies selecting the subject for this direction (empty: not isolated). */
  readonly selecting: readonly CompiledPolicy[];
  /** Rules of those policies that admit the peer on the port. */
  readonly admitted: readonly AdmittingRule[];
}

/** The connection's port as the destination sees it. */
export interface ConnectionPort {
  readonly protocol: string;
  readonly port: number;
  readonly destinationPorts: readonly ContainerPortFact[];
}

/**
 * Evaluates one side for one connection by testing the subject's policies directly against the
 * peer; policies only select pods in their own namespace, and only pods on the pod network.
 */
export function evaluateSide(
  index: ClusterIndex,
  direction: TrafficDirection,
  subject: Endpoint,
  peer: Endpoint,
  port: ConnectionPort,
): SideEvaluation {
  if (subject.kind !== 'pod') {
    return { direction, subject, peer, selecting: [], admitted: [] };
  }
  const podClass = index.classOfWorkload[subject.workload!];
  const policyIds = direction === TrafficDirection.INGRESS ? index.ingressPolicies[podClass] : index.egressPolicies[podClass];
  const selecting = policyIds.map((id) => index.policies[id]);
  const admitted: AdmittingRule[] = [];
  for (const policy of selecting) {
    const rules = (direction === TrafficDirection.INGRESS ? policy.ingress : policy.egress) ?? [];
    for (const rule of rules) {
      if (ruleAdmits(index, policy, rule, peer, port)) {
        admitted.push({ policy, rule });
      }
    }
  }
  return { direction, subject, peer, selecting, admitted };
}

function ruleAdmits(index: ClusterIndex, policy: CompiledPolicy, rule: CompiledRule, peer: Endpoint, port: ConnectionPort): boolean {
  const peersMatch = rule.peers === undefined || rule.peers.some((p) => peerMatches(index, p, policy.namespaceName, peer));
  return peersMatch && rule.ports.contains(port.protocol, port.port, port.destinationPorts);
}

/** Whether one `from`/`to` item matches an endpoint. */
function peerMatches(index: ClusterIndex, peer: CompiledPeer, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    // Pod IPs count only with the option; node, outside and hostNetwork addresses always do.
    const ipsCount = endpoint.kind !== 'pod' || index.options.ipBlocksMatchPodIps;
    return ipsCount && endpoint.ips.some((ip) => peer.ipBlock!.contains(ip));
  }
  if (endpoint.kind !== 'pod') {
    return false;
  }
  const workload = index.workloads[endpoint.workload!];
  const namespaceLabels = index.namespaces[index.namespaceIds.get(workload.namespaceName)!].labels;
  const namespaceMatches = peer.namespaceSelector ? peer.namespaceSelector.matches(namespaceLabels) : workload.namespaceName === policyNamespace;
  return namespaceMatches && (peer.podSelector?.matches(workload.labels) ?? true);
}
