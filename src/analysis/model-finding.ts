import { FindingSeverity } from '../validation/finding';

/** A problem met while reading manifests into the cluster model. */
export interface ModelFinding {
  /**
   * `error`: the object is unusable (e.g. a policy the API server would reject) and was left out
   * of the analysis. `warning`: the object was read with the assumption the message states, or
   * left out as outside the model (a NetworkPolicy of another API group).
   */
  readonly severity: FindingSeverity;

  /** Where the object came from. */
  readonly origin: string;

  /** The object concerned, as `namespace/name` (or `kind/name` for cluster objects). */
  readonly subject: string;

  /**
   * The field path, e.g. `spec.ingress[0].ports[0].port`; empty when the finding concerns the
   * whole object (as in `ValidationFinding`).
   */
  readonly field: string;

  /** What is wrong and what the analysis did about it. */
  readonly message: string;

  /** A stable identifier of the rule, e.g. `NP-VAL-PORT` or `NP-INPUT-HOST-NETWORK`. */
  readonly rule: string;
}
