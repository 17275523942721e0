import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AllowConnection, DefaultDenyAll, PolicyTarget } from '../../src/constructs';
import { AppConnections } from '../../src/report';

function shop() {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', portNumber: 8080 }] });
  const db = new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres', portNumber: 5432 }] });
  const cache = new kplus.Deployment(chart, 'cache', { metadata: { name: 'cache' }, containers: [{ image: 'redis', portNumber: 6379 }] });
  new DefaultDenyAll(chart, 'deny', { allowDns: true });
  new AllowConnection(chart, 'web-to-db', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(db) });
  return { app, chart, web, cache };
}

describe('AppConnections', () => {
  test('lists what the app allows, sorted: a snapshot shows connections, not YAML', () => {
    const { app } = shop();
    expect(AppConnections.of(app).toText()).toMatchSnapshot();
  });

  test('a policy change shows as the connection it opens', () => {
    const { app, chart, web, cache } = shop();
    const before = AppConnections.of(app).entries;
    new AllowConnection(chart, 'web-to-cache', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(cache) });
    const after = AppConnections.of(chart).entries;
    expect(after.filter((e) => !before.some((b) => JSON.stringify(b) === JSON.stringify(e))))
      .toEqual([{ source: 'shop/web', destination: 'shop/cache', protocol: 'TCP', ports: [[6379, 6379]] }]);
    expect(JSON.parse(AppConnections.of(chart, { destination: 'shop/cache' }).toJson()).connections)
      .toEqual([{ from: 'shop/web', to: 'shop/cache', protocol: 'TCP', ports: [[6379, 6379]] }]);
  });
});
