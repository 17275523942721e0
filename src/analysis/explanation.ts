import { Endpoint } from './endpoint';
import { DecisionLayer, DecisionOutcome, LayerDecision, RuleReference, SideVerdict } from './verdict';
import { TrafficDirection } from '../k8s/traffic-direction';

/** Traffic Kubernetes allows whatever the policies say, when the options assume it. */
export type Exemption = 'self' | 'node';

/** `egress from <subject>` or `ingress to <subject>`. */
export function sideName(direction: TrafficDirection, subject: string): string {
  return direction === TrafficDirection.EGRESS ? `egress from ${subject}` : `ingress to ${subject}`;
}

/** `ingress` or `egress`: the list of the spec a rule of that direction is in. */
function listName(direction: TrafficDirection): string {
  return direction === TrafficDirection.INGRESS ? 'ingress' : 'egress';
}

/**
 * A rule as sentences name it: `shop/db-policy spec.ingress[0]`, or
 * `ClusterNetworkPolicy dns rule "allow-dns" (Admin, priority 5, egress[0])`.
 */
export function ruleText(rule: RuleReference): string {
  const list = listName(rule.direction);
  if (rule.tier === undefined) {
    return `${rule.policy} spec.${list}[${rule.ruleIndex}]`;
  }
  const name = rule.ruleName === undefined ? '' : ` rule ${JSON.stringify(rule.ruleName)}`;
  return `ClusterNetworkPolicy ${rule.policy}${name} (${rule.tier}, priority ${rule.priority}, ${list}[${rule.ruleIndex}])`;
}

/** The policy of a rule as lists of policies name it: `namespace/name`, or `ClusterNetworkPolicy/<name>`. */
export function policyLabel(rule: RuleReference): string {
  return rule.tier === undefined ? rule.policy : `ClusterNetworkPolicy/${rule.policy}`;
}

/** A rule in a chain of decisions: `shop/db-policy spec.ingress[0]`, or `policy/rule` for a ClusterNetworkPolicy's (its name, else `egress[0]`). */
function shortRuleText(rule: RuleReference): string {
  if (rule.tier === undefined) {
    return ruleText(rule);
  }
  return `${rule.policy}/${rule.ruleName ?? `${listName(rule.direction)}[${rule.ruleIndex}]`}`;
}

/**
 * Every layer asked about one side and what it said, in order:
 * `[Admin] Pass (guardrail/to-payments) -> [NetworkPolicy] Deny (payments/ledger)`. The rules
 * that matched are named; a NetworkPolicy denial names the isolating policies.
 */
export function decisionChain(decisions: readonly LayerDecision[]): string {
  return decisions.map((d) => {
    const names = d.rules.length > 0 ? d.rules.map(shortRuleText)
      : d.layer === DecisionLayer.NETWORK_POLICY && d.outcome === DecisionOutcome.DENY ? d.policies : [];
    return `[${d.layer}] ${d.outcome}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
  }).join(' -> ');
}

/** Why an endpoint that is not a pod on the pod network is outside NetworkPolicy's reach. */
export const NOT_SUBJECT: Record<Exclude<Endpoint['kind'], 'pod'>, string> = {
  outside: 'outside the cluster',
  node: 'node traffic',
  hostNetwork: 'hostNetwork pod',
};

/** The decision of the implicit layer for a side Kubernetes always allows. */
export function exemptionDecision(direction: TrafficDirection, subject: Endpoint, exemption: Exemption): LayerDecision {
  const reason = exemption === 'self'
    ? `${subject.label} can always reach itself (allowSelfTraffic)`
    : `${sideName(direction, subject.label)} from its own node${subject.nodes.length === 1 ? ` (${subject.nodes[0]})` : ''} is always allowed (allowNodeTraffic)`;
  return { layer: DecisionLayer.IMPLICIT, direction, outcome: DecisionOutcome.ACCEPT, policies: [], rules: [], reason };
}

/**
 * A side's verdict from the decisions of the layers asked (the last one stands) and the
 * NetworkPolicy layer's view of the subject, which says whether it is isolated even where
 * another layer decided.
 */
export function explainSide(subject: Endpoint, decisions: readonly LayerDecision[], networkPolicy: LayerDecision,
  excludedPolicies: string[]): SideVerdict {
  const decided = decisions[decisions.length - 1];
  return {
    direction: decided.direction,
    endpoint: subject.label,
    allowed: decided.outcome === DecisionOutcome.ACCEPT,
    decidedBy: decided.layer,
    isolated: networkPolicy.policies.length > 0,
    selectingPolicies: networkPolicy.policies,
    admittedBy: networkPolicy.outcome === DecisionOutcome.ACCEPT ? networkPolicy.rules : [],
    excludedPolicies,
    reason: sideReason(decisions),
  };
}

/** The verdict's sentence: what decided, then any policy that could not be evaluated. */
export function explainConnection(egress: SideVerdict, ingress: SideVerdict, exemption: Exemption | undefined): string {
  const allowed = egress.allowed && ingress.allowed;
  let sentence: string;
  if (exemption === 'self') {
    sentence = `allowed: ${egress.reason}`;
  } else if (allowed) {
    sentence = `allowed: ${egress.reason}, and ${ingress.reason}`;
  } else {
    sentence = `denied: ${[egress, ingress].filter((side) => !side.allowed).map((side) => side.reason).join('; ')}`;
  }
  const excluded = [...new Set([...egress.excludedPolicies, ...ingress.excludedPolicies])];
  if (excluded.length > 0) {
    sentence += `; note: ${excluded.join(', ')} ${excluded.length === 1 ? 'was' : 'were'} not evaluated (invalid or not networking.k8s.io/v1; see the model findings)`;
  }
  return sentence;
}

/** The reason clause of an isolation query. */
export function explainIsolation(subject: Endpoint, direction: TrafficDirection, selecting: string[], excluded: string[]): string {
  const side = sideName(direction, subject.label);
  if (subject.kind !== 'pod') {
    return `${side} is not subject to NetworkPolicy (${NOT_SUBJECT[subject.kind]})`;
  }
  if (selecting.length > 0) {
    return `${side} is isolated by ${selecting.join(', ')}`;
  }
  const notEvaluated = excluded.length > 0 ? ` (${excluded.join(', ')} not evaluated: see the model findings)` : '';
  return `${side} is not isolated: no NetworkPolicy of namespace ${subject.namespaceName} selects it for ${direction}${notEvaluated}`;
}

/**
 * Why a side went as it did: the deciding layer's reason; when the default decided, why the
 * layers before it left the side open (e.g. `egress from prod/web is not isolated`).
 */
function sideReason(decisions: readonly LayerDecision[]): string {
  const decided = decisions[decisions.length - 1];
  if (decided.layer !== DecisionLayer.DEFAULT || decisions.length === 1) {
    return decided.reason;
  }
  // Both tiers say the same of an endpoint no policy applies to (outside, node, hostNetwork): once is enough.
  return [...new Set(decisions.slice(0, -1).map((d) => d.reason))].join(', and ');
}
