import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import {
  ClusterPeerKind, CompiledClusterPeer, CompiledClusterPolicy, CompiledClusterRule, inEvaluationOrder, selectionMatches,
  clusterRulesOf,
} from './compiled-cluster-policy';
import { Endpoint } from './endpoint';
import { NOT_SUBJECT, ruleText, sideName } from './explanation';
import { PeerResolver } from './peer-resolver';
import { PolicyLayer, SideQuery } from './policy-layer';
import { classSetMembers, LayerRule, RuleOrder, SideRules } from './side-rules';
import { DecisionLayer, DecisionOutcome, LayerDecision, RuleReference } from './verdict';
import { ClusterPolicyAction } from '../k8s/cluster-policy-action';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { TrafficDirection } from '../k8s/traffic-direction';


const NONE: readonly number[] = [];

/**
 * One tier of ClusterNetworkPolicies (`policy.networking.k8s.io/v1alpha2`) as a layer: the
 * Admin tier before NetworkPolicy, the Baseline tier after it (DESIGN §4b). For one side of a
 * connection, the tier's policies whose subject selects the pod (never a hostNetwork pod) are
 * asked by ascending priority, and each one's rules of that direction in written order; the
 * first rule whose peers match the other end and whose ports hold the connection's decides:
 * `Accept` and `Deny` stand, `Pass` hands the side to the next layer, skipping the rest of the
 * tier. A side no rule matches is left to the next layer too: being a subject isolates nothing.
 *
 * Peers: `namespaces` and `pods` match pods on the pod network; `networks` match addresses,
 * pods' IPs included; `nodes` match the addresses of the nodes their selector matches (the Node
 * objects, and the nodes pods name without one, unlabelled; hostNetwork pods, whose IP is their
 * node's, among them); `domainNames` match nothing, as
 * there is no DNS model (the model's findings say so). Named ports resolve on the destination.
 */
export class ClusterNetworkPolicyLayer implements PolicyLayer {
  public readonly layer: DecisionLayer;

  /** The tier's policies, in the order they are asked. */
  private readonly policies: readonly CompiledClusterPolicy[];
  /** Per direction, made on first use: per class, the positions in `policies` of those that select it and have rules of the direction. */
  private readonly subjects = new Map<TrafficDirection, readonly (readonly number[])[]>();
  private readonly rulesByKey = new Map<string, SideRules>();

  /**
   * @param tier which tier this layer is
   * @param clusterPolicies every valid ClusterNetworkPolicy of the model (the tier's are picked out)
   */
  constructor(public readonly tier: ClusterPolicyTier, private readonly index: ClusterIndex, private readonly peers: PeerResolver,
    clusterPolicies: readonly CompiledClusterPolicy[]) {
    this.layer = tier === ClusterPolicyTier.ADMIN ? DecisionLayer.ADMIN : DecisionLayer.BASELINE;
    this.policies = inEvaluationOrder(clusterPolicies, tier);
  }

  public decide(side: SideQuery): LayerDecision {
    const { direction, subject, peer, port } = side;
    const where = sideName(direction, subject.label);
    const decision = (outcome: DecisionOutcome, policies: readonly CompiledClusterPolicy[], rules: RuleReference[], reason: string): LayerDecision =>
      ({ layer: this.layer, direction, outcome, policies: policies.map((p) => p.name), rules, reason });
    if (subject.kind !== 'pod') {
      return decision(DecisionOutcome.NO_MATCH, [], [], `${where} is not subject to ClusterNetworkPolicy (${NOT_SUBJECT[subject.kind]})`);
    }
    const selecting = this.selecting(direction, subject.podClass!);
    if (selecting.length === 0) {
      return decision(DecisionOutcome.NO_MATCH, [], [], `no ${this.tier} ClusterNetworkPolicy selects ${where}`);
    }
    // Rules passed over only because domain names cannot be resolved: the verdict says so rather than guess.
    const unresolved: RuleReference[] = [];
    for (const policy of selecting) {
      for (const rule of clusterRulesOf(policy, direction)) {
        // The port is the cheaper test, so it goes first.
        if (!rule.ports.contains(port.protocol, port.port, port.destinationPorts)) {
          continue;
        }
        if (rule.peers.some((p) => this.peerMatches(p, peer))) {
          const reference = referenceTo(policy, rule);
          const reason = rule.action === ClusterPolicyAction.ACCEPT ? `${where} is allowed by ${ruleText(reference)}`
            : rule.action === ClusterPolicyAction.DENY ? `${where} is denied by ${ruleText(reference)}`
              : `${where} is passed on by ${ruleText(reference)}, which skips the rest of the ${this.tier} tier`;
          return decision(reference.action!, selecting, [reference], reason + unresolvedNote(unresolved, peer));
        }
        if (peer.kind === 'outside' && rule.peers.some((p) => p.kind === ClusterPeerKind.DOMAIN_NAMES)) {
          unresolved.push(referenceTo(policy, rule));
        }
      }
    }
    const names = selecting.map((p) => p.name);
    return decision(DecisionOutcome.NO_MATCH, selecting, [],
      `${where} matches no rule of the ${this.tier} ClusterNetworkPolic${names.length === 1 ? 'y' : 'ies'} ${names.join(', ')}`
      + unresolvedNote(unresolved, peer));
  }

