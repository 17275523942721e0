import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { clusterObjects } from '../../bench/generate-cluster';
import { renderYaml } from '../../bench/render';
import { findScale } from '../../bench/scales';
import { runCli } from '../../src/cli/main';

const fixture = (name: string) => path.join('test', 'cli', 'fixtures', name);

describe('runCli', () => {
  test('no arguments prints usage on stderr and exits 2', () => {
    const result = runCli([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^usage:\n {2}cdk8s-netpol check/);
  });

  test('--help prints usage on stdout and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Exit codes: 0 success, 1 findings, 2 unusable invocation (bad flags, no input).');
  });

  test.each(['check', 'matrix', 'explain', 'connections', 'diff', 'report', 'lint', 'exposure'])('%s --help prints the command\'s own help, whatever else is given', (command) => {
    for (const args of [[command, '--help'], [command, '-h'], [command, '--port', '80', 'missing.yaml', '--help']]) {
      const result = runCli(args);
      expect(result).toEqual({ exitCode: 0, stdout: expect.stringMatching(new RegExp(`^usage: cdk8s-netpol ${command} [\\s\\S]*Exit codes`)), stderr: '' });
    }
  });

  test('an unknown command exits 2 and lists the commands', () => {
    const result = runCli(['lnit', 'x.yaml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/unknown command "lnit"[\s\S]*cdk8s-netpol matrix[\s\S]*cdk8s-netpol lint/);
  });

  test('--version prints the package version, after a command too', () => {
    const version = { exitCode: 0, stdout: `cdk8s-netpol ${JSON.parse(fs.readFileSync('package.json', 'utf8')).version}\n`, stderr: '' };
    expect(runCli(['--version'])).toEqual(version);
    expect(runCli(['check', '--version'])).toEqual(version);
  });

  test.each([['lnit'], ['constructor'], ['toString'], ['__proto__']])('the unknown command %s exits 2 and lists the commands', (name) => {
    const result = runCli([name, 'x.yaml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`unknown command "${name}"[\\s\\S]*cdk8s-netpol matrix`));
  });

  test('an unusable document is a finding naming the file and line (exit 1), never a stack trace', () => {
    const result = runCli(['check', fixture('malformed.yaml')]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^\S+malformed\.yaml:4: malformed YAML at line 4, column \d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('bad flags and no input at all exit 2', () => {
    expect(runCli(['check', '--bogus', 'x', fixture('shop.yaml')]).exitCode).toBe(2);
    expect(runCli(['check', 'missing.yaml'])).toEqual({ exitCode: 2, stdout: '', stderr: 'cdk8s-netpol check: missing.yaml: no such file or folder\n' });
  });

  test('findings exit 1', () => {
    expect(runCli(['check', fixture('invalid.yaml')]).exitCode).toBe(1);
    expect(runCli(['lint', fixture('lint.yaml')]).exitCode).toBe(1);
  });
});

describe('the command as a process', () => {
  const run = (shell: string) => spawnSync('bash', ['-c', `set -o pipefail; node -r ts-node/register/transpile-only src/cli/main.ts ${shell}`], {
    encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: 'bench/tsconfig.json' },
  });

  test('a closed pipe and a full disk end without a stack trace (issue 16)', () => {
    // A matrix far larger than a pipe's buffer, so that the reader goes away before the writer is done.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-pipe-'));
    const cluster = path.join(dir, 'cluster.yaml');
    fs.writeFileSync(cluster, renderYaml([...clusterObjects(findScale('S'), 1)]));
    const closed = run(`matrix --port 80 --format json ${cluster} | head -c 10`);
    // The findings are still said, and the exit code still counts them.
    fs.appendFileSync(cluster, `---\n${fs.readFileSync(fixture('invalid.yaml'), 'utf8')}`);
    const withErrors = ['matrix --port 80 --format json', 'connections --format json'].map((command) => run(`${command} ${cluster} | head -c 10`));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(closed.stdout).toHaveLength(10);
    expect(closed.stderr).not.toMatch(/Unhandled|EPIPE|\n\s+at /);
    expect(closed.stderr).toMatch(/spec\.hostNetwork: warning: uses the node network/);
    for (const result of withErrors) {
      expect([result.stdout.length, result.status]).toEqual([10, 1]);
      expect(result.stderr).toMatch(/shop\/bad-ports: spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: 0/);
      expect(result.stderr).not.toMatch(/Unhandled|EPIPE|\n\s+at /);
    }
    const full = run(`check --format json ${fixture('shop.yaml')} > /dev/full`);
    expect(full.status).toBe(1);
    expect(full.stderr).toBe('checked 3 NetworkPolicies in 9 object(s): 0 error(s), 0 warning(s)\ncdk8s-netpol: cannot write the output: ENOSPC\n');
  }, 60_000);
});
