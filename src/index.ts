import { installReportRenderers } from './intents/report-renderers';
import { ReachabilityReport } from './report/reachability-report';

export * from './k8s';
export * from './validation';
export * from './policy';
export * from './analysis';
export * from './constructs';
export * from './intents';
export * from './report';

// The composition root: the intents write their report on synth with the renderers of the
// report layer above them, which they cannot import.
installReportRenderers({
  markdown: (contents) => ReachabilityReport.toMarkdown(contents),
  json: (contents) => ReachabilityReport.toJson(contents),
  html: (contents) => ReachabilityReport.toHtml(contents),
});
