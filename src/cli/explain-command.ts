import { CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, loadModel, portFlagsQuery } from './load-model';
import { choiceOption, parseArgs } from './parse-args';
import { UsageError } from './usage-error';
import { Evaluator } from '../analysis/evaluator';
import { VerdictReport } from '../report/verdict-report';

export const EXPLAIN_USAGE = 'cdk8s-netpol explain --from <ns/name|IP> --to <ns/name|IP> [--port <number|name>] [--protocol TCP|UDP|SCTP] [--format text|json] [--cidr strict|legacy] [--channel standard|experimental] <files or folders...>';

/**
 * `explain`: the verdict for one connection, with the egress and the ingress side; without
 * `--port`, every port the source may open to the destination and what admits each.
 */
export function explainCommand(args: string[]): CommandResult {
  const parsed = parseArgs(args, ['from', 'to', 'port', 'protocol', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  const source = parsed.options.get('from');
  const destination = parsed.options.get('to');
  if (source === undefined || destination === undefined) {
    throw new UsageError('--from and --to are required (a workload or pod as namespace/name, or an IP address)');
  }
  const port = parsed.options.get('port');
  if (port === undefined && parsed.options.has('protocol')) {
    throw new UsageError('--protocol goes with --port; without --port every port of every protocol is explained');
  }
  const query = port === undefined ? undefined : portFlagsQuery(port, parsed.options.get('protocol'));
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), clusterPolicyChannel(parsed));
  const evaluator = new Evaluator(model);
  let stdout: string;
  if (query === undefined) {
    const verdict = asUsage(() => evaluator.connection(source, destination));
    stdout = format === 'json' ? JSON.stringify(verdict, undefined, 2) + '\n' : VerdictReport.connectionToText(verdict);
  } else {
    const verdict = asUsage(() => evaluator.check({ ...query, source, destination }));
    stdout = format === 'json' ? JSON.stringify(verdict, undefined, 2) + '\n' : VerdictReport.toText(verdict);
  }
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout,
    stderr: findingLines.map((l) => l + '\n').join(''),
  };
}
