import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * One rule of one policy, as `spec.<direction>[ruleIndex]` of `policy`: a NetworkPolicy's, or a
 * ClusterNetworkPolicy's (then `tier`, `priority` and `action` are set).
 */
export interface RuleReference {
  /** The policy: `namespace/name` of a NetworkPolicy, the name of a ClusterNetworkPolicy (cluster-scoped). */
  readonly policy: string;

  /** Where the policy came from. */
  readonly origin: string;

  /** Whether the rule is in `spec.ingress` or `spec.egress`. */
  readonly direction: TrafficDirection;

  /** The rule's position in that list (0-based). */
  readonly ruleIndex: number;

  /**
   * The tier of the rule's ClusterNetworkPolicy.
   *
   * @default - the rule is a NetworkPolicy's
   */
  readonly tier?: ClusterPolicyTier;

  /**
   * The priority of the rule's ClusterNetworkPolicy within its tier (lower is asked first).
   *
   * @default - the rule is a NetworkPolicy's
   */
  readonly priority?: number;

  /**
   * What the ClusterNetworkPolicy rule does with what it matches: `ACCEPT`, `DENY` or `PASS`.
   *
   * @default - the rule is a NetworkPolicy's, which only admits
   */
  readonly action?: DecisionOutcome;

  /**
   * The ClusterNetworkPolicy rule's `name`.
   *
   * @default - the rule has no name (NetworkPolicy rules never have one)
   */
  readonly ruleName?: string;
}

/**
 * The layers that decide one side of a connection, in the order they are evaluated. The first
 * layer that accepts or denies decides; the others pass it on.
 */
export enum DecisionLayer {
  /**
   * Traffic Kubernetes always allows, whatever the policies: a pod to itself (by its own IP, which
   * ClusterNetworkPolicies do not apply to either), a node to its pods.
   */
  IMPLICIT = 'Implicit',
  /**
   * Admin-tier ClusterNetworkPolicies, asked first: the first rule that matches, by priority then
   * written order, accepts or denies, whatever NetworkPolicies say; a `Pass` hands the side on.
   */
  ADMIN = 'Admin',
  /** `networking.k8s.io/v1` NetworkPolicy: decides for every pod it isolates in the direction. */
  NETWORK_POLICY = 'NetworkPolicy',
  /**
   * Baseline-tier ClusterNetworkPolicies, asked for the sides NetworkPolicy leaves open: the
   * first rule that matches accepts or denies; a `Pass` leaves the side to the default.
   */
  BASELINE = 'Baseline',
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

  /**
   * The layer's policies that apply to this side: the NetworkPolicies isolating it
   * (`namespace/name`), or the tier's ClusterNetworkPolicies selecting it (names), in the order
   * they are asked.
   */
  readonly policies: string[];

  /** The rules that matched the connection: every admitting NetworkPolicy rule, or the first matching ClusterNetworkPolicy rule. */
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

  /**
   * Whether some evaluated NetworkPolicy selects the endpoint for this direction (being the
   * subject of a ClusterNetworkPolicy isolates nothing).
   */
  readonly isolated: boolean;

  /** The evaluated NetworkPolicies that select the endpoint for this direction, as `namespace/name`. */
  readonly selectingPolicies: string[];

  /**
   * The rules of those NetworkPolicies that admit the connection, whichever layer decided;
   * the rule that decided is in the deciding layer's `LayerDecision`.
   */
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
