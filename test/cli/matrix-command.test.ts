import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { matrixCommand } from '../../src/cli/matrix-command';
import { UsageError } from '../../src/cli/usage-error';

const shop = path.join('test', 'cli', 'fixtures', 'shop.yaml');

describe('matrix', () => {
  test('text: an aligned table with numbered columns and a legend', () => {
    const result = matrixCommand(['--port', '8080', shop]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    expect(result.stdout).toContain('✓ allowed   · denied');
  });

  test('markdown: endpoint names as headers', () => {
    const result = matrixCommand(['--port', 'http', '--format', 'markdown', shop]);
    expect(result.stdout).toMatchSnapshot();
  });

  test('json: the documented shape', () => {
    const json = JSON.parse(matrixCommand(['--port', '5432', '--format', 'json', shop]).stdout);
    expect(json.port).toBe(5432);
    expect(json.protocol).toBe('TCP');
    expect(json.pods).toEqual(['monitoring/prometheus', 'shop/api', 'shop/db', 'shop/web']);
    expect(json.allowed['shop/api']['shop/db']).toBe(true);
    expect(json.allowed['shop/web']['shop/db']).toBe(false);
    expect(json.allowed['monitoring/prometheus']['shop/db']).toBe(false);
  });

  test('a port name is resolved per destination and kept as a name in JSON', () => {
    const json = JSON.parse(matrixCommand(['--port', 'metrics', '--format', 'json', shop]).stdout);
    expect(json.port).toBe('metrics');
    expect(json.allowed['monitoring/prometheus']['shop/api']).toBe(true);
    expect(json.allowed['shop/web']['shop/api']).toBe(false);
  });

  test('UDP is evaluated separately from TCP', () => {
    const json = JSON.parse(matrixCommand(['--port', '5432', '--protocol', 'UDP', '--format', 'json', shop]).stdout);
    expect(json.protocol).toBe('UDP');
    expect(json.allowed['shop/api']['shop/db']).toBe(false);
  });

  test('an invalid policy in the input is reported on stderr and exits 1', () => {
    const result = matrixCommand(['--port', '80', shop, path.join('test', 'cli', 'fixtures', 'invalid.yaml')]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('shop/bad-ports');
    expect(result.stdout).toContain('Reachability on TCP/80');
  });

  test('--cidr legacy evaluates a policy older servers accept instead of leaving it out', () => {
    const legacy = path.join('test', 'cli', 'fixtures', 'legacy-cidr.yaml');
    const strict = matrixCommand(['--port', '8080', '--format', 'json', shop, legacy]);
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toContain('must not have bits set beyond the prefix length');
    expect(JSON.parse(strict.stdout).allowed['shop/api']['monitoring/prometheus']).toBe(true);

    const lenient = matrixCommand(['--port', '8080', '--format', 'json', '--cidr', 'legacy', shop, legacy]);
    expect(lenient.exitCode).toBe(0);
    expect(JSON.parse(lenient.stdout).allowed['shop/api']['monitoring/prometheus']).toBe(false);
  });

  test.each([
    [[shop], /--port is required/],
    [['--port', '0', shop], /--port: 0 is not a port number; use an integer from 1 to 65535/],
    [['--port', '80', '--protocol', 'ICMP', shop], /--protocol: unsupported protocol "ICMP"; use one of TCP, UDP, SCTP/],
    [['--port', '80', '--format', 'html', shop], /--format must be one of text, markdown, json/],
    [['--port', '80'], /no input/],
  ])('%j is a usage error', (args, message) => {
    expect(() => matrixCommand(args)).toThrow(UsageError);
    expect(() => matrixCommand(args)).toThrow(message);
  });
});

describe('matrix --by namespace', () => {
  test('json: all, some or none of the workload pairs between each two namespaces', () => {
    const json = JSON.parse(matrixCommand(['--port', 'metrics', '--by', 'namespace', '--format', 'json', shop]).stdout);
    expect(json).toEqual({
      port: 'metrics',
      protocol: 'TCP',
      namespaces: ['monitoring', 'shop'],
      // prometheus may scrape api (not web or db); nobody else has a port named metrics.
      allowed: { monitoring: { monitoring: 'none', shop: 'some' }, shop: { monitoring: 'none', shop: 'none' } },
    });
  });

  test('text and markdown', () => {
    expect(matrixCommand(['--port', '8080', '--by', 'namespace', shop]).stdout).toMatchSnapshot();
    expect(matrixCommand(['--port', '8080', '--by', 'namespace', '--format', 'markdown', shop]).stdout).toMatchSnapshot();
  });
});

test('a dense matrix too wide to read says so on stderr, and still prints', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrix-'));
  const pods = Array.from({ length: 101 }, (_, i) => `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p${i}","namespace":"x"}}`);
  fs.writeFileSync(path.join(dir, 'pods.json'), `{"apiVersion":"v1","kind":"List","items":[${pods.join(',')}]}`);
  const result = matrixCommand(['--port', '80', dir]);
  expect(result.stderr).toContain('note: 101 workloads make a 101 x 101 table, too large to read; try --by namespace');
  expect(result.stdout.split('\n').length).toBeGreaterThan(101);
  expect(matrixCommand(['--port', '80', '--format', 'json', dir]).stderr).toBe('');
});
