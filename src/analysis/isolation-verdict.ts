import { TrafficDirection } from '../k8s/traffic-direction';

/** Whether NetworkPolicy isolates one endpoint for one direction, and which policies do. */
export interface IsolationVerdict {
  /** The endpoint as resolved (`namespace/name`, or an IP address). */
  readonly endpoint: string;

  /** The direction asked about. */
  readonly direction: TrafficDirection;

  /** Whether some evaluated policy of the endpoint's namespace selects it for this direction. */
  readonly isolated: boolean;

  /** Those policies, as `namespace/name`. */
  readonly selectingPolicies: string[];

  /** Policies of the endpoint's namespace left out of the analysis (invalid, or not `networking.k8s.io/v1`). */
  readonly excludedPolicies: string[];

  /** Why, in one clause, e.g. `ingress to prod/db is isolated by prod/default-deny`. */
  readonly reason: string;
}
