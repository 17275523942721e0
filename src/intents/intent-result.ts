import { IntentKind } from './intent-kind';
import { IntentStatus } from './intent-status';
import { Protocol } from '../k8s/protocol';

/** One connection an intent checked, with the evaluator's answer. */
export interface IntentConnection {
  /** The source as the evaluator names it: `namespace/name` or an IP address. */
  readonly source: string;

  /** The destination as the evaluator names it. */
  readonly destination: string;

  /** The protocol. */
  readonly protocol: Protocol;

  /** The destination port: a number, or a container port name. */
  readonly port: string;

  /** Whether the policies allow the connection. */
  readonly allowed: boolean;

  /** The evaluator's sentence, e.g. `denied: ingress to data/db is isolated by data/default-deny-all, ...`. */
  readonly explanation: string;
}

/** The outcome of one reachability intent. */
export interface IntentResult {
  /**
   * The intent's stable id, e.g. `NP-REACH[shop/api -> data/db TCP/5432]`: what
   * `ReachabilityIntents.acknowledge` takes.
   */
  readonly id: string;

  /** What the intent expects. */
  readonly kind: IntentKind;

  /** How it fared. */
  readonly status: IntentStatus;

  /** The intent in words, e.g. `shop/api can reach data/db on TCP/5432`. */
  readonly description: string;

  /**
   * Why it holds, what breaks it (the synthesis error of a broken intent, without its id and
   * fix), or why it cannot be checked.
   */
  readonly message: string;

  /** The construct path of the `ReachabilityIntents` that declared it. */
  readonly constructPath: string;

  /**
   * The reason given to `acknowledge`.
   *
   * @default - not acknowledged
   */
  readonly acknowledgement?: string;

  /**
   * The connections that decide: for `ALLOWED` and `DENIED` intents every connection checked,
   * for `ONLY_SOURCES` the allowed connections from other workloads; empty for `ISOLATED`
   * intents and errors.
   */
  readonly connections: IntentConnection[];
}
