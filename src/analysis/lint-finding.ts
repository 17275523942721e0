import { LintId } from './lint-id';

/**
 * One lint finding: a mistake in one NetworkPolicy, where it is and how to fix it.
 */
export interface LintFinding {
  /** The lint, e.g. `NP-LINT-REDUNDANT-RULE`. */
  readonly id: LintId;

  /** The policy's namespace. */
  readonly namespaceName: string;

  /** The policy's name. */
  readonly name: string;

  /** The field path inside the policy, e.g. `spec.ingress[1]`; empty when the finding is about the whole policy. */
  readonly field: string;

  /** What is wrong, and the fix. */
  readonly message: string;

  /** Where the policy came from (a file and document, or a construct path). */
  readonly origin: string;
}

