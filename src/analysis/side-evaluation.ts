import { ClusterIndex, NamespaceRecord } from './cluster-index';
import { CompiledPeer, CompiledPolicy, CompiledRule } from './compiled-policy';
import { Labels } from './compiled-selector';
import { Endpoint } from './endpoint';
import { ContainerPortFact } from './port-set';
import { TrafficDirection } from './traffic-direction';
import { ParsedIp } from '../validation/cidr';

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
  const ingress = direction === TrafficDirection.INGRESS;
  const selecting = (ingress ? index.ingressPolicies : index.egressPolicies)[subject.podClass!].map((id) => index.policies[id]);
  const facts = peerFacts(index, peer);
  const admitted: AdmittingRule[] = [];
  for (const policy of selecting) {
    for (const rule of (ingress ? policy.ingress : policy.egress)!) {
      // The port is the cheaper test, so it goes first.
      if (rule.ports.contains(port.protocol, port.port, port.destinationPorts)
        && (rule.peers === undefined || rule.peers.some((p) => peerMatches(p, policy.namespaceName, facts)))) {
        admitted.push({ policy, rule });
      }
    }
  }
  return { direction, subject, peer, selecting, admitted };
}

/** What `from`/`to` items test of an endpoint: its IPs when ipBlocks count them, its namespace and labels when it is a pod. */
interface PeerFacts {
  readonly ips: readonly ParsedIp[];
  readonly namespace?: NamespaceRecord;
  readonly labels?: Labels;
}

function peerFacts(index: ClusterIndex, endpoint: Endpoint): PeerFacts {
  // Pod IPs count only with the option; node, outside and hostNetwork addresses always do.
  const ips = endpoint.kind !== 'pod' || index.options.ipBlocksMatchPodIps ? endpoint.ips : [];
  if (endpoint.kind !== 'pod') {
    return { ips };
  }
  const podClass = index.classes[endpoint.podClass!];
  return { ips, namespace: index.namespaces[podClass.namespace], labels: podClass.labels };
}

/** Whether one `from`/`to` item matches an endpoint. */
function peerMatches(peer: CompiledPeer, policyNamespace: string, endpoint: PeerFacts): boolean {
  if (peer.ipBlock) {
    return endpoint.ips.some((ip) => peer.ipBlock!.contains(ip));
  }
  if (!endpoint.namespace) {
    return false;
  }
  const namespaceMatches = peer.namespaceSelector
    ? peer.namespaceSelector.matches(endpoint.namespace.labels)
    : endpoint.namespace.name === policyNamespace;
  return namespaceMatches && (peer.podSelector?.matches(endpoint.labels!) ?? true);
}
