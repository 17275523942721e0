import { CHANNEL_HELP, CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, loadModel, optionalPortQuery } from './load-model';
import { choiceOption, parseArgs } from './parse-args';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { Evaluator } from '../analysis/evaluator';
import { VerdictReport } from '../report/verdict-report';

export const EXPLAIN_USAGE = 'cdk8s-netpol explain --from <endpoint> --to <endpoint> [--port <number|name>] [--protocol TCP|UDP|SCTP] [--format text|json] [--cidr strict|legacy] [--channel standard|experimental] <files, folders or - ...>';

export const EXPLAIN_HELP = `usage: ${EXPLAIN_USAGE}

Whether one connection is allowed, and why: the egress side of the source and the ingress side
of the destination, with the policies and rules that decided each. Without --port, every port
of every protocol that one workload may open to another, and what admits each.

Endpoints: namespace/name of a workload (pods are grouped into the workload that owns them) or
of a pod; an IP address (a pod's, a node's, or one outside the cluster); node:<name>; or node,
the destination pod's own node (whose traffic to its pods is always allowed).

  --port P        a port number, or a container port name resolved on the destination
  --protocol      TCP (the default), UDP or SCTP; only with --port
  --format        text, or json (the library's Verdict, or ConnectionVerdict without --port)
  --cidr legacy   evaluate the CIDR forms servers before 1.36 accepted
${CHANNEL_HELP}

Exit codes: 0 answered, 1 answered but the input has a problem, 2 bad flags (an unknown
endpoint is one, with close matches), or no input.`;

/**
 * `explain`: the verdict for one connection, with the egress and the ingress side; without
 * `--port`, every port the source may open to the destination and what admits each.
 */
export function explainCommand(args: string[], input: ReadOptions = {}): CommandResult {
  const parsed = parseArgs(args, ['from', 'to', 'port', 'protocol', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  const source = parsed.options.get('from');
  const destination = parsed.options.get('to');
  if (source === undefined || destination === undefined) {
    throw new UsageError('--from and --to are required (a workload or pod as namespace/name, an IP address, or node:<name>)');
  }
  const query = optionalPortQuery(parsed, 'explained');
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), input, clusterPolicyChannel(parsed));
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
