/**
 * How serious a finding is.
 *
 * @example
 * const errors = findings.filter((f) => f.severity === FindingSeverity.ERROR);
 */
export enum FindingSeverity {
  /** The API server would reject the object. */
  ERROR = 'error',
  /** The API server would accept the object but return a warning, or the object is likely not what was meant. */
  WARNING = 'warning',
}

/**
 * One problem found in a NetworkPolicy manifest.
 *
 * @example
 * const finding: ValidationFinding = {
 *   field: 'spec.ingress[0].ports[0].port',
 *   message: 'Invalid value: 0: must be between 1 and 65535, inclusive',
 *   severity: FindingSeverity.ERROR,
 *   rule: 'NP-VAL-PORT',
 * };
 */
export interface ValidationFinding {
  /**
   * The field path as the API server writes it, e.g. `spec.ingress[0].ports[1].endPort`.
   * Empty when the finding is about the whole document.
   */
  readonly field: string;

  /**
   * What is wrong and what would be valid, in the API server's wording where it has one
   * (e.g. `Invalid value: 0: must be between 1 and 65535, inclusive`).
   */
  readonly message: string;

  /** Whether the API server would reject the object or only warn. */
  readonly severity: FindingSeverity;

  /** A stable identifier of the rule, e.g. `NP-VAL-PORT-RANGE`. */
  readonly rule: string;
}
