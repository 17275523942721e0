import { CompiledPolicy } from './compiled-policy';
import { LintFinding } from './lint-finding';
import { LintId } from './lint-id';
import { TrafficDirection } from '../k8s/traffic-direction';

/** Every lint, in the order findings list them. */
export const LINT_IDS: readonly LintId[] = Object.values(LintId);

/** Whether a text (from plain JavaScript, a flag or plugin properties) is a lint id. */
export function isLintId(id: string): id is LintId {
  return (LINT_IDS as readonly string[]).includes(id);
}

/**
 * What acknowledges a finding, and names it in synthesis errors: the lint and the policy, as
 * `NP-LINT-REDUNDANT-RULE[shop/allow-api]`. Every finding of that lint on that policy shares it.
 */
export function lintKey(finding: LintFinding): string {
  return `${finding.id}[${finding.namespaceName}/${finding.name}]`;
}

/** Where a lint puts what it finds. */
export type LintReport = (finding: LintFinding) => void;

/** A finding about `policy`. */
export function lintFinding(id: LintId, policy: CompiledPolicy, field: string, message: string): LintFinding {
  return {
    id,
    namespaceName: policy.namespaceName,
    name: policy.id.slice(policy.namespaceName.length + 1),
    field,
    message,
    origin: policy.origin,
  };
}

/** `spec.ingress[1]` or `spec.egress[1]`. */
export function ruleField(direction: TrafficDirection, ruleIndex: number): string {
  return `spec.${direction === TrafficDirection.INGRESS ? 'ingress' : 'egress'}[${ruleIndex}]`;
}

/** `spec.ingress[1].from[0]` or `spec.egress[1].to[0]`. */
export function peerField(direction: TrafficDirection, ruleIndex: number, peerIndex: number): string {
  return `${ruleField(direction, ruleIndex)}.${direction === TrafficDirection.INGRESS ? 'from' : 'to'}[${peerIndex}]`;
}

/** Both directions, ingress first. */
export const DIRECTIONS: readonly TrafficDirection[] = [TrafficDirection.INGRESS, TrafficDirection.EGRESS];

/** How many items a finding lists before it counts the rest. */
const LISTED = 5;

/** The first few items, then how many more: `a, b, c, d, e and 3 more`. */
export function listed(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}
