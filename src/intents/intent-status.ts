/**
 * How a reachability intent fared against the app's manifests.
 */
export enum IntentStatus {
  /** The policies do what the intent says. */
  OK = 'ok',
  /** The policies do not do what the intent says: synthesis fails. */
  BROKEN = 'broken',
  /** Broken, but acknowledged with a reason: listed in the report, synthesis goes on. */
  ACKNOWLEDGED = 'acknowledged',
  /** The intent cannot be checked (an unknown endpoint, a port the destination lacks): synthesis fails. */
  ERROR = 'error',
}
