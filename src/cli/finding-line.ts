import { FindingSeverity } from '../validation/finding';

/** A finding as the CLI prints it: `<file>:<doc index> <namespace>/<name>: <field path>: [warning: ]<message>`. */
export function findingLine(origin: string, subject: string, finding: { field?: string; severity: FindingSeverity; message: string }): string {
  const field = finding.field ? `${finding.field}: ` : '';
  return `${origin} ${subject}: ${field}${finding.severity === FindingSeverity.WARNING ? 'warning: ' : ''}${finding.message}`;
}
