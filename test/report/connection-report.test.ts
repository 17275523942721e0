import { ConnectionEntry } from '../../src/analysis';
import { Protocol } from '../../src/k8s';
import { ConnectionReport } from '../../src/report';

const ENTRIES: ConnectionEntry[] = [
  { source: 'a/web', destination: 'a/api', protocol: Protocol.TCP, ports: [[80, 80], [8000, 8080]] },
  { source: 'a/web', destination: 'a/api', protocol: Protocol.UDP, ports: [[53, 53]] },
  { source: 'a/web', destination: 'b/db', protocol: Protocol.TCP, ports: [[5432, 5432]] },
  { source: 'b/job', destination: 'a/api', protocol: Protocol.TCP, ports: [[1, 65535]] },
  { source: 'b/job', destination: 'a/api', protocol: Protocol.UDP, ports: [[1, 65535]] },
  { source: 'b/job', destination: 'a/api', protocol: Protocol.SCTP, ports: [[1, 65535]] },
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

  test('json: the entries as given, ends named from and to, one per line', () => {
    const json = ConnectionReport.toJson(ENTRIES);
    const asPrinted = ENTRIES.map(({ source, destination, ...rest }) => ({ from: source, to: destination, ...rest }));
    expect(JSON.parse(json)).toEqual({ connections: asPrinted });
    expect(json.split('\n')).toHaveLength(ENTRIES.length + 3);
    expect(JSON.parse(ConnectionReport.toJson([]))).toEqual({ connections: [] });
  });
});
