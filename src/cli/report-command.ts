import * as path from 'path';
import { CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { findingLine } from './finding-line';
import { choiceOption, parseArgs } from './parse-args';
import { readManifests } from './read-manifests';
import { UsageError } from './usage-error';
import { ClusterModel } from '../analysis/cluster-model';
import { Evaluator } from '../analysis/evaluator';
import { policyPorts } from '../analysis/policy-ports';
import { ReachabilityReportContents } from '../intents/report-contents';
import { writeFilesAtomically } from '../intents/report-writing';
import { ReachabilityReport } from '../report/reachability-report';
import { FindingSeverity } from '../validation/finding';

export const REPORT_USAGE = 'cdk8s-netpol report [--format html|markdown|json] [--out FILE] [--matrices auto|full] [--cidr strict|legacy] [--channel standard|experimental] <files or folders...>';

const RENDERERS: Record<string, (contents: ReachabilityReportContents) => string> = {
  html: (contents) => ReachabilityReport.toHtml(contents),
  markdown: (contents) => ReachabilityReport.toMarkdown(contents),
  json: (contents) => JSON.stringify(ReachabilityReport.toJson(contents), undefined, 2) + '\n',
};

/**
 * `report`: the report `ReachabilityIntents` writes on synth, from manifests: a matrix for every
 * port the policies name and the findings, as a self-contained HTML page (the default), Markdown
 * or JSON; to stdout, or to `--out FILE` (written whole or not at all). `--matrices full` writes
 * JSON matrices pair by pair whatever the number of workloads.
 */
export function reportCommand(args: string[]): CommandResult {
  const parsed = parseArgs(args, ['format', 'out', 'matrices', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', Object.keys(RENDERERS), 'html');
  const full = choiceOption(parsed, 'matrices', ['auto', 'full'], 'auto') === 'full';
  const documents = readManifests(parsed.positionals).map((o) => ({ manifest: o.manifest, origin: `${o.file}:${o.documentIndex}` }));
  const model = ClusterModel.fromManifests(documents, { strictCidr: strictCidr(parsed), clusterNetworkPolicyChannel: clusterPolicyChannel(parsed) });
  const evaluator = new Evaluator(model);
  const text = RENDERERS[format]({
    intents: [],
    findings: model.findings,
    matrices: policyPorts(documents, Number.MAX_SAFE_INTEGER).queries.map((query) => evaluator.matrix(query)),
    evaluator,
    fullMatrices: full,
    writtenBy: `cdk8s-netpol report from ${parsed.positionals.join(' ')}`,
  });
  const findingLines = model.findings.map((f) => findingLine(f.origin, f.subject, f));
  const exitCode = model.findings.some((f) => f.severity === FindingSeverity.ERROR) ? EXIT_FINDINGS : EXIT_OK;
  const out = parsed.options.get('out');
  if (out === undefined) {
    return { exitCode, stdout: text, stderr: findingLines.map((l) => l + '\n').join('') };
  }
  const problem = writeFilesAtomically([{ file: path.resolve(out), render: () => text }]);
  if (problem !== undefined) {
    throw new UsageError(`--out: cannot write ${out}: ${problem.replace(/^[^:]*: /, '')}`);
  }
  return { exitCode, stdout: '', stderr: [...findingLines, `wrote ${out}`].map((l) => l + '\n').join('') };
}
