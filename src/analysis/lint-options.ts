import { LintId } from './lint-id';

/**
 * Which lints `Linter.lint` runs.
 */
export interface LintOptions {
  /**
   * The lints to run.
   *
   * @default - every lint (`LintId`)
   */
  readonly checks?: LintId[];
}
