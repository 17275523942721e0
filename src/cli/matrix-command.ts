import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, checkedQuery, loadModel, portFlagsQuery } from './load-model';
import { choiceOption, parseArgs } from './parse-args';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { PortQuery } from '../analysis/connection-query';
import { Evaluator } from '../analysis/evaluator';
import { policyPorts } from '../analysis/policy-ports';
import { Protocol } from '../k8s/protocol';
import { MatrixReport } from '../report/matrix-report';

export const MATRIX_USAGE = 'cdk8s-netpol matrix [--port <number|name>] [--protocol TCP|UDP|SCTP] [--format text|markdown|json] [--cidr strict|legacy] <files, folders or - ...>';

export const MATRIX_HELP = `usage: ${MATRIX_USAGE}

Which workloads can reach which on one port: rows are sources, columns destinations. Workloads
are named namespace/name; pods are grouped into the workload that owns them.

  --port P        a port number, or a container port name (resolved on each destination); without
                  it, one matrix for every port the policies name (of --protocol, when given)
  --protocol      TCP (the default), UDP or SCTP
  --format        text (a numbered table), markdown, or json: {"port", "protocol", "pods",
                  "allowed": {"<source>": {"<destination>": bool}}}, one line per matrix
  --cidr legacy   evaluate the CIDR forms servers before 1.36 accepted

Problems with the input go to stderr. Exit codes: 0 success, 1 a problem with the input
(an invalid policy, an unusable document), 2 bad flags or no input.`;

/** `matrix`: which pods and workloads can reach which, on one port and protocol (or on each port the policies name). */
export function matrixCommand(args: string[], input: ReadOptions = {}): CommandResult {
  const parsed = parseArgs(args, ['port', 'protocol', 'format', CIDR_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text');
  const port = parsed.options.get('port');
  const protocol = parsed.options.get('protocol') as Protocol | undefined;
  const given = port === undefined ? undefined : portFlagsQuery(port, protocol);
  if (given === undefined && protocol !== undefined) {
    checkedQuery({ port: 1, protocol });
  }
  const { model, objects, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), input);
  const queries: PortQuery[] = given ? [given]
    : policyPorts(objects.map((o) => ({ manifest: o.manifest })), Number.MAX_SAFE_INTEGER).queries
      .filter((q) => protocol === undefined || q.protocol === protocol);
  if (queries.length === 0) {
    throw new UsageError(`no --port given, and the policies name no ${protocol ?? ''}${protocol ? ' ' : ''}port: give --port`);
  }
  const notes: string[] = [];
  const evaluator = new Evaluator(model);
  const outputs = queries.map((query) => {
    const matrix = asUsage(() => evaluator.matrix(query));
    const name = query.portName;
    if (name !== undefined && !model.workloads.some((w) => w.ports.some((p) => p.name === name && p.protocol === matrix.protocol))) {
      notes.push(`note: no workload declares a ${matrix.protocol} container port named "${name}": nothing is reachable on it`);
    }
    return format === 'json' ? JSON.stringify(matrix.toJson()) + '\n'
      : format === 'markdown' ? MatrixReport.toMarkdown(matrix) : MatrixReport.toText(matrix);
  });
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout: outputs.join(format === 'json' ? '' : '\n'),
    stderr: [...findingLines, ...notes].map((l) => l + '\n').join(''),
  };
}
