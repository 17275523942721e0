import { markdownName } from './markdown-cell';
import { matrixTitle } from './matrix-title';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';

const ALLOWED = '✓';
const DENIED = '·';

/**
 * Renders a `ReachabilityMatrix` for people: an aligned text table for terminals and a
 * Markdown table for reviews. Rows are sources, columns are destinations.
 *
 * @example
 * const matrix = new Evaluator(model).matrix({ port: 80 });
 * console.log(MatrixReport.toText(matrix));
 */
export class MatrixReport {
  /**
   * An aligned table: each endpoint is numbered, columns use the numbers so the table stays
   * narrow, and a legend says how to read it.
   */
  public static toText(matrix: ReachabilityMatrix): string {
    const endpoints = matrix.endpoints;
    const title = `${matrixTitle(matrix)}: rows are sources, columns are destinations`;
    if (endpoints.length === 0) {
      return `${title}\n(no pods or workloads in the input)\n`;
    }
    const numbers = endpoints.map((_, i) => String(i + 1));
    const cellWidth = Math.max(...numbers.map((n) => n.length));
    const labels = endpoints.map((e, i) => `${numbers[i].padStart(cellWidth)} ${e}`);
    const labelWidth = Math.max(...labels.map((l) => l.length));
    const header = ' '.repeat(labelWidth) + ' │ ' + numbers.map((n) => n.padStart(cellWidth)).join(' ');
    const rule = '─'.repeat(labelWidth) + '─┼─' + '─'.repeat(header.length - labelWidth - 3);
    let allowed = 0;
    const rows = endpoints.map((source, i) => {
      const cells = endpoints.map((destination) => {
        const isAllowed = matrix.isAllowed(source, destination);
        allowed += Number(isAllowed);
        return (isAllowed ? ALLOWED : DENIED).padStart(cellWidth);
      });
      return labels[i].padEnd(labelWidth) + ' │ ' + cells.join(' ');
    });
    const legend = `${ALLOWED} allowed   ${DENIED} denied   (${allowed} of ${endpoints.length * endpoints.length} pairs allowed)`;
    return [title, header, rule, ...rows, '', legend, ''].join('\n');
  }

  /** A Markdown table with the endpoints' names as row and column headers. */
  public static toMarkdown(matrix: ReachabilityMatrix): string {
    const endpoints = matrix.endpoints;
    const lines = [`**${matrixTitle(matrix)}** (rows: sources, columns: destinations; ${ALLOWED} allowed, ${DENIED} denied)`, ''];
    if (endpoints.length === 0) {
      return lines.concat('_No pods or workloads in the input._', '').join('\n');
    }
    lines.push(`| source \\ destination | ${endpoints.map(markdownName).join(' | ')} |`);
    lines.push(`| --- | ${endpoints.map(() => ':-:').join(' | ')} |`);
    for (const source of endpoints) {
      const cells = endpoints.map((destination) => (matrix.isAllowed(source, destination) ? ALLOWED : DENIED));
      lines.push(`| ${markdownName(source)} | ${cells.join(' | ')} |`);
    }
    lines.push('');
    return lines.join('\n');
  }

  private constructor() {}
}
