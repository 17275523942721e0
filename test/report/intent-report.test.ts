import { RESULTS } from './results';
import { IntentReport } from '../../src/report';

describe('IntentReport', () => {
  test('toText: a summary, then each intent with its status, id, explanation and acknowledgement, wrapped to 100 columns', () => {
    const text = IntentReport.toText(RESULTS);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(text).toBe([
      '5 intents: 2 ok, 1 acknowledged, 1 broken, 1 error',
      '',
      '✓ ok            app/web can reach app/db on TCP/5432',
      '                NP-REACH[app/web -> app/db TCP/5432]',
      '                allowed: egress from app/web is not isolated, and ingress to app/db is allowed by',
      '                app/db-from-web spec.ingress[0]',
      '✗ broken        app/web: isolated for Ingress',
      '                NP-REACH-ISOLATED[app/web Ingress]',
      '                expected isolated for Ingress, but ingress to app/web is not isolated: no',
      '                NetworkPolicy of namespace app selects it for Ingress',
      '~ acknowledged  app/web can reach 203.0.113.7 on TCP/443',
      '                NP-REACH[app/web -> 203.0.113.7 TCP/443]',
      '                expected allowed, but denied: egress from app/web is isolated by app/deny, and none',
      '                of its rules admits 203.0.113.7',
      '                acknowledged: opened with the payments release | SHOP-412',
      '✓ ok            app/db cannot reach app/web on TCP/80',
      '                NP-REACH[app/db -> app/web TCP/80]',
      '                denied: ingress to app/web is isolated by app/deny, and none of its rules admits',
      '                app/db',
      '                acknowledged, but it holds now: the acknowledgement can go: left from before the fix',
      '! error         app/wbe can reach app/db on TCP/5432',
      '                NP-REACH[app/wbe -> app/db TCP/5432]',
      '                unknown workload "app/wbe"; close matches: app/web',
      '',
    ].join('\n'));
  });

  test('toMarkdown: a table, with pipes escaped and acknowledgements beside the explanation', () => {
    const lines = IntentReport.toMarkdown(RESULTS).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '5 intents: 2 ok, 1 acknowledged, 1 broken, 1 error.',
      '',
      '| status | intent | explanation |',
      '| --- | --- | --- |',
    ]);
    expect(lines[6]).toBe('| ~ acknowledged | app/web can reach 203.0.113.7 on TCP/443<br>`NP-REACH[app/web -> 203.0.113.7 TCP/443]` | expected allowed, but denied: '
      + 'egress from app/web is isolated by app/deny, and none of its rules admits 203.0.113.7<br>**acknowledged:** opened with the payments release \\| SHOP-412 |');
    expect(lines).toHaveLength(10);
  });

  test('toMarkdown: names from the input in the intent and its explanation cannot open raw HTML (issue 16)', () => {
    const [result] = RESULTS.filter((r) => r.acknowledgement !== undefined);
    const hostile = { ...result, description: 'app/<b>x can reach app/db', message: 'denied: egress from app/<b>x is isolated by app/<i>deny', acknowledgement: 'see <a href=x>' };
    expect(IntentReport.toMarkdown([hostile]).split('\n')[4]).toBe(`| ~ acknowledged | app/\\<b>x can reach app/db<br>\`${result.id}\` | `
      + 'denied: egress from app/\\<b>x is isolated by app/\\<i>deny<br>**acknowledged:** see \\<a href=x> |');
  });

  test('no intents', () => {
    expect(IntentReport.toText([])).toBe('0 intents: 0 ok, 0 acknowledged, 0 broken, 0 errors\n\n');
    expect(IntentReport.toMarkdown([])).toBe('0 intents: 0 ok, 0 acknowledged, 0 broken, 0 errors.\n\n_No intents declared._\n');
  });
});
