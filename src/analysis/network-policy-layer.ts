import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { CompiledPeer, CompiledPolicy, directionRules } from './compiled-policy';
import { Labels } from './compiled-selector';
import { Endpoint } from './endpoint';
import { NOT_SUBJECT, ruleText, sideName } from './explanation';
import { IpSet } from './ip-set';
import { NamespaceInfo } from './namespace-info';
import { PeerResolver } from './peer-resolver';
import { PolicyLayer, SideQuery } from './policy-layer';
import { LayerRule, RuleOrder, SideRules } from './side-rules';
import { DecisionLayer, DecisionOutcome, LayerDecision, RuleReference } from './verdict';
import { ParsedIp } from '../k8s/cidr';
import { formatIpv4, formatIpv6 } from '../k8s/ip-address';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * `networking.k8s.io/v1` NetworkPolicy as a layer: it decides every side whose pod some policy
 * of its namespace isolates in that direction (accept when a rule of those policies admits the
 * peer on the port, deny otherwise), and nothing else. Policies only select pods in their own
 * namespace, and only pods on the pod network.
 */
export class NetworkPolicyLayer implements PolicyLayer {
  public readonly layer = DecisionLayer.NETWORK_POLICY;

  private readonly rulesByKey = new Map<string, SideRules>();

  constructor(private readonly index: ClusterIndex, private readonly peers: PeerResolver) {}

  public decide(side: SideQuery): LayerDecision {
    const { direction, subject, peer, port } = side;
    const decision = (outcome: DecisionOutcome, policies: readonly CompiledPolicy[], rules: RuleReference[], reason: string): LayerDecision =>
      ({ layer: this.layer, direction, outcome, policies: policies.map((p) => p.id), rules, reason });
    const where = sideName(direction, subject.label);
    if (subject.kind !== 'pod') {
      return decision(DecisionOutcome.NO_MATCH, [], [], `${where} is not subject to NetworkPolicy (${NOT_SUBJECT[subject.kind]})`);
    }
    const selecting = this.selecting(direction, subject.podClass!);
    if (selecting.length === 0) {
      return decision(DecisionOutcome.NO_MATCH, [], [], `${where} is not isolated`);
    }
    const facts = this.peerFacts(peer);
    const admitted: RuleReference[] = [];
    // The peer's addresses that ipBlocks admitted, unless some rule admits the peer whatever its address.
    const matchedIps = new Set<ParsedIp>();
    let anyAddress = false;
    for (const policy of selecting) {
      for (const rule of directionRules(policy, direction)) {
        // The port is the cheaper test, so it goes first.
        if (!rule.ports.contains(port.protocol, port.port, port.destinationPorts)) {
          continue;
        }
        const matching = rule.peers?.filter((p) => peerMatches(p, policy.namespaceName, facts));
        if (matching === undefined || matching.length > 0) {
          admitted.push({ policy: policy.id, origin: policy.origin, direction, ruleIndex: rule.index });
          anyAddress ||= matching === undefined || matching.some((p) => !p.ipBlock);
          matching?.forEach((p) => facts.ips.filter((ip) => p.ipBlock?.contains(ip)).forEach((ip) => matchedIps.add(ip)));
        }
      }
    }
    if (admitted.length > 0) {
      const addresses = anyAddress ? '' : addressNote(facts.ips, matchedIps);
      return decision(DecisionOutcome.ACCEPT, selecting, admitted, `${where} is allowed by ${admitted.map(ruleText).join(', ')}${addresses}`);
    }
    const names = selecting.map((p) => p.id);
    return decision(DecisionOutcome.DENY, selecting, [],
      `${where} is isolated by ${names.join(', ')}, and none of ${names.length === 1 ? 'its' : 'their'} rules admits ${peer.label}`);
  }

  /** Every rule of the policies isolating the class, each admitting what its peers and ports match. */
  public sideRules(direction: TrafficDirection, subjectClass: number): SideRules | undefined {
    const ids = (direction === TrafficDirection.INGRESS ? this.index.ingressPolicies : this.index.egressPolicies)[subjectClass];
    if (ids.length === 0) {
      return undefined;
    }
    const key = `${direction} ${ids.join(',')}`;
    return cached(this.rulesByKey, key, () => ({
      key,
      order: RuleOrder.ANY,
      rules: ids.flatMap((id) => {
        const policy = this.index.policies[id];
        return directionRules(policy, direction).map((rule): LayerRule => ({
          action: DecisionOutcome.ACCEPT,
          peers: rule.peers?.map((peer) => this.peers.classesOf(peer, policy.namespaceName)),
          ...(rule.peers === undefined ? {} : { addresses: addressesOf(rule.peers) }),
          ports: rule.ports,
          reference: { policy: policy.id, origin: policy.origin, direction, ruleIndex: rule.index },
          signature: `${policy.id} ${direction}[${rule.index}] ports ${rule.ports} peers ${rule.peers?.map((peer) => peer.key).join(' | ') ?? 'any'}`,
        }));
      }),
    }));
  }

  /** The policies that isolate a pod class in a direction. */
  public selecting(direction: TrafficDirection, podClass: number): CompiledPolicy[] {
    const ids = (direction === TrafficDirection.INGRESS ? this.index.ingressPolicies : this.index.egressPolicies)[podClass];
    return ids.map((id) => this.index.policies[id]);
  }

  private peerFacts(endpoint: Endpoint): PeerFacts {
    // Pod IPs count only with the option; node, outside and hostNetwork addresses always do.
    const ips = endpoint.kind !== 'pod' || this.index.options.ipBlocksMatchPodIps ? endpoint.ips : [];
    if (endpoint.kind !== 'pod') {
      return { ips };
    }
    const podClass = this.index.classes[endpoint.podClass!];
    return { ips, namespace: this.index.namespaces[podClass.namespace], labels: podClass.labels };
  }
}

/**
 * Which of the peer's addresses the admitting ipBlocks matched, and, for a dual-stack peer of
 * which only one family matched, that over the other family no rule admits it.
 */
function addressNote(ips: readonly ParsedIp[], matched: ReadonlySet<ParsedIp>): string {
  const text = (list: readonly ParsedIp[]) => list.map((ip) => (ip.family === 4 ? formatIpv4(ip.value) : formatIpv6(ip.value))).join(', ');
  const shown = [...matched];
  const families = new Set(shown.map((ip) => ip.family));
  const others = ips.filter((ip) => !families.has(ip.family));
  const note = `matched by its address ${text(shown)}`;
  if (others.length === 0 || families.size !== 1) {
    return ` (${note})`;
  }
  const other = others[0].family;
  return ` (${note} only: over IPv${other} (${text(others)}) no rule admits it, so the answer differs)`;
}

/** What `from`/`to` items test of an endpoint: its IPs when ipBlocks count them, its namespace and labels when it is a pod. */
interface PeerFacts {
  readonly ips: readonly ParsedIp[];
  readonly namespace?: NamespaceInfo;
  readonly labels?: Labels;
}

/** The addresses a rule's ipBlocks match, together. */
function addressesOf(peers: readonly CompiledPeer[]): IpSet {
  return peers.reduce((set, peer) => (peer.ipBlock ? set.union(peer.ipBlock) : set), IpSet.EMPTY);
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
