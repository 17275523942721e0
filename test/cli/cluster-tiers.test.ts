import * as path from 'path';
import { connectionsCommand } from '../../src/cli/connections-command';
import { explainCommand } from '../../src/cli/explain-command';
import { matrixCommand } from '../../src/cli/matrix-command';

/** The commands that evaluate see the Admin and Baseline tiers, and read `--channel` like `check`. */
const tiers = path.join('test', 'cli', 'fixtures', 'cluster-tiers.yaml');
const experimental = ['--channel', 'experimental'];
const layersLines = (stdout: string) => stdout.split('\n').filter((l) => l.trim().startsWith('layers: ')).map((l) => l.trim().slice('layers: '.length));

describe('ClusterNetworkPolicy tiers on the command line', () => {
  test.each([
    ['an Admin Pass leaves the shop\'s traffic to its NetworkPolicy', ['--from', 'shop/web', '--to', 'shop/db', '--port', '5432'], 'ALLOWED',
      '[Admin] Pass (shop-own/shop decides its own traffic) -> [NetworkPolicy] Accept (shop/db-from-web spec.ingress[0])'],
    ['an Admin Deny overrides the namespace', ['--from', 'sandbox/box', '--to', 'shop/db', '--port', '5432'], 'DENIED',
      '[Admin] Deny (no-dev-in-prod/deny dev)'],
    ['past a Pass and a NetworkPolicy that selects nothing, the Baseline denies', ['--from', 'shop/db', '--to', 'shop/web', '--port', 'http'], 'DENIED',
      '[Admin] Pass (shop-own/shop decides its own traffic) -> [NetworkPolicy] NoMatch -> [Baseline] Deny (default-deny/deny from pods)'],
    ['a nodes peer of the experimental channel denies egress to an infra node', ['--from', 'shop/web', '--to', '192.168.10.1', '--port', '10250'],
      'DENIED', '[Admin] Deny (no-infra-nodes/deny infra nodes)'],
  ])('explain: %s', (_, args, verdict, layers) => {
    const result = explainCommand([...args, ...experimental, tiers]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(new RegExp(`: ${verdict}$`));
    expect(layersLines(result.stdout)).toContain(layers);
  });

  test('without --channel experimental the nodes peer is refused, reported, and left out', () => {
    const result = explainCommand(['--from', 'shop/web', '--to', '192.168.10.1', '--port', '10250', tiers]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('ClusterNetworkPolicy/no-infra-nodes: spec.egress[0].to[0].nodes: unknown field "nodes"');
    expect(result.stdout.split('\n')[0]).toBe('shop/web -> node:infra-1 TCP/10250: ALLOWED');
  });

  test('matrix --protocol SCTP: the Baseline denies SCTP/3868 into web, the NetworkPolicy into db', () => {
    const json = JSON.parse(matrixCommand(['--port', '3868', '--protocol', 'SCTP', '--format', 'json', ...experimental, tiers]).stdout);
    expect(json.allowed).toEqual({
      'sandbox/box': { 'sandbox/box': true, 'shop/db': false, 'shop/web': false },
      'shop/db': { 'sandbox/box': false, 'shop/db': true, 'shop/web': false },
      'shop/web': { 'sandbox/box': false, 'shop/db': false, 'shop/web': true },
    });
  });

  test('connections: every port every layer lets through, and only those', () => {
    const json = JSON.parse(connectionsCommand(['--from', 'shop', '--to', 'shop', '--format', 'json', ...experimental, tiers]).stdout);
    const toDb = json.connections.filter((c: any) => c.from === 'shop/web' && c.to === 'shop/db');
    expect(toDb.map((c: any) => `${c.protocol} ${JSON.stringify(c.ports)}`)).toEqual(['TCP [[5432,5432]]']);
    // db -> web: an Admin Pass, no NetworkPolicy for web, then the Baseline denies TCP/8080 and SCTP/3868 only.
    const toWeb = json.connections.filter((c: any) => c.from === 'shop/db' && c.to === 'shop/web');
    expect(toWeb.map((c: any) => `${c.protocol} ${JSON.stringify(c.ports)}`)).toEqual([
      'TCP [[1,8079],[8081,65535]]', 'UDP [[1,65535]]', 'SCTP [[1,3867],[3869,65535]]',
    ]);
  });
});
