import { Bitset } from './bitset';
import { ClassPorts } from './class-ports';
import { ClusterIndex } from './cluster-index';
import { CompiledPeer, CompiledPolicy, CompiledRule } from './compiled-policy';
import { Labels } from './compiled-selector';
import { Endpoint } from './endpoint';
import { NOT_SUBJECT, sideName } from './explanation';
import { NamespaceInfo } from './namespace-info';
import { ClassSet, PeerResolver } from './peer-resolver';
import { ClassDecision, PolicyLayer, SideQuery } from './policy-layer';
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

  constructor(private readonly index: ClusterIndex) {}

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
      for (const rule of rulesOf(policy, direction)) {
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
      const rules = admitted.map((r) => `${r.policy} spec.${direction === TrafficDirection.INGRESS ? 'ingress' : 'egress'}[${r.ruleIndex}]`);
      const addresses = anyAddress ? '' : addressNote(facts.ips, matchedIps);
      return decision(DecisionOutcome.ACCEPT, selecting, admitted, `${where} is allowed by ${rules.join(', ')}${addresses}`);
    }
    const names = selecting.map((p) => p.id);
    return decision(DecisionOutcome.DENY, selecting, [],
      `${where} is isolated by ${names.join(', ')}, and none of ${names.length === 1 ? 'its' : 'their'} rules admits ${peer.label}`);
  }

  /**
   * Egress: per source class under egress policies, the destinations (with the port) of the
   * admitting rules' peers. Ingress: per destination class under ingress policies, the sources
   * of the peers of the rules whose ports cover its port. Computed once per distinct set of
   * policies (and, for ingress, of port facts), every isolated class deciding every peer.
   */
  public classDecisions(direction: TrafficDirection, port: ClassPorts, peers: PeerResolver): readonly (ClassDecision | undefined)[] {
    const index = this.index;
    const size = index.classes.length;
    const policiesOf = direction === TrafficDirection.EGRESS ? index.egressPolicies : index.ingressPolicies;
    const everyone = Bitset.full(size);
    if (direction === TrafficDirection.EGRESS) {
      const keys = policiesOf.map((ids) => (ids.length > 0 ? ids.join(',') : undefined));
      return decisionsByKey(size, keys, everyone, (accept, classId) => {
        for (const policy of policiesOf[classId].map((id) => index.policies[id])) {
          for (const rule of policy.egress!) {
            const onPort = port.coveredBy(rule.ports);
            if (rule.peers === undefined) {
              accept.unionWith(onPort);
            } else {
              rule.peers.forEach((peer) => addClasses(accept, peers.classesOf(peer, policy.namespaceName), onPort));
            }
          }
        }
      });
    }
    const keys = policiesOf.map((ids, c) => (ids.length > 0 ? `${ids.join(',')} ${port.profileOf[c] ?? '-'}` : undefined));
    return decisionsByKey(size, keys, everyone, (accept, classId) => {
      if (port.portOf[classId] === undefined) {
        return; // a destination without the queried port name admits nothing
      }
      for (const policy of policiesOf[classId].map((id) => index.policies[id])) {
        for (const rule of policy.ingress!.filter((r) => port.covers(r.ports, classId))) {
          if (rule.peers === undefined) {
            accept.addRange(0, size);
          } else {
            rule.peers.forEach((peer) => addClasses(accept, peers.classesOf(peer, policy.namespaceName)));
          }
        }
      }
    });
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

function rulesOf(policy: CompiledPolicy, direction: TrafficDirection): readonly CompiledRule[] {
  return (direction === TrafficDirection.INGRESS ? policy.ingress : policy.egress) ?? [];
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

/**
 * One decision per distinct key, its accept set filled by `fill` from the first class with that
 * key, all accept sets in one allocation (a large cluster has tens of thousands); deciding
 * every peer. Undefined for classes without a key.
 */
function decisionsByKey(size: number, keys: readonly (string | undefined)[], everyone: Bitset,
  fill: (accept: Bitset, classId: number) => void): (ClassDecision | undefined)[] {
  const firstClass = new Map<string, number>();
  keys.forEach((key, classId) => {
    if (key !== undefined && !firstClass.has(key)) {
      firstClass.set(key, classId);
    }
  });
  const accepts = Bitset.many(firstClass.size, size);
  const byKey = new Map<string, ClassDecision>();
  [...firstClass].forEach(([key, classId], i) => {
    fill(accepts[i], classId);
    byKey.set(key, { accept: accepts[i], decided: everyone });
  });
  return keys.map((key) => (key === undefined ? undefined : byKey.get(key)));
}

/** Adds the classes of `set` to `target`, only those in `mask` when given. */
function addClasses(target: Bitset, set: ClassSet, mask?: Bitset): void {
  if (set instanceof Bitset) {
    if (mask) {
      target.unionWithIntersection(set, mask);
    } else {
      target.unionWith(set);
    }
    return;
  }
  for (const id of set) {
    if (!mask || mask.has(id)) {
      target.add(id);
    }
  }
}
