import { SideVerdict, Verdict } from '../analysis/verdict';

/**
 * Renders a `Verdict` for a terminal: the answer, then the egress side and the ingress side,
 * each with the policies that select the endpoint and the rules that admitted the connection.
 *
 * @example
 * const verdict = new Evaluator(model).check({ source: 'prod/web', destination: 'prod/db', port: 5432 });
 * console.log(VerdictReport.toText(verdict));
 */
export class VerdictReport {
  /** Several lines of text ending with a newline. */
  public static toText(verdict: Verdict): string {
    const subject = `${verdict.source} -> ${verdict.destination} ${verdict.protocol}/${verdict.portName ?? verdict.port}`
      + (verdict.portName === undefined ? '' : ` (port ${verdict.port})`);
    return [
      `${subject}: ${verdict.allowed ? 'ALLOWED' : 'DENIED'}`,
      `  ${verdict.explanation}`,
      ...sideLines('egress', verdict.egress),
      ...sideLines('ingress', verdict.ingress),
      '',
    ].join('\n');
  }

  private constructor() {}
}

function sideLines(title: string, side: SideVerdict): string[] {
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
