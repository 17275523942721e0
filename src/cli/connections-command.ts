import { CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, loadModel } from './load-model';
import { Output, StringOutput } from './output';
import { choiceOption, parseArgs } from './parse-args';
import { Progress } from './progress';
import { Evaluator } from '../analysis/evaluator';
import { ConnectionWriter } from '../report/connection-writer';

export const CONNECTIONS_USAGE = 'cdk8s-netpol connections [--from <ns|ns/name>] [--to <ns|ns/name>] [--format text|markdown|json] [--cidr strict|legacy] [--channel standard|experimental] <files or folders...>';

/**
 * `connections`: every allowed connection between workloads, over every port and protocol,
 * written as it is computed (`out`, or the result's stdout when none is given).
 */
export function connectionsCommand(args: string[], out?: Output): CommandResult {
  const parsed = parseArgs(args, ['from', 'to', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text') as 'text' | 'markdown' | 'json';
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), clusterPolicyChannel(parsed));
  const evaluator = new Evaluator(model);
  const query = { from: parsed.options.get('from'), to: parsed.options.get('to') };
  const target = out ?? new StringOutput();
  const workloads = model.workloads;
  const progress = new Progress('connections', workloads.length);
  let sources = 0;
  let previous = -1;
  asUsage(() => {
    const writer = new ConnectionWriter(format, (chunk) => target.write(chunk));
    evaluator._forEachConnection(query, (from, to, ports) => {
      if (from !== previous) {
        previous = from;
        progress.update(++sources);
      }
      writer.add(workloads[from].endpoint, workloads[to].endpoint, ports);
    });
    writer.end();
  });
  progress.done();
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout: out === undefined ? target.toString() : '',
    stderr: findingLines.map((l) => l + '\n').join(''),
  };
}
