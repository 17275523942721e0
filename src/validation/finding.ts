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
 * Where on the way from a manifest to a created object the problem stops it, as `kubectl create -f`
 * against Kubernetes 1.37 would meet it. The first stage with an error is the one that refuses the
 * object; the validator still reports what later stages would find once that is fixed.
 *
 * @example
 * const refusedAt = NetworkPolicyValidator.refusedAt(findings); // e.g. ValidationStage.DECODE
 */
export enum ValidationStage {
  /**
   * kubectl refuses before sending anything: no or an unserved `apiVersion`, metadata that does not
   * decode (a field of the wrong type, an unparsable timestamp), a namespace that cannot be a URL
   * path segment.
   */
  CLIENT = 'client',
  /**
   * The API server refuses the request before validating it: HTTP 400 while decoding (a field of the
   * wrong type, an unknown field under strict field validation), or 404 for a group without version.
   */
  DECODE = 'decode',
  /**
   * The API server's validation on create (HTTP 422 Invalid). Warnings, which the server returns with
   * its answer, carry this stage too.
   */
  VALIDATE = 'validate',
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
 *   stage: ValidationStage.VALIDATE,
 * };
 */
export interface ValidationFinding {
  /**
   * The field path as the API server writes it, e.g. `spec.ingress[0].ports[1].endPort`.
   * Empty when the finding is about the whole document.
   */
  readonly field: string;

  /**
   * What is wrong, in the words of Kubernetes 1.37 (the API server's cause, or kubectl's error
   * without its file name), values quoted as Go quotes them,
   * e.g. `Invalid value: 0: must be between 1 and 65535, inclusive`.
   */
  readonly message: string;

  /** Whether the API server would reject the object or only warn. */
  readonly severity: FindingSeverity;

  /** A stable identifier of the rule, e.g. `NP-VAL-PORT-RANGE`. */
  readonly rule: string;

  /**
   * The stage that finds the problem. At `DECODE` the server names only one type error, the first
   * such finding, or, when there is none, every unknown field; at `CLIENT` kubectl names only the
   * first finding.
   */
  readonly stage: ValidationStage;
}
