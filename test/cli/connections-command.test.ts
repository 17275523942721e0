import * as path from 'path';
import { connectionsCommand } from '../../src/cli/connections-command';
import { StringOutput } from '../../src/cli/output';
import { UsageError } from '../../src/cli/usage-error';

const shop = path.join('test', 'cli', 'fixtures', 'shop.yaml');
const EVERY_PORT = [[1, 65535]];

describe('connections', () => {
  test('json: every allowed connection over every port, one entry per (from, to, protocol), sorted, no self pairs', () => {
    const json = JSON.parse(connectionsCommand(['--format', 'json', shop]).stdout);
    const everything = (from: string, to: string) => ['TCP', 'UDP', 'SCTP'].map((protocol) => ({ from, to, protocol, ports: EVERY_PORT }));
    expect(json).toEqual({
      connections: [
        { from: 'monitoring/prometheus', to: 'shop/api', protocol: 'TCP', ports: [[9090, 9090]] },
        ...everything('shop/api', 'monitoring/prometheus'),
        { from: 'shop/api', to: 'shop/db', protocol: 'TCP', ports: [[5432, 5432]] },
        ...everything('shop/db', 'monitoring/prometheus'),
        ...everything('shop/web', 'monitoring/prometheus'),
        { from: 'shop/web', to: 'shop/api', protocol: 'TCP', ports: [[8080, 8080]] },
      ],
    });
  });

  test('text: grouped by source, readable ranges; markdown: a table', () => {
    expect(connectionsCommand([shop]).stdout).toMatchSnapshot();
    expect(connectionsCommand(['--format', 'markdown', shop]).stdout).toMatchSnapshot();
  });

  test('--from and --to focus on a namespace or a workload', () => {
    const json = (args: string[]) => JSON.parse(connectionsCommand([...args, '--format', 'json', shop]).stdout).connections
      .map((c: any) => `${c.from} -> ${c.to} ${c.protocol}`);
    expect(json(['--to', 'shop/api'])).toEqual(['monitoring/prometheus -> shop/api TCP', 'shop/web -> shop/api TCP']);
    expect(json(['--from', 'monitoring'])).toEqual(['monitoring/prometheus -> shop/api TCP']);
    expect(json(['--from', 'shop', '--to', 'shop'])).toEqual(['shop/api -> shop/db TCP', 'shop/web -> shop/api TCP']);
  });

  test('an unknown filter is a usage error with close matches, and nothing is printed', () => {
    expect(() => connectionsCommand(['--from', 'shopp', shop])).toThrow(UsageError);
    expect(() => connectionsCommand(['--from', 'shopp', shop])).toThrow('close matches: shop');
    expect(() => connectionsCommand(['--to', 'shop/wbe', shop])).toThrow('close matches: shop/web');
    const out = new StringOutput();
    expect(() => connectionsCommand(['--from', 'nowhere', '--format', 'json', shop], {}, out)).toThrow(UsageError);
    expect(out.toString()).toBe('');
  });

  test('streams into the given output, and nothing into stdout', () => {
    const out = new StringOutput();
    const result = connectionsCommand(['--format', 'json', shop], {}, out);
    expect(result.stdout).toBe('');
    expect(JSON.parse(out.toString()).connections).toHaveLength(12);
  });
});
