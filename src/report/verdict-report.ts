import { sideLines, verdictHeading } from './verdict-lines';
import { Verdict } from '../analysis/verdict';

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
      ...sideLines('egress', verdict.egress),
      ...sideLines('ingress', verdict.ingress),
      '',
    ].join('\n');
  }

  private constructor() {}
}
