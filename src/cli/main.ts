#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { CHECK_HELP, checkCommand, CHECK_USAGE } from './check-command';
import { CommandResult, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './command-result';
import { CONNECTIONS_HELP, connectionsCommand, CONNECTIONS_USAGE } from './connections-command';
import { DIFF_HELP, diffCommand, DIFF_USAGE } from './diff-command';
import { EXPLAIN_HELP, explainCommand, EXPLAIN_USAGE } from './explain-command';
import { EXPOSURE_HELP, exposureCommand, EXPOSURE_USAGE } from './exposure-command';
import { LINT_HELP, lintCommand, LINT_USAGE } from './lint-command';
import { MATRIX_HELP, matrixCommand, MATRIX_USAGE } from './matrix-command';
import { DescriptorOutput, Output, OutputClosed, OutputFailed } from './output';
import { HELP_FLAGS } from './parse-args';
import { ReadOptions } from './read-manifests';
import { REPORT_HELP, reportCommand, REPORT_USAGE } from './report-command';
import { UsageError } from './usage-error';
import { printable } from '../k8s/printable';

/**
 * A command: what it prints goes to `out` as it is computed when given, else into the result's
 * stdout; `input` says how to read files and stdin.
 */
type Command = (args: string[], input: ReadOptions, out?: Output) => CommandResult;

/** The commands, each with its own `--help` text. A Map, so `cdk8s-netpol constructor` finds nothing. */
const COMMANDS = new Map<string, { run: Command; help: string }>([
  ['check', { run: checkCommand, help: CHECK_HELP }],
  ['matrix', { run: matrixCommand, help: MATRIX_HELP }],
  ['explain', { run: explainCommand, help: EXPLAIN_HELP }],
  ['connections', { run: connectionsCommand, help: CONNECTIONS_HELP }],
  ['diff', { run: diffCommand, help: DIFF_HELP }],
  ['report', { run: reportCommand, help: REPORT_HELP }],
  ['lint', { run: lintCommand, help: LINT_HELP }],
  ['exposure', { run: exposureCommand, help: EXPOSURE_HELP }],
]);

const USAGE = [
  'usage:',
  `  ${CHECK_USAGE}`,
  `  ${MATRIX_USAGE}`,
  `  ${EXPLAIN_USAGE}`,
  `  ${CONNECTIONS_USAGE}`,
  `  ${DIFF_USAGE}`,
  `  ${REPORT_USAGE}`,
  `  ${LINT_USAGE}`,
  `  ${EXPOSURE_USAGE}`,
  '  cdk8s-netpol <command> --help | cdk8s-netpol --version',
  '',
  'Reads YAML (multi-document, YAML 1.1 as kubectl reads it) and JSON manifests, kind: List',
  'included; - reads stdin. Locations are <file>:<line>.',
  'Exit codes: 0 success, 1 findings, 2 unusable invocation (bad flags, no input).',
].join('\n');

/** The package's version, from the package.json beside `lib/` (or `src/`). */
function version(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return String(manifest.version);
}

/**
 * Runs the CLI on `argv` (without node and script) and returns what to print and the exit code;
 * given `out`, commands that stream write their output there instead.
 */
export function runCli(argv: string[], input: ReadOptions = {}, out?: Output): CommandResult {
  const [name, ...rest] = argv;
  if (name === undefined) {
    return { exitCode: EXIT_USAGE, stdout: '', stderr: USAGE + '\n' };
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    return { exitCode: EXIT_OK, stdout: USAGE + '\n', stderr: '' };
  }
  if (name === '--version' || name === '-v') {
    return { exitCode: EXIT_OK, stdout: `cdk8s-netpol ${version()}\n`, stderr: '' };
  }
  const command = COMMANDS.get(name);
  if (!command) {
    return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol: unknown command "${printable(name)}"\n${USAGE}\n` };
  }
  if (rest.some((arg) => HELP_FLAGS.has(arg))) {
    return { exitCode: EXIT_OK, stdout: command.help + '\n', stderr: '' };
  }
  if (rest.includes('--version')) {
    return { exitCode: EXIT_OK, stdout: `cdk8s-netpol ${version()}\n`, stderr: '' };
  }
  try {
    return command.run(rest, input, out);
  } catch (e) {
    if (e instanceof OutputClosed || e instanceof OutputFailed) {
      throw e;
    }
    if (e instanceof UsageError) {
      return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol ${name}: ${printable(e.message)}\n` };
    }
    // Anything else is our bug; still no stack trace for the user, but say so plainly.
    const message = e instanceof Error ? e.message : String(e);
    return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol ${name}: internal error: ${printable(message)}\n` };
  }
}

/**
 * Runs the CLI as a process: output streams to stdout as it is computed, and output failures do
 * not end in a stack trace. A reader that went away (`| head`) ends the run early, the findings
 * still on stderr and the exit code that of what was written; any other failure (a full disk) is
 * one line on stderr and exit code 1.
 */
function main(): void {
  const out = new DescriptorOutput(1);
  let result: CommandResult | undefined;
  let failure: string | undefined;
  try {
    result = runCli(process.argv.slice(2), {}, out);
    out.write(result.stdout);
    out.flush();
  } catch (e) {
    if (e instanceof OutputFailed) {
      failure = e.message;
    } else if (!(e instanceof OutputClosed)) {
      throw e;
    }
  }
  process.stderr.write(result?.stderr ?? '');
  if (failure !== undefined) {
    process.stderr.write(`cdk8s-netpol: ${failure}\n`);
  }
  process.exitCode = failure !== undefined ? EXIT_FINDINGS : result?.exitCode ?? EXIT_OK;
}

if (require.main === module) {
  main();
}
