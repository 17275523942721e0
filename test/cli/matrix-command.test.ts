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

  test('without --port: one matrix for each port the policies name, as JSON lines', () => {
    const lines = matrixCommand(['--format', 'json', shop]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((m) => `${m.protocol}/${m.port}`)).toEqual(['TCP/5432', 'TCP/http', 'TCP/metrics']);
    expect(lines[0].allowed['shop/api']['shop/db']).toBe(true);
    const text = matrixCommand([shop]).stdout;
    expect(text.match(/^Reachability on TCP\/[^\s:]+/gm)).toEqual(['Reachability on TCP/5432', 'Reachability on TCP/http', 'Reachability on TCP/metrics']);
    expect(() => matrixCommand(['--protocol', 'UDP', shop])).toThrow('no --port given, and the policies name no UDP port: give --port');
  });

  test('a NetworkPolicy of the removed extensions/v1beta1 is an error, as check says (issue 16)', () => {
    const result = matrixCommand(['--port', '80', path.join('test', 'cli', 'fixtures', 'old-api.yaml')]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/old-api\.yaml:1 default\/legacy: apiVersion: "extensions\/v1beta1" no longer serves NetworkPolicy/);
  });

  test('a port name no workload declares is said, not silently all denied (issue 16)', () => {
    const result = matrixCommand(['--port', 'grpc', shop]);
    expect(result.stderr).toBe('note: no workload declares a TCP container port named "grpc": nothing is reachable on it\n');
  });

  test.each([
    [['--port', '0', shop], /--port: 0 is not a port number; use an integer from 1 to 65535/],
    [['--port', '-1', shop], /--port: "-1" is neither a port number \(1 to 65535\) nor a container port name/],
    [['--port', '80.5', shop], /--port: "80.5" is neither a port number/],
    [['--port', '1e3', shop], /--port: "1e3" is neither a port number \(1 to 65535\) nor a container port name \(write a port number in decimal digits\)/],
    [['--port', '65536', shop], /--port: 65536 is not a port number/],
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

describe('names from the input cannot restyle or break the output (issue 16)', () => {
  const evil = Buffer.from([
    'apiVersion: v1', 'kind: Pod', 'metadata: {name: "web\\e[2J\\nx", namespace: "<script>alert(1)</script>"}', '---',
    'apiVersion: v1', 'kind: Pod', 'metadata: {name: db, namespace: shop}', '',
  ].join('\n'));
  const run = (...args: string[]) => matrixCommand([...args, '-'], { stdin: () => evil });

  test('text: control characters shown escaped, one row per workload', () => {
    const { stdout } = run('--port', '80');
    expect(stdout).not.toMatch(/\x1b/);
    expect(stdout).toContain('<script>alert(1)</script>/web\\x1b[2J\\nx');
    expect(stdout.split('\n').filter((l) => l.includes('│')).length).toBe(3);
  });

  test('markdown: no raw HTML from a name', () => {
    const { stdout } = run('--port', '80', '--format', 'markdown');
    expect(stdout).toContain('\\<script>alert(1)\\</script>/web\\x1b[2J\\nx');
    expect(stdout).not.toMatch(/(^|[^\\])<script>/);
  });
});

describe('matrix on a kubectl dump (issue 13)', () => {
  const dump = path.join('test', 'cli', 'fixtures', 'dump');
  const json = (...args: string[]) => JSON.parse(matrixCommand(['--format', 'json', ...args]).stdout);

  test('speaks in workloads: pods are grouped into their Deployment, StatefulSet, DaemonSet and CronJob', () => {
    expect(json('--port', '8080', dump).pods).toEqual([
      'kube-system/coredns', 'kube-system/kube-proxy', 'monitoring/prometheus-k8s', 'shop/api', 'shop/db', 'shop/report', 'shop/web',
    ]);
  });

  test('answers by the semantics: isolation, pod and namespace selectors, named ports, ipBlocks, hostNetwork', () => {
    const http = json('--port', '8080', dump).allowed;
    expect(http['shop/web']['shop/api']).toBe(true); // api-from-web, port http = 8080
    expect(http['monitoring/prometheus-k8s']['shop/api']).toBe(false); // only metrics from monitoring
    expect(http['shop/api']['shop/web']).toBe(false); // web admits only addresses outside 10.0.0.0/8
    expect(http['shop/web']['kube-system/kube-proxy']).toBe(true); // hostNetwork pods are not isolated
    const postgres = json('--port', '5432', dump).allowed;
    expect([postgres['shop/api']['shop/db'], postgres['shop/report']['shop/db'], postgres['shop/web']['shop/db']]).toEqual([true, true, false]);
    const metrics = json('--port', 'metrics', dump).allowed;
    expect(metrics['monitoring/prometheus-k8s']['shop/api']).toBe(true); // namespace labelled purpose=monitoring
    expect(metrics['monitoring/prometheus-k8s']['kube-system/coredns']).toBe(true); // its metrics port is 9153
    expect(metrics['shop/web']['shop/api']).toBe(false);
    const dns = json('--port', '53', '--protocol', 'UDP', dump).allowed;
    expect(['shop/web', 'shop/report', 'monitoring/prometheus-k8s'].map((source) => dns[source]['kube-system/coredns'])).toEqual([true, true, true]);
  });

  test('without the Namespace objects, a selector on namespace labels cannot be answered, and says so', () => {
    const result = matrixCommand(['--port', 'metrics', '--format', 'json', path.join(dump, 'workloads.yaml'), path.join(dump, 'policies.yaml')]);
    expect(JSON.parse(result.stdout).allowed['monitoring/prometheus-k8s']['shop/api']).toBe(false);
    expect(result.stderr).toContain('policies.yaml:79 items[3] shop/api-from-web: spec.ingress[1].from[0].namespaceSelector: warning: selects namespaces by their labels (purpose), '
      + 'but the input has no Namespace object for kube-system, monitoring, shop');
    expect(result.stderr).toContain('kubectl get ns -o yaml');
  });
});
