import { IntentResult } from './intent-result';
import { ModelFinding } from '../analysis/model-finding';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';

/** What a reachability report covers. */
export interface ReachabilityReportContents {
  /** The outcome of every intent, in declaration order. */
  readonly intents: IntentResult[];

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
}
