import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { SHOP_NAMESPACES, shopApp } from '../../examples/demo/shop-app';
import { IntentResult, IntentStatus } from '../../src/intents';
import { IntentReport } from '../../src/report';

describe('the demo shop app', () => {
  const app = Testing.app();
  const shop = shopApp(app);
  let results: IntentResult[];
  beforeAll(() => {
    app.synth();
    results = shop.intents!.results();
  });

  test('synthesizes a chart per namespace and the reachability report', () => {
    expect(fs.readdirSync(app.outdir).sort()).toEqual([...SHOP_NAMESPACES.map((ns) => `${ns}.k8s.yaml`), 'reachability.html', 'reachability.json', 'reachability.md'].sort());
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'reachability.json'), 'utf8'));
    expect(report.summary.findings).toEqual({ errors: 0, warnings: 0 });
  });

  test('every intent holds but the one broken on purpose, which is acknowledged', () => {
    const notOk = results.filter((r) => r.status !== IntentStatus.OK);
    expect(notOk.map((r) => [r.id, r.status])).toEqual([[shop.acknowledgedIntent, IntentStatus.ACKNOWLEDGED]]);
    expect(results.length).toBeGreaterThan(5);
  });

  test('its lint findings are deliberate, each acknowledged with its reason', () => {
    expect(shop.intents!.lintResults().map((r) => [r.id, r.status])).toEqual([
      ['NP-LINT-NO-EFFECT[shop/default-deny-all]', IntentStatus.ACKNOWLEDGED],
      ['NP-LINT-PEER-MATCHES-NOTHING[shop/allow-ingress-nginx-to-frontend]', IntentStatus.ACKNOWLEDGED],
      ['NP-LINT-NO-EFFECT[shop/allow-ingress-nginx-to-frontend]', IntentStatus.ACKNOWLEDGED],
      ['NP-LINT-NO-EFFECT[data/default-deny-all]', IntentStatus.ACKNOWLEDGED],
    ]);
  });

  test('the intents report', () => {
    expect(IntentReport.toText(results)).toMatchSnapshot();
  });
});
