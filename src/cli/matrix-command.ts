import { CHANNEL_HELP, CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, checkedQuery, loadModel, portFlagsQuery } from './load-model';
import { Output, StringOutput, untilClosed } from './output';
import { choiceOption, parseArgs } from './parse-args';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { PortQuery } from '../analysis/connection-query';
import { Evaluator } from '../analysis/evaluator';
import { policyPorts } from '../analysis/policy-ports';
import { Protocol } from '../k8s/protocol';
import { writeMatrix, writeNamespaceMatrix } from '../report/matrix-writer';

export const MATRIX_USAGE = 'cdk8s-netpol matrix [--port <number|name>] [--protocol TCP|UDP|SCTP] [--by workload|namespace] [--format text|markdown|json] [--cidr strict|legacy] [--channel standard|experimental] <files, folders or - ...>';

export const MATRIX_HELP = `usage: ${MATRIX_USAGE}

Which workloads can reach which on one port: rows are sources, columns destinations. Workloads
are named namespace/name; pods are grouped into the workload that owns them. Rows are written
as they are computed, so a matrix of any size streams.

  --port P        a port number, or a container port name (resolved on each destination); without
                  it, one matrix for every port the policies name (of --protocol, when given)
  --protocol      TCP (the default), UDP or SCTP
  --by namespace  one row and column per namespace: whether all, some or none of the workload
                  pairs between the two namespaces are allowed (for clusters too large to read
                  pair by pair)
  --format        text (a numbered table), markdown, or json: {"port", "protocol", "pods",
                  "allowed": {"<source>": {"<destination>": bool}}}, one line per matrix
                  (with --by namespace: "namespaces", and "all", "some" or "none" per cell)
  --cidr legacy   evaluate the CIDR forms servers before 1.36 accepted
${CHANNEL_HELP}

Problems with the input go to stderr. Exit codes: 0 success, 1 a problem with the input
(an invalid policy, an unusable document), 2 bad flags or no input.`;

/** Beyond this many workloads a text or Markdown matrix is too wide to read; say so. */
const READABLE_ENDPOINTS = 100;

/**
 * `matrix`: which pods and workloads can reach which, on one port and protocol (or on each port
 * the policies name), written row by row; `--by namespace` summarizes each namespace pair as all,
 * some or none of its workload pairs.
 */
export function matrixCommand(args: string[], input: ReadOptions = {}, out?: Output): CommandResult {
  const parsed = parseArgs(args, ['port', 'protocol', 'by', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text') as 'text' | 'markdown' | 'json';
  const by = choiceOption(parsed, 'by', ['workload', 'namespace'], 'workload');
  const port = parsed.options.get('port');
  const protocol = parsed.options.get('protocol') as Protocol | undefined;
  const given = port === undefined ? undefined : portFlagsQuery(port, protocol);
  if (given === undefined && protocol !== undefined) {
    checkedQuery({ port: 1, protocol });
  }
  const { model, objects, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), input, clusterPolicyChannel(parsed));
  const queries: PortQuery[] = given ? [given]
    : policyPorts(objects.map((o) => ({ manifest: o.manifest })), Number.MAX_SAFE_INTEGER).queries
      .filter((q) => protocol === undefined || q.protocol === protocol);
  if (queries.length === 0) {
    throw new UsageError(`no --port given, and the policies name no ${protocol ?? ''}${protocol ? ' ' : ''}port: give --port`);
  }
  const target = out ?? new StringOutput();
  const write = (chunk: string) => target.write(chunk);
  const notes: string[] = [];
  if (by === 'workload' && format !== 'json' && model.workloads.length > READABLE_ENDPOINTS) {
    notes.push(`note: ${model.workloads.length} workloads make a ${model.workloads.length} x ${model.workloads.length} table, too large to read; `
      + 'try --by namespace, or --format json for tools');
  }
  const evaluator = new Evaluator(model);
  untilClosed(() => queries.forEach((query, i) => {
    const matrix = asUsage(() => evaluator.matrix(query));
    const name = query.portName;
    if (name !== undefined && !model.workloads.some((w) => w.ports.some((p) => p.name === name && p.protocol === matrix.protocol))) {
      notes.push(`note: no workload declares a ${matrix.protocol} container port named "${name}": nothing is reachable on it`);
    }
    if (i > 0 && format !== 'json') {
      write('\n');
    }
    if (by === 'namespace') {
      writeNamespaceMatrix(matrix.byNamespace(), format, write);
    } else {
      writeMatrix(matrix, format, write);
    }
  }));
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout: out === undefined ? target.toString() : '',
    stderr: [...findingLines, ...notes].map((l) => l + '\n').join(''),
  };
}
