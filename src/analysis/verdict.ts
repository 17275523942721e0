import { TrafficDirection } from './traffic-direction';
import { Protocol } from '../policy/protocol';

/** One rule of one policy, as `spec.<direction>[ruleIndex]` of `policy`. */
export interface RuleReference {
  /** The policy as `namespace/name`. */
  readonly policy: string;

  /** Where the policy came from. */
  readonly origin: string;

  /** Whether the rule is in `spec.ingress` or `spec.egress`. */
  readonly direction: TrafficDirection;

  /** The rule's position in that list (0-based). */
  readonly ruleIndex: number;
}

/**
 * The kinds of policy that take part in a decision, in the order they are evaluated.
 */
export enum DecisionLayer {
  /** Traffic Kubernetes always allows: a pod to itself, a node to its pods. */
  IMPLICIT = 'Implicit',
  /** `networking.k8s.io/v1` NetworkPolicy. */
  NETWORK_POLICY = 'NetworkPolicy',
}

/** What a layer decided for one side of a connection. */
export enum DecisionOutcome {
  /** The layer lets the connection through on this side. */
  ALLOW = 'Allow',
  /** The layer stops the connection on this side. */
  DENY = 'Deny',
}

/** The decision of one layer for one side of a connection. */
export interface LayerDecision {
  /** The layer that decided. */
  readonly layer: DecisionLayer;

  /** The side it decided. */
  readonly direction: TrafficDirection;

  /** What it decided. */
  readonly outcome: DecisionOutcome;

  /** The layer's policies that apply to this side, as `namespace/name`. */
  readonly policies: string[];

  /** The rules that matched the connection. */
  readonly rules: RuleReference[];

  /** Why, in one clause. */
  readonly reason: string;
}

/** How one side (the source's egress or the destination's ingress) treats a connection. */
export interface SideVerdict {
  /** Which side. */
  readonly direction: TrafficDirection;

  /** The endpoint whose side it is: the source for egress, the destination for ingress. */
  readonly endpoint: string;

  /** Whether this side lets the connection through. */
  readonly allowed: boolean;

  /** Whether some evaluated policy selects the endpoint for this direction. */
  readonly isolated: boolean;

  /** The evaluated policies that select the endpoint for this direction, as `namespace/name`. */
  readonly selectingPolicies: string[];

  /** The rules of those policies that admit the connection. */
  readonly admittedBy: RuleReference[];

  /** Policies of the endpoint's namespace left out of the analysis (invalid, or not `networking.k8s.io/v1`). */
  readonly excludedPolicies: string[];

  /** Why, in one clause. */
  readonly reason: string;
}

/** The answer to a connection query, with the reasons on each side. */
export interface Verdict {
  /** Whether the connection is allowed. */
  readonly allowed: boolean;

  /** The source endpoint as resolved (`namespace/name`, an IP address or `node`). */
  readonly source: string;

  /** The destination endpoint as resolved. */
  readonly destination: string;

  /** The port as queried: a number or a port name. */
  readonly port: string;

  /**
   * The port number the connection uses (a port name resolved on the destination).
   */
  readonly portNumber: number;

  /** The protocol of the connection. */
  readonly protocol: Protocol;

  /** The source's egress side. */
  readonly egress: SideVerdict;

  /** The destination's ingress side. */
  readonly ingress: SideVerdict;

  /**
   * Every layer's decision in evaluation order: the egress side's layers, then the ingress
   * side's. The last decision of each side is the one that stands.
   */
  readonly decisions: LayerDecision[];

  /** One readable sentence, e.g. `denied: ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend`. */
  readonly explanation: string;
}
