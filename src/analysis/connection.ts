import { DecisionLayer, RuleReference } from './verdict';
import { Protocol } from '../k8s/protocol';

/** Every destination port of one protocol that one workload may open to another. */
export interface ConnectionEntry {
  /** The source workload or pod, as `namespace/name`. */
  readonly source: string;

  /** The destination workload or pod, as `namespace/name`. */
  readonly destination: string;

  /** The protocol. */
  readonly protocol: Protocol;

  /** The destination ports, as sorted, merged, inclusive `[first, last]` pairs, e.g. `[[80, 80], [8000, 8080]]`. */
  readonly ports: number[][];
}

/** Which connections to list. */
export interface ConnectionsQuery {
  /**
   * Only connections from this namespace (`shop`) or workload (`shop/web`).
   *
   * @default - from every workload
   */
  readonly source?: string;

  /**
   * Only connections to this namespace or workload.
   *
   * @default - to every workload
   */
  readonly destination?: string;
}

/** What let some ports through on one side of a connection. */
export interface SideReason {
  /** The layer whose decision stands for these ports (`Default` where no policy decides). */
  readonly layer: DecisionLayer;

  /** The rules that accepted them (every admitting NetworkPolicy rule; empty for the default). */
  readonly rules: RuleReference[];
}

/** Ports of one protocol that the same rules let through on each side. */
export interface ConnectionPiece {
  /** The protocol. */
  readonly protocol: Protocol;

  /** The ports, as sorted inclusive `[first, last]` pairs. */
  readonly ports: number[][];

  /** Why the source's egress side lets them through. */
  readonly egress: SideReason;

  /** Why the destination's ingress side lets them through. */
  readonly ingress: SideReason;
}

/** Every port one workload may open to another, and why, over all protocols. */
export interface ConnectionVerdict {
  /** The source, as `namespace/name`. */
  readonly source: string;

  /** The destination, as `namespace/name`. */
  readonly destination: string;

  /** Whether some port of some protocol is allowed. */
  readonly allowed: boolean;

  /** The allowed ports, one entry per protocol, as `Evaluator.connections` lists them. */
  readonly connections: ConnectionEntry[];

  /** The allowed ports split by the rules that admit them on each side. */
  readonly pieces: ConnectionPiece[];

  /** One readable sentence, e.g. `allowed on TCP 5432: ...; every other port is denied`. */
  readonly explanation: string;
}
