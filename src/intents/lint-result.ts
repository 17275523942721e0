import { IntentStatus } from './intent-status';
import { LintFinding } from '../analysis/lint-finding';

/** A lint finding on the app's NetworkPolicies, as `ReachabilityIntents` checks it on synth. */
export interface LintResult {
  /**
   * What `ReachabilityIntents.acknowledge` takes: the lint and the policy, e.g.
   * `NP-LINT-REDUNDANT-RULE[shop/allow-api]`. Every finding of that lint on that policy shares it.
   */
  readonly id: string;

  /** The finding: lint id, policy, field path, message with the fix, and the policy's construct path. */
  readonly finding: LintFinding;

  /** `BROKEN` (synthesis fails) or `ACKNOWLEDGED` (with the reason). */
  readonly status: IntentStatus;

  /**
   * The reason given to `acknowledge`.
   *
   * @default - not acknowledged
   */
  readonly acknowledgement?: string;

  /** The construct path of the `ReachabilityIntents` that reports it (the first that runs this lint). */
  readonly constructPath: string;
}
