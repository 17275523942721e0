import { SideVerdict, Verdict } from '../analysis/verdict';

/** The first line of an explained verdict: the connection and the answer. */
export function verdictHeading(verdict: Verdict): string {
  const subject = `${verdict.source} -> ${verdict.destination} ${verdict.protocol}/${verdict.portName ?? verdict.port}`
    + (verdict.portName === undefined ? '' : ` (port ${verdict.port})`);
  return `${subject}: ${verdict.allowed ? 'ALLOWED' : 'DENIED'}`;
}

/**
 * One side of an explained verdict: whether it lets the connection through, the policies that
 * select its endpoint, the rules that admitted the connection and why.
 */
export function sideLines(title: string, side: SideVerdict): string[] {
  const lines = [`  ${title} (${side.endpoint}): ${side.allowed ? 'allowed' : 'denied'}`];
  lines.push(`    isolated: ${side.isolated ? 'yes' : 'no'}`);
  if (side.selectingPolicies.length > 0) {
    lines.push(`    selected by: ${side.selectingPolicies.join(', ')}`);
  }
  for (const rule of side.admittedBy) {
    lines.push(`    admitted by: ${rule.policy} spec.${rule.direction.toLowerCase()}[${rule.ruleIndex}] (${rule.origin})`);
  }
  if (side.excludedPolicies.length > 0) {
    lines.push(`    not evaluated: ${side.excludedPolicies.join(', ')}`);
  }
  lines.push(`    because: ${side.reason}`);
  return lines;
}
