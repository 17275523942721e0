import { ReachabilityReportContents } from './report-contents';

/** The report's formats, rendered from its contents. */
export interface ReportRenderers {
  markdown(contents: ReachabilityReportContents): string;
  json(contents: ReachabilityReportContents): unknown;
  /** A self-contained page; needs `contents.evaluator`. */
  html(contents: ReachabilityReportContents): string;
}

let installed: ReportRenderers | undefined;

/**
 * Installs the renderers of the report the intents write on synth. They live in the report
 * layer, above this one, so the package's entry point (`src/index.ts`) installs them; code that
 * loads this layer without the entry point writes no report.
 */
export function installReportRenderers(renderers: ReportRenderers): void {
  installed = renderers;
}

/** The installed renderers, if any. */
export function reportRenderers(): ReportRenderers | undefined {
  return installed;
}
