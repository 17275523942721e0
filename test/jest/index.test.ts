import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { AllowConnection, DefaultDenyAll, PolicyTarget } from '../../src/constructs';
import { PortRange } from '../../src/policy';

/**
 * The matchers as users get them, `import 'cdk8s-netpol/jest'`: jest/index.ts runs on the
 * compiled library (lib/), so this needs `npx projen compile` first.
 */
if (!fs.existsSync(path.join(__dirname, '..', '..', 'lib', 'intents', 'connection-expectation.js'))) {
  throw new Error('lib/ is missing: run `npx projen compile` before this test');
}
// eslint-disable-next-line import/first
import '../../jest';

function shop() {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', portNumber: 8080 }] });
  const db = new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres', portNumber: 5432 }] });
  const proxy = new kplus.Deployment(new Chart(app, 'edge', { namespace: 'edge' }), 'proxy', { metadata: { name: 'proxy' }, containers: [{ image: 'proxy' }] });
  new DefaultDenyAll(chart, 'deny', { allowDns: true });
  new AllowConnection(chart, 'web-to-db', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(db) });
  return { chart, web, db, proxy };
}

describe('passing assertions', () => {
  const { chart, web, db, proxy } = shop();

  test('toAllowConnection', () => {
    expect(chart).toAllowConnection(web, db, 5432);
    expect(chart).toAllowConnection('shop/web', 'shop/db');
    expect(chart).toAllowConnection(web, db, PortRange.POSTGRES);
  });

  test('toDenyConnection', () => {
    expect(chart).toDenyConnection(proxy, db, 5432);
    expect(chart).toDenyConnection(db, '203.0.113.7', 443);
  });

  test('toIsolate', () => {
    expect(chart).toIsolate(db);
    expect(chart).toIsolate(web, 'Egress');
    expect(chart).not.toIsolate(proxy);
  });

  test('negated', () => {
    expect(chart).not.toAllowConnection(proxy, db, 5432);
    expect(chart).not.toDenyConnection(web, db);
  });
});

describe('failing assertions carry the verdict\'s explanation', () => {
  const { chart, web, db, proxy } = shop();
  const failure = (assert: () => void) => {
    try {
      assert();
    } catch (e) {
      return (e as Error).message.replace(/\u001b\[[0-9;]*m/g, '');
    }
    throw new Error('the assertion passed');
  };

  test.each([
    ['toAllowConnection', () => expect(chart).toAllowConnection(proxy, db, 5432),
      'expect(chart).toAllowConnection(source, destination, port)\n\nedge/proxy -> shop/db TCP/5432: expected allowed, but denied: '
      + 'ingress to shop/db is isolated by shop/default-deny-all'],
    ['toDenyConnection', () => expect(chart).toDenyConnection(web, db, 5432),
      'expect(chart).toDenyConnection(source, destination, port)\n\nshop/web -> shop/db TCP/5432: expected denied, but allowed: '
      + 'egress from shop/web is allowed by shop/allow-web-to-db-egress spec.egress[0]'],
    ['not.toAllowConnection', () => expect(chart).not.toAllowConnection(web, db, 5432),
      'expect(chart).not.toAllowConnection(source, destination, port)\n\nshop/web -> shop/db TCP/5432: expected not to be allowed, but it is: '
      + 'allowed: egress from shop/web is allowed by shop/allow-web-to-db-egress spec.egress[0]'],
    ['toIsolate', () => expect(chart).toIsolate(proxy, 'Ingress'),
      'expect(chart).toIsolate(workload, direction)\n\nedge/proxy Ingress: expected isolated for Ingress, but '],
    ['not.toIsolate', () => expect(chart).not.toIsolate(db),
      'expect(chart).not.toIsolate(workload, direction)\n\nshop/db: expected not to be isolated, but it is: '],
  ])('%s', (_name, assert, message) => {
    expect(failure(assert)).toContain(message);
  });

  test('an endpoint that does not resolve is an NP-INPUT error', () => {
    expect(failure(() => expect(chart).toAllowConnection('shop/wbe', db, 5432))).toContain('unknown workload "shop/wbe"; close matches: shop/web');
  });
});
