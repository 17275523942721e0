import { ConnectionEntry } from '../../src/analysis';
import { Protocol } from '../../src/k8s';
import { ConnectionReport } from '../../src/report';

const ENTRIES: ConnectionEntry[] = [
  { from: 'a/web', to: 'a/api', protocol: Protocol.TCP, ports: [[80, 80], [8000, 8080]] },
  { from: 'a/web', to: 'a/api', protocol: Protocol.UDP, ports: [[53, 53]] },
  { from: 'a/web', to: 'b/db', protocol: Protocol.TCP, ports: [[5432, 5432]] },
  { from: 'b/job', to: 'a/api', protocol: Protocol.TCP, ports: [[1, 65535]] },
  { from: 'b/job', to: 'a/api', protocol: Protocol.UDP, ports: [[1, 65535]] },
  { from: 'b/job', to: 'a/api', protocol: Protocol.SCTP, ports: [[1, 65535]] },
];

describe('ConnectionReport', () => {
  test('text: grouped by source, a pair per line', () => {
    expect(ConnectionReport.toText(ENTRIES).split('\n')).toEqual([
      'a/web',
      '  -> a/api  TCP 80, 8000-8080; UDP 53',
      '  -> b/db  TCP 5432',
      'b/job',
      '  -> a/api  every port',
      '',
    ]);
  });

  test('markdown: one row per pair; none says so', () => {
    expect(ConnectionReport.toMarkdown(ENTRIES)).toContain('| a/web | a/api | TCP 80, 8000-8080; UDP 53 |\n');
    expect(ConnectionReport.toMarkdown([])).toBe('| from | to | ports |\n| --- | --- | --- |\n| _none_ | | |\n');
    expect(ConnectionReport.toText([])).toBe('No connections are allowed between these workloads.\n');
  });

  test('json: the entries as given, one per line', () => {
    const json = ConnectionReport.toJson(ENTRIES);
    expect(JSON.parse(json)).toEqual({ connections: ENTRIES });
    expect(json.split('\n')).toHaveLength(ENTRIES.length + 3);
    expect(JSON.parse(ConnectionReport.toJson([]))).toEqual({ connections: [] });
  });
});