  /** The rules of the policies selecting the class, policy after policy in evaluation order: the first that matches decides. */
  public sideRules(direction: TrafficDirection, subjectClass: number): SideRules | undefined {
    const positions = this.subjectsOf(direction)[subjectClass];
    if (positions.length === 0) {
      return undefined;
    }
    const key = `${this.tier} ${direction} ${positions.join(',')}`;
    return cached(this.rulesByKey, key, () => ({
      key,
      order: RuleOrder.FIRST,
      rules: positions.flatMap((position) => {
        const policy = this.policies[position];
        return clusterRulesOf(policy, direction).map((rule): LayerRule => ({
          action: outcomeOf(rule.action),
          peers: rule.peers.map((p) => this.peers.classesOfClusterPeer(p)),
          addresses: this.index.clusterRuleAddresses(rule),
          ports: rule.ports,
          reference: referenceTo(policy, rule),
          signature: `ClusterNetworkPolicy ${policy.name} ${this.tier} ${policy.priority} ${direction}[${rule.index}] ${rule.action} `
            + `ports ${rule.ports} peers ${rule.peers.map((p) => this.peerSignature(p)).join(' | ')}`,
        }));
      }),
    }));
  }

  /** The tier's policies that select a pod class and have rules for the direction, in the order they are asked. */
  public selecting(direction: TrafficDirection, podClass: number): CompiledClusterPolicy[] {
    return this.subjectsOf(direction)[podClass].map((position) => this.policies[position]);
  }

  private subjectsOf(direction: TrafficDirection): readonly (readonly number[])[] {
    return cached(this.subjects, direction, () => {
      const lists: number[][] = this.index.classes.map(() => NONE as number[]);
      this.policies.forEach((policy, position) => {
        if (clusterRulesOf(policy, direction).length === 0) {
          return; // no rules for the direction: no effect on it
        }
        // Positions ascend, so each list comes out in evaluation order.
        classSetMembers(this.peers.classesOfSelection(policy.subject)).forEach((c) => {
          if (lists[c] === NONE) {
            lists[c] = [position];
          } else {
            lists[c].push(position);
          }
        });
      });
      return lists;
    });
  }

  /** Whether one peer of a rule matches an endpoint. */
  private peerMatches(peer: CompiledClusterPeer, endpoint: Endpoint): boolean {
    switch (peer.kind) {
      case ClusterPeerKind.PODS: {
        if (endpoint.kind !== 'pod') {
          return false;
        }
        const podClass = this.index.classes[endpoint.podClass!];
        return selectionMatches(peer.pods!, this.index.namespaces[podClass.namespace].labels, podClass.labels, podClass.hostNetwork);
      }
      case ClusterPeerKind.NETWORKS:
      case ClusterPeerKind.NODES: {
        const addresses = this.index.clusterPeerAddresses(peer);
        return endpoint.ips.some((ip) => addresses.contains(ip));
      }
      case ClusterPeerKind.DOMAIN_NAMES:
        return false;
    }
  }

  /** What a peer matches, independent of the model's numbering: `nodes` peers by the addresses they resolve to. */
  private peerSignature(peer: CompiledClusterPeer): string {
    return peer.kind === ClusterPeerKind.NODES ? `${peer.key} = ${this.index.clusterPeerAddresses(peer)}` : peer.key;
  }
}

/** What an outside address would meet if a domain name of an earlier rule resolved to it: not evaluated, said plainly. */
function unresolvedNote(rules: readonly RuleReference[], peer: Endpoint): string {
  if (rules.length === 0) {
    return '';
  }
  return ` (not evaluated: ${rules.map(ruleText).join(', ')} name${rules.length === 1 ? 's' : ''} domainNames, and there is no DNS model; `
    + `if one of them resolves to ${peer.label}, the first of those rules decides instead)`;
}


function outcomeOf(action: ClusterPolicyAction): DecisionOutcome {
  switch (action) {
    case ClusterPolicyAction.ACCEPT:
      return DecisionOutcome.ACCEPT;
    case ClusterPolicyAction.DENY:
      return DecisionOutcome.DENY;
    case ClusterPolicyAction.PASS:
      return DecisionOutcome.PASS;
  }
}

function referenceTo(policy: CompiledClusterPolicy, rule: CompiledClusterRule): RuleReference {
  return {
    policy: policy.name,
    origin: policy.origin,
    direction: rule.direction,
    ruleIndex: rule.index,
    tier: policy.tier,
    priority: policy.priority,
    action: outcomeOf(rule.action),
    ...(rule.name !== undefined ? { ruleName: rule.name } : {}),
  };
}
