import { writeMatrix, writeNamespaceMatrix } from './matrix-writer';
import { NamespaceMatrix } from '../analysis/namespace-matrix';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';

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
    return collect((write) => writeMatrix(matrix, 'text', write));
  }

  /** A Markdown table with the endpoints' names as row and column headers. */
  public static toMarkdown(matrix: ReachabilityMatrix): string {
    return collect((write) => writeMatrix(matrix, 'markdown', write));
  }

  /** A namespace summary (`ReachabilityMatrix.byNamespace()`) as a table: all, some or none of the pairs allowed. */
  public static namespacesToText(summary: NamespaceMatrix): string {
    return collect((write) => writeNamespaceMatrix(summary, 'text', write));
  }

  /** A namespace summary as a Markdown table. */
  public static namespacesToMarkdown(summary: NamespaceMatrix): string {
    return collect((write) => writeNamespaceMatrix(summary, 'markdown', write));
  }

  private constructor() {}
}

function collect(render: (write: (chunk: string) => void) => void): string {
  const chunks: string[] = [];
  render((chunk) => chunks.push(chunk));
  return chunks.join('');
}
