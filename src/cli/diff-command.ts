import { CHANNEL_HELP, CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { loadModel } from './load-model';
import { Output, StringOutput, untilClosed } from './output';
import { choiceOption, parseArgs } from './parse-args';
import { Progress } from './progress';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { ConnectivityDiff } from '../analysis/connectivity-diff';
import { Evaluator } from '../analysis/evaluator';
import { DiffWriter } from '../report/diff-writer';

export const DIFF_USAGE = 'cdk8s-netpol diff <old file or folder> <new file or folder> [--fail-on added|any|none] [--format text|markdown|json] [--cidr strict|legacy] [--channel standard|experimental]';

export const DIFF_HELP = `usage: ${DIFF_USAGE}

What a change opens and closes, over every port of every protocol: the connections allowed in
NEW and not in OLD (added), and in OLD and not in NEW (removed), each with the policies and
rules responsible (in NEW for added, in OLD for removed). OLD and NEW are each a file or a
folder: two synth outputs, two checkouts' manifests, two Helm renders. Workloads are matched
by namespace/name; one on one side only counts with all its connections.

  --fail-on added   exit 1 when the change opens a connection (the default), so CI can ask
                    for a review
  --fail-on any     exit 1 when it opens or closes one
  --fail-on none    never exit 1 for a change
  --format          text (+ and - lines), markdown (a summary line, then tables of opened and
                    closed connections, folded beyond 50 rows: fit for a pull-request comment),
                    or json: {"added": [...], "removed": [...]}, entries as in connections with
                    "policies" and "rules"
  --cidr legacy     evaluate the CIDR forms servers before 1.36 accepted
${CHANNEL_HELP}

Exit codes: 0 no change that --fail-on counts, 1 such a change or a problem with either input,
2 bad flags or a missing input.`;

/**
 * `diff`: what a change opens and closes, over every port, with the policies responsible. Exits 1
 * when the change opens a connection (`--fail-on added`, the default), opens or closes one
 * (`any`), or never for changes (`none`); invalid policies in either input also exit 1.
 */
export function diffCommand(args: string[], readOptions: ReadOptions = {}, out?: Output): CommandResult {
  const parsed = parseArgs(args, ['fail-on', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const failOn = choiceOption(parsed, 'fail-on', ['added', 'any', 'none'], 'added');
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text') as 'text' | 'markdown' | 'json';
  if (parsed.positionals.length !== 2) {
    throw new UsageError(`give exactly two inputs, the old and the new (a file or folder each), not ${parsed.positionals.length}`);
  }
  const strict = strictCidr(parsed);
  const channel = clusterPolicyChannel(parsed);
  const [before, after] = parsed.positionals.map((input) => loadModel([input], strict, readOptions, channel));
  const target = out ?? new StringOutput();
  const writer = new DiffWriter(format, (chunk) => target.write(chunk));
  const progress = new Progress('diff');
  untilClosed(() => {
    ConnectivityDiff._forEachChange(new Evaluator(before.model), new Evaluator(after.model), (change, added) => writer.add(change, added),
      (done, total) => progress.update(done, total));
    writer.end();
  });
  progress.done();
  // What was compared before a reader went away, if it did: the JSON streams the opened ones first.
  const { opened, closed } = writer.changedPairs;
  const changed = failOn === 'added' ? opened > 0 : failOn === 'any' ? opened + closed > 0 : false;
  return {
    exitCode: changed || before.hasErrors || after.hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout: out === undefined ? target.toString() : '',
    stderr: [...before.findingLines, ...after.findingLines].map((l) => l + '\n').join(''),
  };
}
