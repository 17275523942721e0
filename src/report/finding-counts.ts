import { ModelFinding } from '../analysis/model-finding';
import { FindingSeverity } from '../validation/finding';

/** How many findings are errors and how many warnings. */
export function countFindings(findings: readonly ModelFinding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === FindingSeverity.ERROR).length;
  return { errors, warnings: findings.length - errors };
}
