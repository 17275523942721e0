/**
 * The example app of the Python, Java and Go bindings, in TypeScript: examples/python,
 * examples/java and examples/go write the same app, and their tests and
 * test/examples/bindings-parity.test.ts check the same things, among them that the explanation
 * of a denied connection reads as in examples/expected-explanation.txt in every language.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AllowConnection, DefaultDenyAll, Endpoint, PolicyTarget, ReachabilityIntents } from '../src';

/** The policies the app writes, in the order the chart renders them. */
export const SHOP_POLICIES = [
  'default-deny-all',
  'allow-dns',
  'allow-web-to-api-egress',
  'allow-web-to-api',
  'allow-api-to-db-egress',
  'allow-api-to-db',
];

/** What the tests need to reach into. */
export interface ShopApp {
  readonly chart: Chart;
  readonly web: kplus.Deployment;
  readonly api: kplus.Deployment;
  readonly db: kplus.StatefulSet;
  readonly intents: ReachabilityIntents;
}

/** Namespace `shop`: web -> api -> db, nothing else, and intents that say so. */
export function shopApp(app: App): ShopApp {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', {
    metadata: { name: 'web' },
    containers: [{ image: 'shop/web', portNumber: 8080 }],
  });
  const api = new kplus.Deployment(chart, 'api', {
    metadata: { name: 'api' },
    containers: [{ image: 'shop/api', portNumber: 8080 }],
  });
  const db = new kplus.StatefulSet(chart, 'db', {
    metadata: { name: 'db' },
    containers: [{ image: 'postgres:16', portNumber: 5432 }],
  });

  // Nothing in or out of the namespace but DNS lookups, then web -> api and api -> db.
  new DefaultDenyAll(chart, 'default-deny', { allowDns: true });
  new AllowConnection(chart, 'web-to-api', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(api) });
  new AllowConnection(chart, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) });

  // Checked on every synth: a broken intent fails it.
  const intents = new ReachabilityIntents(chart, 'intents');
  intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db));
  intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db));
  return { chart, web, api, db, intents };
}
