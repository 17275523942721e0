import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';

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
 * The layers that decide one side of a connection, in the order they are evaluated. The first
 * layer that accepts or denies decides; the others pass it on.
 */
export enum DecisionLayer {
  /** Traffic Kubernetes always allows, whatever the policies: a pod to itself, a node to its pods. */
  IMPLICIT = 'Implicit',
  /** `networking.k8s.io/v1` NetworkPolicy: decides for every pod it isolates in the direction. */
  NETWORK_POLICY = 'NetworkPolicy',
  /** What happens when no policy decides: the connection is allowed. */
  DEFAULT = 'Default',
}

/** What a layer decided for one side of a connection. */
export enum DecisionOutcome {
  /** The layer lets the connection through on this side, and no later layer is asked. */
  ACCEPT = 'Accept',
  /** The layer stops the connection on this side, and no later layer is asked. */
  DENY = 'Deny',
  /** A rule of the layer hands the decision to the next layer. */
  PASS = 'Pass',
  /** No policy of the layer applies; the next layer decides. */
  NO_MATCH = 'NoMatch',
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

  /** The layer whose decision stands for this side. */
  readonly decidedBy: DecisionLayer;

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

  /** The destination port the connection uses (a queried port name resolved on the destination). */
  readonly port: number;

  /**
   * The container port name queried, which resolved to `port` on the destination.
   *
   * @default - a port number was queried
   */
  readonly portName?: string;

  /** The protocol of the connection. */
  readonly protocol: Protocol;

  /** The source's egress side. */
  readonly egress: SideVerdict;

  /** The destination's ingress side. */
  readonly ingress: SideVerdict;

  /**
   * The decision of every layer that was asked, in evaluation order: the egress side's layers,
   * then the ingress side's, each side ending with the layer that decided it.
   */
  readonly decisions: LayerDecision[];

  /** One readable sentence, e.g. `denied: ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend`. */
  readonly explanation: string;
}
