import { ConnectionChange } from '../../src/analysis/connectivity-diff';
import { Protocol } from '../../src/k8s/protocol';
import { TrafficDirection } from '../../src/k8s/traffic-direction';
import { DiffWriter } from '../../src/report/diff-writer';

function change(source: string, destination: string, protocol: Protocol, ports: number[][], policy?: string): ConnectionChange {
  const rules = policy === undefined ? [] : [{ policy, origin: 'new.yaml:3', direction: TrafficDirection.INGRESS, ruleIndex: 0 }];
  return { source, destination, protocol, ports, policies: policy === undefined ? [] : [policy], rules };
}

/** Changes as a diff visits them: by pair, a pair's opened ports before its closed ones. */
const CHANGES: [ConnectionChange, boolean][] = [
  [change('shop/api', 'shop/db', Protocol.TCP, [[5432, 5432]], 'shop/allow-api'), true],
  [change('shop/api', 'shop/db', Protocol.UDP, [[53, 53]], 'shop/allow-api'), true],
  [change('shop/api', 'shop/db', Protocol.TCP, [[8000, 8999]], 'shop/old'), false],
  [change('shop/web', 'shop/api', Protocol.TCP, [[80, 80]]), false],
  [change('shop/web', 'shop/db', Protocol.TCP, [[5432, 5432]], 'shop/allow-api'), true],
];

function written(format: 'text' | 'markdown' | 'json', changes = CHANGES) {
  const chunks: string[] = [];
  const writer = new DiffWriter(format, (chunk) => chunks.push(chunk));
  const beforeEnd: number[] = [];
  for (const [c, added] of changes) {
    writer.add(c, added);
    beforeEnd.push(chunks.length);
  }
  const counts = writer.end();
  return { text: chunks.join(''), counts, beforeEnd };
}

describe('DiffWriter', () => {
  test('counts workload pairs, not entries: two protocols of one pair are one opened connection', () => {
    expect(written('text').counts).toEqual({ opened: 2, closed: 2 });
  });

  test('JSON streams each opened entry as it comes and holds back only the closed ones', () => {
    const { text, beforeEnd } = written('json');
    expect(beforeEnd).toEqual([2, 3, 3, 3, 4]);
    const parsed = JSON.parse(text);
    expect(parsed.added.map((e: any) => [e.from, e.to, e.protocol])).toEqual([
      ['shop/api', 'shop/db', 'TCP'], ['shop/api', 'shop/db', 'UDP'], ['shop/web', 'shop/db', 'TCP'],
    ]);
    expect(parsed.removed.map((e: any) => [e.from, e.to, e.ports])).toEqual([['shop/api', 'shop/db', [[8000, 8999]]], ['shop/web', 'shop/api', [[80, 80]]]]);
    expect(parsed.removed[1]).toEqual({ from: 'shop/web', to: 'shop/api', protocol: 'TCP', ports: [[80, 80]], policies: [], rules: [] });
  });

  test.each(['text', 'markdown', 'json'] as const)('%s of an empty diff says so and parses', (format) => {
    const { text, counts } = written(format, []);
    expect(counts).toEqual({ opened: 0, closed: 0 });
    if (format === 'json') {
      expect(JSON.parse(text)).toEqual({ added: [], removed: [] });
    } else {
      expect(text).toContain('no connection opened or closed.');
    }
  });

  test('text starts with the summary, then opened lines, then closed ones', () => {
    expect(written('text').text.split('\n')).toEqual([
      'opens 2 connections, closes 2 (workload pairs gaining or losing ports).',
      '+ shop/api -> shop/db  TCP 5432  (shop/allow-api)',
      '+ shop/api -> shop/db  UDP 53  (shop/allow-api)',
      '+ shop/web -> shop/db  TCP 5432  (shop/allow-api)',
      '- shop/api -> shop/db  TCP 8000-8999  (shop/old)',
      '- shop/web -> shop/api  TCP 80  (no policy decides: allowed by default)',
      '',
    ]);
  });

  test('Markdown folds the rows beyond 50 of a table into a details block', () => {
    const many: [ConnectionChange, boolean][] = Array.from({ length: 53 }, (_, i) => [change('a/src', `b/w${String(i).padStart(2, '0')}`, Protocol.TCP, [[80, 80]], 'b/p'), true]);
    const { text } = written('markdown', many);
    expect(text).toContain('### Opened (53)');
    expect(text).toContain('<details><summary>3 more</summary>');
    expect(text).not.toContain('### Closed');
    expect(text.indexOf('b/w49')).toBeLessThan(text.indexOf('<details>'));
    expect(text.indexOf('b/w50')).toBeGreaterThan(text.indexOf('<details>'));
  });
});
