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
    const result = runCli(['lnit', 'x.yaml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/unknown command "lnit"[\s\S]*cdk8s-netpol matrix[\s\S]*cdk8s-netpol lint/);
  });

  test('unusable input exits 2 with a message naming the file and no stack trace', () => {
    const result = runCli(['check', path.join('test', 'cli', 'fixtures', 'malformed.yaml')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^cdk8s-netpol check: \S+malformed\.yaml:0: malformed YAML at line 5, column 1: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('findings exit 1', () => {
    expect(runCli(['check', path.join('test', 'cli', 'fixtures', 'invalid.yaml')]).exitCode).toBe(1);
    expect(runCli(['lint', path.join('test', 'cli', 'fixtures', 'lint.yaml')]).exitCode).toBe(1);
  });
});
