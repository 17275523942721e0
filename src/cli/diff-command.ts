import { CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { loadModel } from './load-model';
import { Output } from './output';
import { choiceOption, parseArgs } from './parse-args';
import { UsageError } from './usage-error';
import { ConnectivityDiff } from '../analysis/connectivity-diff';
import { DiffReport } from '../report/diff-report';

export const DIFF_USAGE = 'cdk8s-netpol diff <old file or folder> <new file or folder> [--fail-on added|any|none] [--format text|markdown|json] [--cidr strict|legacy] [--channel standard|experimental]';

/**
 * `diff`: what a change opens and closes, over every port, with the policies responsible. Exits 1
 * when the change opens a connection (`--fail-on added`, the default), opens or closes one
 * (`any`), or never for changes (`none`); invalid policies in either input also exit 1.
 */
export function diffCommand(args: string[], out?: Output): CommandResult {
  const parsed = parseArgs(args, ['fail-on', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const failOn = choiceOption(parsed, 'fail-on', ['added', 'any', 'none'], 'added');
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text');
  if (parsed.positionals.length !== 2) {
    throw new UsageError(`give exactly two inputs, the old and the new (a file or folder each), not ${parsed.positionals.length}`);
  }
  const strict = strictCidr(parsed);
  const channel = clusterPolicyChannel(parsed);
  const [before, after] = parsed.positionals.map((input) => loadModel([input], strict, channel));
  const diff = ConnectivityDiff.between(before.model, after.model);
  const text = format === 'json' ? DiffReport.toJson(diff) : format === 'markdown' ? DiffReport.toMarkdown(diff) : DiffReport.toText(diff);
  out?.write(text);
  const changed = failOn === 'added' ? diff.added.length > 0 : failOn === 'any' ? diff.added.length + diff.removed.length > 0 : false;
  return {
    exitCode: changed || before.hasErrors || after.hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout: out === undefined ? text : '',
    stderr: [...before.findingLines, ...after.findingLines].map((l) => l + '\n').join(''),
  };
}
