import { decisionChain, ruleText } from '../analysis/explanation';
import { LayerDecision, SideVerdict, Verdict } from '../analysis/verdict';

/** The first line of an explained verdict: the connection and the answer. */
export function verdictHeading(verdict: Verdict): string {
  const subject = `${verdict.source} -> ${verdict.destination} ${verdict.protocol}/${verdict.portName ?? verdict.port}`
    + (verdict.portName === undefined ? '' : ` (port ${verdict.port})`);
  return `${subject}: ${verdict.allowed ? 'ALLOWED' : 'DENIED'}`;
}

/**
 * One side of an explained verdict: whether it lets the connection through, what each layer
 * asked decided, the NetworkPolicies that select its endpoint, the rules that admitted the
 * connection and why. `decisions` are the side's, in evaluation order.
 */
export function sideLines(title: string, side: SideVerdict, decisions: readonly LayerDecision[]): string[] {
  const lines = [`  ${title} (${side.endpoint}): ${side.allowed ? 'allowed' : 'denied'}`];
  lines.push(`    layers: ${decisionChain(decisions)}`);
  lines.push(`    isolated: ${side.isolated ? 'yes' : 'no'}`);
  if (side.selectingPolicies.length > 0) {
    lines.push(`    selected by: ${side.selectingPolicies.join(', ')}`);
  }
  for (const rule of side.admittedBy) {
    lines.push(`    admitted by: ${ruleText(rule)} (${rule.origin})`);
  }
  if (side.excludedPolicies.length > 0) {
    lines.push(`    not evaluated: ${side.excludedPolicies.join(', ')}`);
  }
  lines.push(`    because: ${side.reason}`);
  return lines;
}
