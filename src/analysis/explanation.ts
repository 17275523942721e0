import { Endpoint } from './endpoint';
import { AdmittingRule, SideEvaluation } from './side-evaluation';
import { TrafficDirection } from './traffic-direction';
import { DecisionLayer, DecisionOutcome, LayerDecision, RuleReference, SideVerdict } from './verdict';

/** Traffic Kubernetes allows whatever the policies say, when the options assume it. */
export type Exemption = 'self' | 'node';

/** One side's verdict and the decisions behind it. */
export interface ExplainedSide {
  readonly verdict: SideVerdict;
  readonly decisions: LayerDecision[];
}

/** Turns a side's evaluation into its verdict, decisions and reason clause. */
export function explainSide(side: SideEvaluation, exemption: Exemption | undefined, excludedPolicies: string[]): ExplainedSide {
  const isolated = side.selecting.length > 0;
  const admittedBy = side.admitted.map(ruleReference);
  const policyAllows = !isolated || admittedBy.length > 0;
  const reason = exemption ? exemptionClause(side, exemption) : policyClause(side, admittedBy);
  const decision: LayerDecision = {
    layer: exemption ? DecisionLayer.IMPLICIT : DecisionLayer.NETWORK_POLICY,
    direction: side.direction,
    outcome: exemption || policyAllows ? DecisionOutcome.ALLOW : DecisionOutcome.DENY,
    policies: exemption ? [] : side.selecting.map((p) => p.id),
    rules: exemption ? [] : admittedBy,
    reason,
  };
  return {
    verdict: {
      direction: side.direction,
      endpoint: side.subject.label,
      allowed: exemption !== undefined || policyAllows,
      isolated,
      selectingPolicies: side.selecting.map((p) => p.id),
      admittedBy,
      excludedPolicies,
      reason,
    },
    decisions: [decision],
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
  const side = `${direction === TrafficDirection.EGRESS ? 'egress from' : 'ingress to'} ${subject.label}`;
  if (subject.kind !== 'pod') {
    return `${side} is not subject to NetworkPolicy (${NOT_SUBJECT[subject.kind]})`;
  }
  if (selecting.length > 0) {
    return `${side} is isolated by ${selecting.join(', ')}`;
  }
  const notEvaluated = excluded.length > 0 ? ` (${excluded.join(', ')} not evaluated: see the model findings)` : '';
  return `${side} is not isolated: no NetworkPolicy of namespace ${subject.namespaceName} selects it for ${direction}${notEvaluated}`;
}

function ruleReference({ policy, rule }: AdmittingRule): RuleReference {
  return { policy: policy.id, origin: policy.origin, direction: rule.direction, ruleIndex: rule.index };
}

function sideName(side: SideEvaluation): string {
  return side.direction === TrafficDirection.EGRESS ? `egress from ${side.subject.label}` : `ingress to ${side.subject.label}`;
}

function exemptionClause(side: SideEvaluation, exemption: Exemption): string {
  return exemption === 'self'
    ? `${side.subject.label} can always reach itself (allowSelfTraffic)`
    : `${sideName(side)} from its own node is always allowed (allowNodeTraffic)`;
}

/** Why an endpoint that is not a pod on the pod network is outside NetworkPolicy's reach. */
const NOT_SUBJECT: Record<Exclude<Endpoint['kind'], 'pod'>, string> = {
  outside: 'outside the cluster',
  node: 'node traffic',
  hostNetwork: 'hostNetwork pod',
};

function policyClause(side: SideEvaluation, admittedBy: RuleReference[]): string {
  if (side.subject.kind !== 'pod') {
    return `${sideName(side)} is not subject to NetworkPolicy (${NOT_SUBJECT[side.subject.kind]})`;
  }
  if (side.selecting.length === 0) {
    return `${sideName(side)} is not isolated`;
  }
  if (admittedBy.length > 0) {
    const rules = admittedBy.map((r) => `${r.policy} spec.${r.direction === TrafficDirection.INGRESS ? 'ingress' : 'egress'}[${r.ruleIndex}]`);
    return `${sideName(side)} is allowed by ${rules.join(', ')}`;
  }
  const policies = side.selecting.map((p) => p.id);
  return `${sideName(side)} is isolated by ${policies.join(', ')}, and none of ${policies.length === 1 ? 'its' : 'their'} rules admits ${side.peer.label}`;
}
