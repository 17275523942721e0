import * as path from 'path';
import { exposureCommand } from '../../src/cli/exposure-command';
import { UsageError } from '../../src/cli/usage-error';

const shop = path.join('test', 'cli', 'fixtures', 'shop.yaml');

describe('exposure', () => {
  test('json: the contract\'s answer, port and protocol null when every port is asked about', () => {
    const result = exposureCommand(['--to', 'shop/db', '--format', 'json', shop]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      to: 'shop/db',
      port: null,
      protocol: null,
      otherPods: true,
      otherAddresses: false,
      sources: [{ description: 'any pod labelled app=api in namespace shop (allowed by shop/db-from-api, ingress[0])', policy: 'shop/db-from-api', rule: 'ingress[0].from[0]' }],
    });
  });

  test('--port by name with --protocol; a port no rule admits has no sources', () => {
    const json = (port: string) => JSON.parse(exposureCommand(['--to', 'shop/api', '--port', port, '--protocol', 'TCP', '--format', 'json', shop]).stdout);
    expect(json('metrics')).toMatchObject({ port: 'metrics', protocol: 'TCP', otherPods: true, sources: [{ description: 'any pod in a namespace labelled purpose=monitoring (allowed by shop/api-from-web, ingress[1])' }] });
    expect(json('9999')).toMatchObject({ port: 9999, otherPods: false, otherAddresses: false, sources: [] });
  });

  test('text: each kind of source, then the two answers', () => {
    expect(exposureCommand(['--to', 'shop/db', shop]).stdout).toBe([
      'shop/db on any port, in any cluster with these policies:',
      '  - any pod labelled app=api in namespace shop (allowed by shop/db-from-api, ingress[0])',
      'other pods: yes; other addresses: no',
      '',
    ].join('\n'));
  });

  test('says on stderr that ClusterNetworkPolicy tiers are not applied, when the input has any', () => {
    expect(exposureCommand(['--to', 'shop/db', shop]).stderr).toBe('');
    const tiers = exposureCommand(['--to', 'shop/db', '--channel', 'experimental', path.join('test', 'cli', 'fixtures', 'cluster-tiers.yaml')]);
    expect(tiers.exitCode).toBe(0);
    expect(tiers.stderr).toBe('note: the input\'s 4 ClusterNetworkPolicies are not applied: exposure reasons over NetworkPolicies only, '
      + 'and an Admin or Baseline rule can widen or narrow this answer\n');
  });

  test.each([
    [[shop], /--to is required/],
    [['--to', 'shop/db', '--protocol', 'UDP', shop], /--protocol goes with --port/],
    [['--to', 'shop/dbb', shop], /close matches: shop\/db/],
    [['--to', '10.0.0.1', shop], /is an address/],
  ])('usage errors: %j', (args, message) => {
    expect(() => exposureCommand(args)).toThrow(UsageError);
    expect(() => exposureCommand(args)).toThrow(message);
  });
});
