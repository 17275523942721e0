import { CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, loadModel, portFlagsQuery } from './load-model';
import { Output, StringOutput } from './output';
import { choiceOption, parseArgs } from './parse-args';
import { Evaluator } from '../analysis/evaluator';
import { writeMatrix, writeNamespaceMatrix } from '../report/matrix-writer';

export const MATRIX_USAGE = 'cdk8s-netpol matrix --port <number|name> [--protocol TCP|UDP|SCTP] [--by workload|namespace] [--format text|markdown|json] [--cidr strict|legacy] [--channel standard|experimental] <files or folders...>';

/** Beyond this many workloads a text or Markdown matrix is too wide to read; say so. */
const READABLE_ENDPOINTS = 100;

/**
 * `matrix`: which pods and workloads can reach which, on one port and protocol, written row by
 * row; `--by namespace` summarizes each namespace pair as all, some or none of its workload pairs.
 */
export function matrixCommand(args: string[], out?: Output): CommandResult {
  const parsed = parseArgs(args, ['port', 'protocol', 'by', 'format', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text') as 'text' | 'markdown' | 'json';
  const by = choiceOption(parsed, 'by', ['workload', 'namespace'], 'workload');
  const query = portFlagsQuery(parsed.options.get('port'), parsed.options.get('protocol'));
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), clusterPolicyChannel(parsed));
  const matrix = asUsage(() => new Evaluator(model).matrix(query));
  const target = out ?? new StringOutput();
  const write = (chunk: string) => target.write(chunk);
  const notes: string[] = [];
  if (by === 'namespace') {
    writeNamespaceMatrix(matrix.byNamespace(), format, write);
  } else {
    if (format !== 'json' && matrix.endpoints.length > READABLE_ENDPOINTS) {
      notes.push(`note: ${matrix.endpoints.length} workloads make a ${matrix.endpoints.length} x ${matrix.endpoints.length} table, too large to read; `
        + 'try --by namespace, or --format json for tools');
    }
    writeMatrix(matrix, format, write);
  }
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout: out === undefined ? target.toString() : '',
    stderr: [...findingLines, ...notes].map((l) => l + '\n').join(''),
  };
}
