import { CHANNEL_HELP, CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, loadModel } from './load-model';
import { Output, StringOutput, untilClosed } from './output';
import { choiceOption, parseArgs } from './parse-args';
import { Progress } from './progress';
import { ReadOptions } from './read-manifests';
import { Evaluator } from '../analysis/evaluator';
import { ConnectionWriter } from '../report/connection-writer';

export const CONNECTIONS_USAGE = 'cdk8s-netpol connections [--from <ns|ns/name>] [--to <ns|ns/name>] [--format text|markdown|json] [--cidr strict|legacy] [--channel standard|experimental] <files, folders or - ...>';

export const CONNECTIONS_HELP = `usage: ${CONNECTIONS_USAGE}

Every connection one workload may open to another, over every port of every protocol: one
entry per (from, to, protocol) with its ports merged into ranges, sources and destinations in
name order. Entries are written as they are computed, so a cluster of any size streams.

  --from X        only connections from namespace X, or from workload X (namespace/name)
  --to Y          only connections to namespace Y, or to workload Y
  --format        text (grouped by source, e.g. "-> shop/api  TCP 80, 8000-8080"), markdown
                  (one row per pair), or json: {"connections": [{"from", "to", "protocol",
                  "ports": [[first, last], ...]}]}, one entry per line
  --cidr legacy   evaluate the CIDR forms servers before 1.36 accepted
${CHANNEL_HELP}

A workload is not listed with itself. Exit codes: 0 success, 1 a problem with the input,
2 bad flags (an unknown namespace or workload is one), or no input.`;

/**
 * `connections`: every allowed connection between workloads, over every port and protocol,
 * written as it is computed (`out`, or the result's stdout when none is given).
 */
export function connectionsCommand(args: string[], input: ReadOptions = {}, out?: Output): CommandResult {
  const parsed = parseArgs(args, ['from', 'to', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text') as 'text' | 'markdown' | 'json';
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), input, clusterPolicyChannel(parsed));
  const evaluator = new Evaluator(model);
  const query = { source: parsed.options.get('from'), destination: parsed.options.get('to') };
  const target = out ?? new StringOutput();
  const workloads = model.workloads;
  const progress = new Progress('connections');
  let sources = 0;
  let previous = -1;
  untilClosed(() => asUsage(() => {
    const writer = new ConnectionWriter(format, (chunk) => target.write(chunk));
    evaluator._forEachConnection(query, (from, to, ports) => {
      if (from !== previous) {
        previous = from;
        progress.update(++sources, workloads.length);
      }
      writer.add(workloads[from].endpoint, workloads[to].endpoint, ports);
    });
    writer.end();
  }));
  progress.done();
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout: out === undefined ? target.toString() : '',
    stderr: findingLines.map((l) => l + '\n').join(''),
  };
}
