import * as path from 'path';
import { runCli } from '../../src/cli/main';

describe('runCli', () => {
  test('no arguments prints usage on stderr and exits 2', () => {
    const result = runCli([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^usage:\n {2}cdk8s-netpol check/);
  });

  test('--help prints usage on stdout and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Exit codes: 0 success, 1 findings, 2 unusable input.');
  });

  test('an unknown command exits 2 and lists the commands', () => {
    const result = runCli(['lint', 'x.yaml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/unknown command "lint"[\s\S]*cdk8s-netpol matrix/);
  });

  test('an unusable document is a finding naming the file and line (exit 1), never a stack trace', () => {
    const result = runCli(['check', path.join('test', 'cli', 'fixtures', 'malformed.yaml')]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^\S+malformed\.yaml:4: malformed YAML at line 4, column \d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('findings exit 1', () => {
    expect(runCli(['check', path.join('test', 'cli', 'fixtures', 'invalid.yaml')]).exitCode).toBe(1);
  });
});
