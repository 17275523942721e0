#!/usr/bin/env node
import { checkCommand, CHECK_USAGE } from './check-command';
import { CommandResult, EXIT_OK, EXIT_USAGE } from './command-result';
import { connectionsCommand, CONNECTIONS_USAGE } from './connections-command';
import { diffCommand, DIFF_USAGE } from './diff-command';
import { explainCommand, EXPLAIN_USAGE } from './explain-command';
import { exposureCommand, EXPOSURE_USAGE } from './exposure-command';
import { lintCommand, LINT_USAGE } from './lint-command';
import { matrixCommand, MATRIX_USAGE } from './matrix-command';
import { DescriptorOutput, Output, OutputClosed, OutputFailed } from './output';
import { reportCommand, REPORT_USAGE } from './report-command';
import { UsageError } from './usage-error';

/** A command: what it prints goes to `out` as it is computed when given, else into the result's stdout. */
type Command = (args: string[], out?: Output) => CommandResult;

const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  matrix: matrixCommand,
  explain: explainCommand,
  connections: connectionsCommand,
  diff: diffCommand,
  report: reportCommand,
  lint: lintCommand,
  exposure: exposureCommand,
};

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
  '',
  'Reads YAML (multi-document) and JSON manifests, including kind: List.',
  'Exit codes: 0 success, 1 findings, 2 unusable input.',
].join('\n');

/** Runs the CLI on `argv` (without node and script) and returns what to print and the exit code. */
export function runCli(argv: string[], out?: Output): CommandResult {
  const [name, ...rest] = argv;
  if (name === undefined) {
    return { exitCode: EXIT_USAGE, stdout: '', stderr: USAGE + '\n' };
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    return { exitCode: EXIT_OK, stdout: USAGE + '\n', stderr: '' };
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol: unknown command "${name}"\n${USAGE}\n` };
  }
  try {
    return command(rest, out);
  } catch (e) {
    if (e instanceof OutputClosed || e instanceof OutputFailed) {
      throw e;
    }
    if (e instanceof UsageError) {
      return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol ${name}: ${e.message}\n` };
    }
    // Anything else is our bug; still no stack trace for the user, but say so plainly.
    const message = e instanceof Error ? e.message : String(e);
    return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk8s-netpol ${name}: internal error: ${message}\n` };
  }
}

if (require.main === module) {
  const out = new DescriptorOutput(1);
  try {
    const result = runCli(process.argv.slice(2), out);
    out.write(result.stdout);
    out.flush();
    process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  } catch (e) {
    if (e instanceof OutputFailed) {
      process.stderr.write(`cdk8s-netpol: ${e.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else if (!(e instanceof OutputClosed)) {
      throw e;
    }
  }
}
