import { portsText } from './connection-writer';
import { ConnectionVerdict, SideReason } from '../analysis/connection';
import { DecisionLayer, SideVerdict, Verdict } from '../analysis/verdict';

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

  /**
   * Every port of a connection (`Evaluator.connection`): the answer, then each piece of the
   * allowed ports with what admits it on the egress side and on the ingress side.
   */
  public static connectionToText(verdict: ConnectionVerdict): string {
    const lines = [`${verdict.source} -> ${verdict.destination}: ${verdict.allowed ? 'ALLOWED' : 'DENIED'}`, `  ${verdict.explanation}`];
    for (const piece of verdict.pieces) {
      lines.push(`  ${portsText(piece)}`, `    egress: ${sideText(piece.egress)}`, `    ingress: ${sideText(piece.ingress)}`);
    }
    return [...lines, ''].join('\n');
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

/** `NetworkPolicy: shop/db-from-api spec.ingress[0]`, or why no rule is named. */
function sideText(reason: SideReason): string {
  if (reason.layer === DecisionLayer.DEFAULT) {
    return 'no policy decides: allowed by default';
  }
  const rules = reason.rules.map((r) => `${r.policy} spec.${r.direction.toLowerCase()}[${r.ruleIndex}]`);
  return `${reason.layer}: ${rules.join(', ')}`;
}
