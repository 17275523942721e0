#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { CHECK_HELP, checkCommand, CHECK_USAGE } from './check-command';
import { CommandResult, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './command-result';
import { EXPLAIN_HELP, explainCommand, EXPLAIN_USAGE } from './explain-command';
import { MATRIX_HELP, matrixCommand, MATRIX_USAGE } from './matrix-command';
import { HELP_FLAGS } from './parse-args';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { printable } from '../k8s/printable';

/** The commands, each with its own `--help` text. A Map, so `cdk8s-netpol constructor` finds nothing. */
const COMMANDS = new Map<string, { run: (args: string[], input: ReadOptions) => CommandResult; help: string }>([
  ['check', { run: checkCommand, help: CHECK_HELP }],
  ['matrix', { run: matrixCommand, help: MATRIX_HELP }],
  ['explain', { run: explainCommand, help: EXPLAIN_HELP }],
]);

const USAGE = [
  'usage:',
  `  ${CHECK_USAGE}`,
  `  ${MATRIX_USAGE}`,
  `  ${EXPLAIN_USAGE}`,
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

/** Runs the CLI on `argv` (without node and script) and returns what to print and the exit code. */
export function runCli(argv: string[], input: ReadOptions = {}): CommandResult {
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
    return command.run(rest, input);
  } catch (e) {
    if (e instanceof UsageError) {
      return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol ${name}: ${printable(e.message)}\n` };
    }
    // Anything else is our bug; still no stack trace for the user, but say so plainly.
    const message = e instanceof Error ? e.message : String(e);
    return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol ${name}: internal error: ${printable(message)}\n` };
  }
}

/** A stream the output goes to: process.stdout and process.stderr, or a test's. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Writes a result, and keeps output failures from ending in a stack trace: a reader that went
 * away (`| head`) ends the run quietly with the result's exit code; any other failure (a full
 * disk) is one line on stderr and exit code 1.
 */
export function writeResult(result: CommandResult, stdout: OutputStream, stderr: OutputStream, exit: (code: number) => void): void {
  exit(result.exitCode);
  stderr.on('error', () => undefined);
  stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') {
      stderr.write(`cdk8s-netpol: cannot write the output: ${error.code ?? error.message}\n`);
      exit(EXIT_FINDINGS);
    }
  });
  stdout.write(result.stdout);
  stderr.write(result.stderr);
}

if (require.main === module) {
  writeResult(runCli(process.argv.slice(2)), process.stdout, process.stderr, (code) => {
    process.exitCode = code;
  });
}
