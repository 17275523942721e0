import { ConnectionChange, ConnectivityDiff } from '../../src/analysis';
import { Protocol } from '../../src/k8s';
import { DiffReport } from '../../src/report';

const change = (i: number): ConnectionChange => ({
  source: `a/w${i}`, destination: 'a/db', protocol: Protocol.TCP, ports: [[5432, 5432]], policies: i % 2 === 0 ? ['a/db-in'] : [], rules: [],
});
const diff = (added: ConnectionChange[], removed: ConnectionChange[]) => ({ added, removed }) as unknown as ConnectivityDiff;

describe('DiffReport', () => {
  test('markdown folds a table beyond 50 rows into details', () => {
    const markdown = DiffReport.toMarkdown(diff(Array.from({ length: 53 }, (_, i) => change(i)), []));
    const [shown, folded] = markdown.split('<details><summary>3 more</summary>');
    expect(shown.match(/^\| a\/w/gm)).toHaveLength(50);
    expect(folded.match(/^\| a\/w/gm)).toHaveLength(3);
    expect(markdown.startsWith('**cdk8s-netpol diff**: opens 53 connections, closes 0')).toBe(true);
    expect(markdown).not.toContain('### Closed');
    expect(markdown).toContain('| a/w1 | a/db | TCP 5432 | none (allowed by default) |');
  });

  test('no change', () => {
    expect(DiffReport.toText(diff([], []))).toBe('no connection opened or closed.\n');
    expect(JSON.parse(DiffReport.toJson(diff([], [])))).toEqual({ added: [], removed: [] });
  });

  test('text marks openings with + and closings with -', () => {
    expect(DiffReport.toText(diff([change(0)], [change(1)])).split('\n').slice(1)).toEqual([
      '+ a/w0 -> a/db  TCP 5432  (a/db-in)',
      '- a/w1 -> a/db  TCP 5432  (no policy decides: allowed by default)',
      '',
    ]);
  });
});
