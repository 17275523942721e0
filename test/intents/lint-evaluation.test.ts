import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { shop } from './shop';
import { LintId } from '../../src/analysis';
import { AllowFrom, PolicyTarget } from '../../src/constructs';
import { IntentStatus, ReachabilityIntents } from '../../src/intents';
import { REPORT_FILES } from '../../src/intents/app-analysis';
import { LabelSelector, Peer } from '../../src/policy';
import { thrown } from '../thrown';

const TYPO = 'NP-LINT-PEER-MATCHES-NOTHING[shop/allow-from-wbe]';
const REASON = 'web is renamed to wbe in the next release (SHOP-77)';

/** The shop, plus a policy whose source has a typo: it admits nothing. */
function shopWithTypo(intents: ConstructorParameters<typeof ReachabilityIntents>[2] = {}) {
  const s = shop({ intents });
  new AllowFrom(s.chart, 'from-wbe', { metadata: { name: 'allow-from-wbe' }, target: PolicyTarget.workload(s.api), sources: [Peer.pods(LabelSelector.of({ labels: { app: 'wbe' } }))] });
  return s;
}

describe('lints at synth', () => {
  test('a clean app synthesizes, and reports no lint finding', () => {
    const { chart, intents } = shop();
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(intents.lintResults()).toEqual([]);
  });

  test('run by default: a finding fails synthesis with its id, field, message with the fix, where the policy comes from, and how to acknowledge', () => {
    const { chart } = shopWithTypo();
    const message = thrown(() => Testing.synth(chart));
    expect(message.split('\n')).toEqual([
      'Validation failed with the following errors:',
      `  [shop/intents] ${TYPO}: spec.ingress[0].from[0]: podSelector app=wbe matches no pod in namespace shop: `
      + 'the peer admits nothing. Fix: fix the selector, or acknowledge this finding if those pods are not part of the input '
      + `(shop/from-wbe/Policy/Resource). If it is deliberate, acknowledge it: acknowledge('${TYPO}', '<why>')`,
      expect.stringMatching(/^ {2}\[shop\/intents\] NP-LINT-NO-EFFECT\[shop\/allow-from-wbe\]: removing this policy changes no connection/),
    ]);
  });

  test('acknowledged by lint and policy with a reason: synthesis goes on, and the results and the report keep the reason', () => {
    const { app, intents } = shopWithTypo();
    intents.acknowledge(TYPO, REASON);
    intents.acknowledge('NP-LINT-NO-EFFECT[shop/allow-from-wbe]', REASON);
    app.synth();
    expect(intents.lintResults().map((r) => [r.id, r.status, r.acknowledgement, r.finding.field, r.constructPath])).toEqual([
      [TYPO, IntentStatus.ACKNOWLEDGED, REASON, 'spec.ingress[0].from[0]', 'shop/intents'],
      ['NP-LINT-NO-EFFECT[shop/allow-from-wbe]', IntentStatus.ACKNOWLEDGED, REASON, '', 'shop/intents'],
    ]);
    const json = JSON.parse(fs.readFileSync(path.join(app.outdir, REPORT_FILES.json), 'utf8'));
    expect(json.summary.lints).toEqual({ total: 2, broken: 0, acknowledged: 2 });
    expect(json.lints[0]).toMatchObject({ id: TYPO, status: 'acknowledged', acknowledgement: REASON, finding: { id: LintId.PEER_MATCHES_NOTHING, namespaceName: 'shop', name: 'allow-from-wbe' } });
    const markdown = fs.readFileSync(path.join(app.outdir, REPORT_FILES.markdown), 'utf8');
    expect(markdown).toContain('- 2 lint findings: 0 to fix, 2 acknowledged');
    expect(markdown).toContain(`| ~ acknowledged | \`${TYPO}\`<br>shop/from-wbe/Policy/Resource | \`spec.ingress[0].from[0]\` |`);
    expect(markdown).toContain(`**acknowledged:** ${REASON}`);
    const html = fs.readFileSync(path.join(app.outdir, REPORT_FILES.html), 'utf8');
    expect(html).toContain('<h2 id="lints-title">Lints</h2>');
    expect(html).toContain(REASON);
  });

  test('selectable by id: only the lints asked for run, none with an empty list', () => {
    const only = shopWithTypo({ lints: [LintId.NO_EFFECT] });
    expect(thrown(() => Testing.synth(only.chart))).not.toContain('NP-LINT-PEER-MATCHES-NOTHING');
    expect(only.intents.lintResults().map((r) => r.id)).toEqual(['NP-LINT-NO-EFFECT[shop/allow-from-wbe]']);
    const none = shopWithTypo({ lints: [] });
    none.app.synth();
    expect(none.intents.lintResults()).toEqual([]);
    // The report then has no lint section, rather than one that says there is nothing.
    expect(JSON.parse(fs.readFileSync(path.join(none.app.outdir, REPORT_FILES.json), 'utf8')).lints).toBeUndefined();
    expect(fs.readFileSync(path.join(none.app.outdir, REPORT_FILES.markdown), 'utf8')).not.toContain('## Lints');
  });

  test('an acknowledgement of a finding the app does not have fails synthesis, so it does not outlive the finding', () => {
    const { chart, intents } = shop();
    intents.acknowledge(TYPO, REASON);
    expect(thrown(() => Testing.synth(chart))).toBe([
      'Validation failed with the following errors:',
      `  [shop/intents] NP-INPUT[acknowledge]: "${TYPO}" is not the id of a lint finding of the app (the app has none (lints run: ${Object.values(LintId).join(', ')})); `
      + 'remove the acknowledgement if the finding is gone, or copy the id from the error or the report',
    ].join('\n'));
  });

  test('with several intents constructs, the lints run once: each finding is reported by the first that runs its lint, and any may acknowledge it', () => {
    const { chart, intents } = shopWithTypo({ lints: [LintId.NO_EFFECT] });
    const more = new ReachabilityIntents(chart, 'more');
    expect(thrown(() => Testing.synth(chart)).split('\n').map((line) => line.split(':')[0])).toEqual([
      'Validation failed with the following errors',
      '  [shop/intents] NP-LINT-NO-EFFECT[shop/allow-from-wbe]',
      `  [shop/more] ${TYPO}`,
    ]);
    more.acknowledge('NP-LINT-NO-EFFECT[shop/allow-from-wbe]', REASON);
    more.acknowledge(TYPO, REASON);
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(intents.lintResults().map((r) => [r.id, r.status])).toEqual([['NP-LINT-NO-EFFECT[shop/allow-from-wbe]', IntentStatus.ACKNOWLEDGED]]);
    expect(more.lintResults().map((r) => [r.id, r.status])).toEqual([[TYPO, IntentStatus.ACKNOWLEDGED]]);
  });

  test('an unknown lint id is refused when the construct is made', () => {
    const { chart } = shop();
    expect(() => new ReachabilityIntents(chart, 'typo', { lints: ['NP-LINT-TYPO' as LintId] })).toThrow(/"NP-LINT-TYPO": not a lint id \(they are NP-LINT-SELECTS-NOTHING, /);
  });
});
