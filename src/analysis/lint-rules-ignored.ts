import { LintContext } from './lint-context';
import { LintId } from './lint-id';
import { lintFinding, LintReport } from './lint-report';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * `NP-LINT-RULES-IGNORED`: `ingress` or `egress` rules under an explicit `policyTypes` that
 * leaves their direction out. The API server accepts them, and they do nothing.
 */
export function lintRulesIgnored(context: LintContext, report: LintReport): void {
  for (const policy of context.policies) {
    const types = policy.spec.policyTypes ?? [];
    if (types.length === 0) {
      // Defaulted: Ingress always, Egress when there are egress rules; nothing is left out.
      continue;
    }
    for (const [direction, field] of [[TrafficDirection.INGRESS, 'ingress'], [TrafficDirection.EGRESS, 'egress']] as const) {
      const rules = policy.spec[field] ?? [];
      if (rules.length > 0 && !types.includes(direction)) {
        report(lintFinding(LintId.RULES_IGNORED, policy, `spec.${field}`,
          `spec.${field} has ${rules.length} rule${rules.length === 1 ? '' : 's'}, but spec.policyTypes (${types.join(', ')}) has no ${direction}: `
          + `the API server keeps ${rules.length === 1 ? 'it' : 'them'} and ${rules.length === 1 ? 'it does' : 'they do'} nothing. `
          + `Fix: add ${direction} to spec.policyTypes (which also isolates the selected pods for ${field}), or remove spec.${field}`));
      }
    }
  }
}
