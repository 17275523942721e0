import { InputProblem } from './read-manifests';
import { printable } from '../k8s/printable';
import { FindingSeverity } from '../validation/finding';

/**
 * A finding as the CLI prints it, on one line whatever the names hold:
 * `<file>:<line> <namespace>/<name>: <field path>: [warning: ]<message>`.
 */
export function findingLine(origin: string, subject: string, finding: { field?: string; severity: FindingSeverity; message: string }): string {
  const field = finding.field ? `${finding.field}: ` : '';
  return printable(`${origin} ${subject}: ${field}${finding.severity === FindingSeverity.WARNING ? 'warning: ' : ''}${finding.message}`);
}

/** An input problem as the CLI prints it: `<file>:<line>[ items[i]]: [warning: ]<message>`, or `<path>: <message>`. */
export function problemLine(problem: InputProblem): string {
  return printable(`${problem.origin}: ${problem.warning ? 'warning: ' : ''}${problem.message}`);
}
