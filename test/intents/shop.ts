import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
// The package entry point, as users load it: it installs the report renderers.
import { ReachabilityIntents, ReachabilityIntentsProps } from '../../src';
import { AllowConnection, DefaultDenyAll, PolicyTarget } from '../../src/constructs';
import { PortRange } from '../../src/policy';

/** A namespace `shop` under default deny (with DNS): web -> api on http, and api -> db only if asked. */
export interface Shop {
  readonly app: App;
  readonly chart: Chart;
  readonly web: kplus.Deployment;
  readonly api: kplus.Deployment;
  readonly db: kplus.StatefulSet;
  readonly intents: ReachabilityIntents;
}

export function shop(options: { apiToDb?: boolean; intents?: ReachabilityIntentsProps } = {}): Shop {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', ports: [{ number: 8080, name: 'http' }] }] });
  const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', ports: [{ number: 8080, name: 'http' }, { number: 9102, name: 'metrics' }] }] });
  const db = new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres', ports: [{ number: 5432, name: 'postgres' }] }] });
  new DefaultDenyAll(chart, 'deny', { allowDns: true });
  new AllowConnection(chart, 'web-to-api', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(api), ports: [PortRange.named('http')] });
  if (options.apiToDb ?? true) {
    new AllowConnection(chart, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) });
  }
  const intents = new ReachabilityIntents(chart, 'intents', options.intents);
  return { app, chart, web, api, db, intents };
}
