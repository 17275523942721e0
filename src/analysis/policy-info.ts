/** A NetworkPolicy read into the cluster model. */
export interface PolicyInfo {
  /** The policy's namespace. */
  readonly namespaceName: string;

  /** The policy's name. */
  readonly name: string;

  /** Where the object came from. */
  readonly origin: string;

  /**
   * Whether the evaluator takes it into account. An invalid policy (or one of another API
   * version) is not evaluated; the model's findings say why, and verdicts involving its
   * namespace mention it.
   */
  readonly evaluated: boolean;
}
