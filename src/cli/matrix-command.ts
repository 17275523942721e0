import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { asUsage, loadModel, portFlagsQuery } from './load-model';
import { choiceOption, parseArgs } from './parse-args';
import { Evaluator } from '../analysis/evaluator';
import { MatrixReport } from '../report/matrix-report';

export const MATRIX_USAGE = 'cdk8s-netpol matrix --port <number|name> [--protocol TCP|UDP|SCTP] [--format text|markdown|json] [--cidr strict|legacy] <files or folders...>';

/** `matrix`: which pods and workloads can reach which, on one port and protocol. */
export function matrixCommand(args: string[]): CommandResult {
  const parsed = parseArgs(args, ['port', 'protocol', 'format', CIDR_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text');
  const query = portFlagsQuery(parsed.options.get('port'), parsed.options.get('protocol'));
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed));
  const matrix = asUsage(() => new Evaluator(model).matrix(query));
  const stdout = format === 'json'
    ? JSON.stringify(matrix.toJson()) + '\n'
    : format === 'markdown' ? MatrixReport.toMarkdown(matrix) : MatrixReport.toText(matrix);
  return {
    exitCode: hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout,
    stderr: findingLines.map((l) => l + '\n').join(''),
  };
}
