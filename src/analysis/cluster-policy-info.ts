import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';

/** A ClusterNetworkPolicy read into the cluster model. */
export interface ClusterPolicyInfo {
  /** The policy's name (it is cluster-scoped). */
  readonly name: string;

  /**
   * The tier, as written.
   *
   * @default - none: the object has no valid tier (it is not evaluated)
   */
  readonly tier?: ClusterPolicyTier;

  /**
   * The priority within the tier, as written.
   *
   * @default - none: the object has no valid priority (it is not evaluated)
   */
  readonly priority?: number;

  /** Where the object came from. */
  readonly origin: string;

  /**
   * Whether the evaluator takes it into account. A policy the API server would refuse, or whose
   * selectors implementations cannot apply, is not evaluated; the model's findings say why.
   */
  readonly evaluated: boolean;
}
