import { portsText } from './connection-writer';
import { sideLines, verdictHeading } from './verdict-lines';
import { ConnectionVerdict, SideReason } from '../analysis/connection';
import { ruleText } from '../analysis/explanation';
import { DecisionLayer, Verdict } from '../analysis/verdict';

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
    return [
      verdictHeading(verdict),
      `  ${verdict.explanation}`,
      ...sideLines('egress', verdict.egress, verdict.decisions.filter((d) => d.direction === verdict.egress.direction)),
      ...sideLines('ingress', verdict.ingress, verdict.decisions.filter((d) => d.direction === verdict.ingress.direction)),
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

/**
 * `NetworkPolicy: shop/db-from-api spec.ingress[0]`, `Admin: ClusterNetworkPolicy dns rule "dns"
 * (Admin, priority 5, egress[0])`, or why no rule is named.
 */
function sideText(reason: SideReason): string {
  if (reason.layer === DecisionLayer.DEFAULT) {
    return 'no policy decides: allowed by default';
  }
  return `${reason.layer}: ${reason.rules.map(ruleText).join(', ')}`;
}
