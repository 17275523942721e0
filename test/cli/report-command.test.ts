import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintCommand } from '../../src/cli/lint-command';
import { runCli } from '../../src/cli/main';
import { reportCommand } from '../../src/cli/report-command';
import { UsageError } from '../../src/cli/usage-error';

const shop = path.join('test', 'cli', 'fixtures', 'shop.yaml');
const invalid = path.join('test', 'cli', 'fixtures', 'invalid.yaml');

describe('report', () => {
  test('html by default: one page with a cell per pair of workloads, on every port the policies name', () => {
    const result = reportCommand([shop]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(result.stdout).toContain(`Written by cdk8s-netpol report from ${shop}.`);
    const data = JSON.parse(result.stdout.match(/<script type="application\/json" id="report-data">(.*?)<\/script>/s)![1]);
    expect(data.mode).toBe('cells');
    expect(data.workloads.map((w: any) => w[0])).toEqual(['monitoring/prometheus', 'shop/api', 'shop/db', 'shop/web']);
    expect(data.ports.map((p: any) => p.label)).toEqual(['TCP/5432', 'TCP/http', 'TCP/metrics']);
  });

  test.each([
    ['markdown', (out: string) => expect(out).toContain('**Reachability on TCP/5432**')],
    ['json', (out: string) => expect(JSON.parse(out).matrices[0].allowed['shop/api']['shop/db']).toBe(true)],
  ])('--format %s', (format, check) => {
    check(reportCommand(['--format', format, shop]).stdout);
  });

  test('holds every lint finding lint prints, none acknowledged', () => {
    const mistakes = path.join('test', 'cli', 'fixtures', 'lint.yaml');
    const json = JSON.parse(reportCommand(['--format', 'json', mistakes]).stdout);
    const linted = JSON.parse(lintCommand(['--format', 'json', mistakes]).stdout).findings;
    expect(linted.length).toBeGreaterThan(0);
    expect(json.summary.lints).toEqual({ total: linted.length, broken: linted.length, acknowledged: 0 });
    expect(json.lints.map((r: any) => [r.finding.id, `${r.finding.namespaceName}/${r.finding.name}`, r.finding.field]))
      .toEqual(linted.map((f: any) => [f.id, `${f.namespace}/${f.name}`, f.field]));
    expect(reportCommand(['--format', 'markdown', mistakes]).stdout).toContain('## Lints');
    expect(reportCommand([mistakes]).stdout).toContain('<section id="lints"');
  });

  test('--matrices full is accepted, and other values are refused', () => {
    expect(JSON.parse(reportCommand(['--format', 'json', '--matrices', 'full', shop]).stdout).matrices).toHaveLength(3);
    expect(() => reportCommand(['--matrices', 'all', shop])).toThrow(new UsageError('--matrices must be one of auto, full, not "all"'));
  });

  test('--out writes the file whole and says so; a place that cannot take it is a usage error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-report-'));
    const out = path.join(dir, 'report.html');
    const result = reportCommand(['--out', out, shop]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: `wrote ${out}\n` });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/<\/html>\n$/);
    expect(fs.readdirSync(dir)).toEqual(['report.html']);
    expect(() => reportCommand(['--out', path.join(dir, 'missing', 'report.html'), shop]))
      .toThrow(new UsageError(`--out: cannot write ${path.join(dir, 'missing', 'report.html')}: no such file or directory (ENOENT)`));
  });

  test('an invalid policy is a finding: on stderr, exit 1, and in the report', () => {
    const result = runCli(['report', '--format', 'markdown', shop, invalid]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('shop/bad-ports');
    expect(result.stdout).toContain('shop/bad-ports');
  });
});
