import { IntentResult } from './intent-result';
import { LintResult } from './lint-result';
import { Evaluator } from '../analysis/evaluator';
import { ModelFinding } from '../analysis/model-finding';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';

/** What a reachability report covers. */
export interface ReachabilityReportContents {
  /** The outcome of every intent, in declaration order. */
  readonly intents: IntentResult[];

  /**
   * The lint findings on the app's NetworkPolicies, acknowledged ones with their reason.
   *
   * @default - the lints were not run: the report has no lint section
   */
  readonly lints?: LintResult[];

  /** The cluster model's findings, warnings included. */
  readonly findings: ModelFinding[];

  /** One matrix per port shown. */
  readonly matrices: ReachabilityMatrix[];

  /**
   * Ports the policies name that got no matrix, to keep the report readable (as `TCP/8443`).
   *
   * @default - none
   */
  readonly omittedPorts?: string[];

  /**
   * The evaluator the matrices come from. The HTML report needs it (to explain each connection
   * and count isolated workloads); the JSON and Markdown reports use it to summarize a matrix
   * too large to write pair by pair.
   *
   * @default - no HTML report, and every matrix written in full
   */
  readonly evaluator?: Evaluator;

  /**
   * Write every matrix pair by pair, however many workloads the model has. Otherwise a matrix
   * of more workloads than `ReachabilityReport.FULL_MATRIX_WORKLOADS` is written as its counts
   * per namespace, so that the report grows with the namespaces rather than with the square of
   * the workloads.
   *
   * @default false
   */
  readonly fullMatrices?: boolean;

  /**
   * Who wrote the report and when, as its first sentence says it (`Written by ...`).
   *
   * @default 'cdk8s-netpol when the app synthesized'
   */
  readonly writtenBy?: string;
}
