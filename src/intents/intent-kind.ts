/**
 * What a reachability intent expects.
 */
export enum IntentKind {
  /** Every connection the intent names is allowed (`expectAllowed`). */
  ALLOWED = 'allowed',
  /** Every connection the intent names is denied (`expectDenied`). */
  DENIED = 'denied',
  /** No workload of the app but the listed sources reaches the destination (`expectOnlySources`). */
  ONLY_SOURCES = 'only-sources',
  /** A NetworkPolicy isolates the workload for the direction (`expectIsolated`). */
  ISOLATED = 'isolated',
}
