import * as path from 'path';
import { explainCommand } from '../../src/cli/explain-command';
import { UsageError } from '../../src/cli/usage-error';

const shop = path.join('test', 'cli', 'fixtures', 'shop.yaml');

describe('explain', () => {
  test('text: the verdict, then each side with the policies and rules that decided', () => {
    const result = explainCommand(['--from', 'monitoring/prometheus', '--to', 'shop/api', '--port', 'metrics', shop]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });

  test('text: a denied connection names the isolating policies', () => {
    const result = explainCommand(['--from', 'shop/web', '--to', 'shop/db', '--port', '5432', shop]);
    expect(result.stdout.split('\n')[0]).toBe('shop/web -> shop/db TCP/5432: DENIED');
    expect(result.stdout).toContain('selected by: shop/default-deny, shop/db-from-api');
  });

  test('json: allowed with an egress and an ingress side', () => {
    const json = JSON.parse(explainCommand(['--from', 'shop/api', '--to', 'shop/db', '--port', '5432', '--format', 'json', shop]).stdout);
    expect(json.allowed).toBe(true);
    expect(json.port).toBe(5432);
    expect(json.egress).toMatchObject({ allowed: true, isolated: false });
    expect(json.ingress).toMatchObject({ allowed: true, isolated: true });
    expect(json.ingress.admittedBy).toEqual([expect.objectContaining({ policy: 'shop/db-from-api', ruleIndex: 0, direction: 'Ingress' })]);
  });

  test('json: a queried port name is kept beside the number it resolved to', () => {
    const json = JSON.parse(explainCommand(['--from', 'shop/web', '--to', 'shop/api', '--port', 'http', '--format', 'json', shop]).stdout);
    expect(json).toMatchObject({ port: 8080, portName: 'http', protocol: 'TCP', allowed: true });
  });

  test('json: every layer asked, in evaluation order, each side ending with the one that decided', () => {
    const json = JSON.parse(explainCommand(['--from', 'shop/api', '--to', 'shop/db', '--port', '5432', '--format', 'json', shop]).stdout);
    expect(json.decisions.map((d: any) => `${d.direction} ${d.layer} ${d.outcome}`)).toEqual([
      'Egress NetworkPolicy NoMatch',
      'Egress Default Accept',
      'Ingress NetworkPolicy Accept',
    ]);
    expect(json.decisions[2]).toMatchObject({ policies: ['shop/default-deny', 'shop/db-from-api'], rules: [expect.objectContaining({ policy: 'shop/db-from-api', ruleIndex: 0 })] });
  });

  test('an IP address is an endpoint outside the cluster', () => {
    const json = JSON.parse(explainCommand(['--from', '203.0.113.9', '--to', 'shop/web', '--port', '8080', '--format', 'json', shop]).stdout);
    expect(json.allowed).toBe(false);
    expect(json.source).toBe('203.0.113.9');
  });

  test('--cidr legacy reads the ipBlocks older servers accept', () => {
    const legacy = path.join('test', 'cli', 'fixtures', 'legacy-cidr.yaml');
    const args = ['--from', '10.0.0.9', '--to', 'monitoring/prometheus', '--port', '9090', '--format', 'json', shop, legacy];
    expect(JSON.parse(explainCommand(args).stdout).allowed).toBe(true);
    const json = JSON.parse(explainCommand([...args, '--cidr', 'legacy']).stdout);
    expect(json.allowed).toBe(true);
    expect(json.ingress.admittedBy).toEqual([expect.objectContaining({ policy: 'monitoring/from-office' })]);
    expect(JSON.parse(explainCommand(['--from', '10.0.1.9', '--to', 'monitoring/prometheus', '--port', '9090', '--format', 'json', '--cidr', 'legacy', shop, legacy]).stdout).allowed)
      .toBe(false);
  });

  test.each([
    [['--to', 'shop/db', '--port', '5432', shop], /--from and --to are required/],
    [['--from', 'shop/webb', '--to', 'shop/db', '--port', '5432', shop], /unknown endpoint "shop\/webb"; close matches: shop\/web/],
    [['--from', 'shop/web', '--to', 'shop/db', '--port', 'grpc', shop], /shop\/db has no TCP container port named "grpc"/],
    [['--from', 'shop/web', '--to', 'shop/db', '--port', '5432', '--format', 'yaml', shop], /--format must be one of text, json/],
  ])('%j is a usage error', (args, message) => {
    expect(() => explainCommand(args)).toThrow(UsageError);
    expect(() => explainCommand(args)).toThrow(message);
  });
});

describe('explain without --port', () => {
  test('text: every port the source may open, and what admits each piece on each side', () => {
    expect(explainCommand(['--from', 'shop/web', '--to', 'shop/api', shop]).stdout.split('\n')).toEqual([
      'shop/web -> shop/api: ALLOWED',
      '  allowed on TCP 8080; every other port is denied',
      '  TCP 8080',
      '    egress: no policy decides: allowed by default',
      '    ingress: NetworkPolicy: shop/api-from-web spec.ingress[0]',
      '',
    ]);
  });

  test('json: the connection verdict, with its pieces', () => {
    const json = JSON.parse(explainCommand(['--from', 'shop/web', '--to', 'shop/db', '--format', 'json', shop]).stdout);
    expect(json).toMatchObject({ source: 'shop/web', destination: 'shop/db', allowed: false, connections: [], pieces: [] });
    expect(json.explanation).toBe('denied on every port: ingress to shop/db admits nothing from shop/web');
  });

  test('--protocol needs --port', () => {
    expect(() => explainCommand(['--from', 'shop/web', '--to', 'shop/api', '--protocol', 'UDP', shop])).toThrow('--protocol goes with --port');
  });
});

describe('explain on a kubectl dump (issue 13)', () => {
  const dump = path.join('test', 'cli', 'fixtures', 'dump');
  const explain = (from: string, to: string, port: string, protocol = 'TCP') =>
    JSON.parse(explainCommand(['--from', from, '--to', to, '--port', port, '--protocol', protocol, '--format', 'json', dump]).stdout);

  test.each([
    ['a workload to a workload', 'shop/web', 'shop/api', 'http', 'TCP', true, 'allowed by shop/api-from-web spec.ingress[0]'],
    ['an isolated destination', 'shop/web', 'shop/db', '5432', 'TCP', false, 'isolated by shop/default-deny, shop/db-from-api'],
    ['a CronJob\'s pods', 'shop/report', 'shop/db', '5432', 'TCP', true, 'allowed by shop/db-from-api spec.ingress[0]'],
    ['a pod by its own name', 'shop/api-6b9d8c7f5-2rk4m', 'shop/db', '5432', 'TCP', true, 'allowed by shop/db-from-api spec.ingress[0]'],
    ['a hostNetwork pod to a pod on its node', 'kube-system/kube-proxy-4xw9z', 'kube-system/coredns-5d78c9869d-8xk2p', '53', 'UDP', true,
      'from its own node (node-a) is always allowed (allowNodeTraffic)'],
    ['a node\'s address to a pod on it', '10.0.0.10', 'kube-system/coredns-5d78c9869d-8xk2p', '53', 'UDP', true, 'from its own node (node-a) is always allowed'],
    ['a node to a pod on another node: its address decides, and no rule admits it', 'node:node-a', 'kube-system/coredns-5d78c9869d-q7wmz', '53', 'UDP', false,
      'none of its rules admits node:node-a'],
    ['a node to a pod on another node that an ipBlock admits', 'node:node-b', 'kube-system/coredns-5d78c9869d-8xk2p', '53', 'UDP', true,
      'allowed by kube-system/coredns spec.ingress[1] (matched by its address 10.0.0.11)'],
    ['a node to a workload with pods on it and elsewhere', 'node:node-a', 'kube-system/coredns', '53', 'UDP', false,
      'note: its pods on node-a are always reachable from their own node (allowNodeTraffic), so this is the answer for its pods on other nodes'],
  ])('%s', (_, from, to, port, protocol, allowed, reason) => {
    const verdict = explain(from, to, port, protocol);
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.explanation).toContain(reason);
  });

  test('an unknown endpoint gets close matches, as at synth', () => {
    expect(() => explainCommand(['--from', 'shop/ap', '--to', 'shop/db', '--port', '5432', dump])).toThrow(/unknown endpoint "shop\/ap"; close matches: shop\/api/);
    expect(() => explainCommand(['--from', 'node:node-c', '--to', 'shop/db', '--port', '5432', dump])).toThrow(/close matches: node:node-a, node:node-b/);
  });
});
