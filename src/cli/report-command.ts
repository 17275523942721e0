import * as path from 'path';
import { CHANNEL_HELP, CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { loadModel } from './load-model';
import { choiceOption, parseArgs } from './parse-args';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { Evaluator } from '../analysis/evaluator';
import { LINT_IDS } from '../analysis/lint-report';
import { policyPorts } from '../analysis/policy-ports';
import { evaluateLints } from '../intents/lint-evaluation';
import { ReachabilityReportContents } from '../intents/report-contents';
import { writeFilesAtomically } from '../intents/report-writing';
import { ReachabilityReport } from '../report/reachability-report';

export const REPORT_USAGE = 'cdk8s-netpol report [--format html|markdown|json] [--out FILE] [--matrices auto|full] [--cidr strict|legacy] [--channel standard|experimental] <files, folders or - ...>';

export const REPORT_HELP = `usage: ${REPORT_USAGE}

The report that ReachabilityIntents writes on synth, made from manifests: a matrix for every
port the policies name, every lint finding (as \`lint\` prints them), and every finding.

  --format        html (the default): one self-contained page with the matrices, a graph and an
                  explainer; markdown; or json
  --out FILE      write it to FILE, whole or not at all, instead of stdout
  --matrices full JSON matrices pair by pair whatever the number of workloads (by default,
                  large matrices are summarized)
  --cidr legacy   evaluate the CIDR forms servers before 1.36 accepted
${CHANNEL_HELP}

Exit codes: 0 success, 1 a problem with the input, 2 bad flags, no input, or --out not writable.`;

const RENDERERS: Record<string, (contents: ReachabilityReportContents) => string> = {
  html: (contents) => ReachabilityReport.toHtml(contents),
  markdown: (contents) => ReachabilityReport.toMarkdown(contents),
  json: (contents) => JSON.stringify(ReachabilityReport.toJson(contents), undefined, 2) + '\n',
};

/**
 * `report`: the report `ReachabilityIntents` writes on synth, from manifests: a matrix for every
 * port the policies name, the lint findings (every lint, none acknowledged) and the findings, as
 * a self-contained HTML page (the default), Markdown or JSON; to stdout, or to `--out FILE`
 * (written whole or not at all). `--matrices full` writes JSON matrices pair by pair whatever
 * the number of workloads.
 */
export function reportCommand(args: string[], input: ReadOptions = {}): CommandResult {
  const parsed = parseArgs(args, ['format', 'out', 'matrices', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', Object.keys(RENDERERS), 'html');
  const full = choiceOption(parsed, 'matrices', ['auto', 'full'], 'auto') === 'full';
  const { model, objects, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), input, clusterPolicyChannel(parsed));
  const evaluator = new Evaluator(model);
  const writtenBy = `cdk8s-netpol report from ${parsed.positionals.join(' ')}`;
  const lints = evaluateLints([{ path: writtenBy, lints: LINT_IDS, acknowledgements: new Map() }], model).results[0];
  const text = RENDERERS[format]({
    intents: [],
    lints,
    findings: model.findings,
    matrices: policyPorts(objects.map((o) => ({ manifest: o.manifest })), Number.MAX_SAFE_INTEGER).queries.map((query) => evaluator.matrix(query)),
    evaluator,
    fullMatrices: full,
    writtenBy,
  });
  const exitCode = hasErrors ? EXIT_FINDINGS : EXIT_OK;
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
