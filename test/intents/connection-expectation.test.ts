import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { AllowConnection, DefaultDenyAll, PolicyTarget } from '../../src/constructs';
import { IntentKind } from '../../src/intents';
import { expectConnection, expectIsolation } from '../../src/intents/connection-expectation';
import { PortRange } from '../../src/policy';
import { thrown } from '../thrown';

function shop() {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', portNumber: 8080 }] });
  const db = new kplus.StatefulSet(chart, 'db', {
    metadata: { name: 'db' },
    containers: [{ image: 'postgres', ports: [{ number: 5432, name: 'pg' }, { number: 9187, name: 'metrics', protocol: kplus.Protocol.UDP }] }],
  });
  // Another chart of the same app: the expectations see the whole app.
  const other = new Chart(app, 'edge', { namespace: 'edge' });
  const proxy = new kplus.Deployment(other, 'proxy', { metadata: { name: 'proxy' }, containers: [{ image: 'proxy' }] });
  new DefaultDenyAll(chart, 'deny', { allowDns: true });
  new AllowConnection(chart, 'web-to-db', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(db) });
  return { chart, other, web, db, proxy };
}

test.each([
  ['a workload to a workload, on a port', (s: ReturnType<typeof shop>) => [s.web, s.db, 5432], IntentKind.ALLOWED, 'shop/web -> shop/db TCP/5432'],
  ['by name, on every container port', () => ['shop/web', 'shop/db'], IntentKind.ALLOWED, 'shop/web -> shop/db'],
  ['a named port', (s: ReturnType<typeof shop>) => [s.web, s.db, 'pg'], IntentKind.ALLOWED, 'shop/web -> shop/db TCP/pg'],
  ['a PortRange', (s: ReturnType<typeof shop>) => [s.web, s.db, PortRange.udp(9187)], IntentKind.ALLOWED, 'shop/web -> shop/db UDP/9187'],
  ['from another chart of the app', (s: ReturnType<typeof shop>) => [s.proxy, s.db, 5432], IntentKind.DENIED, 'edge/proxy -> shop/db TCP/5432'],
  ['to an address', (s: ReturnType<typeof shop>) => [s.db, '203.0.113.7', 443], IntentKind.DENIED, 'shop/db -> 203.0.113.7 TCP/443'],
])('%s: holds, with the verdict', (_name, args, kind, subject) => {
  const s = shop();
  const [source, destination, port] = args(s) as [any, any, any];
  const result = expectConnection(s.chart, kind as IntentKind.ALLOWED, source, destination, port);
  expect(result).toMatchObject({ pass: true, subject });
  const opposite = expectConnection(s.other, kind === IntentKind.ALLOWED ? IntentKind.DENIED : IntentKind.ALLOWED, source, destination, port);
  expect(opposite.pass).toBe(false);
  expect(opposite.explanation).toMatch(/^expected (allowed|denied), but (2 of 2 connections are )?(denied|allowed): /);
});

test('isolation, by direction', () => {
  const s = shop();
  expect(expectIsolation(s.chart, s.db)).toMatchObject({ pass: true, subject: 'shop/db' });
  expect(expectIsolation(s.chart, s.proxy, 'Ingress')).toMatchObject({ pass: false, subject: 'edge/proxy Ingress' });
  expect(expectIsolation(s.chart, s.proxy, 'Ingress').explanation).toMatch(/^expected isolated for Ingress, but /);
});

test.each([
  ['an unknown workload', (s: ReturnType<typeof shop>) => expectConnection(s.chart, IntentKind.ALLOWED, 'shop/wbe', s.db, 5432),
    /^NP-INPUT\[intent\]: unknown workload "shop\/wbe"; close matches: shop\/web/],
  ['a construct that is no workload', (s: ReturnType<typeof shop>) => expectConnection(s.chart, IntentKind.ALLOWED, s.chart, s.db, 5432),
    /^NP-INPUT\[Endpoint\.workload\]: shop renders no Kubernetes object/],
  ['neither construct nor name', (s: ReturnType<typeof shop>) => expectConnection(s.chart, IntentKind.ALLOWED, 7 as any, s.db, 5432),
    /^NP-INPUT\[expect\]: from: 7 is neither a workload construct nor "namespace\/name" nor an IP address$/],
  ['an address without a port', (s: ReturnType<typeof shop>) => expectConnection(s.chart, IntentKind.ALLOWED, s.db, '203.0.113.7'),
    /^NP-INPUT\[expect\]: port: is required for the address 203\.0\.113\.7/],
  ['a range of ports', (s: ReturnType<typeof shop>) => expectConnection(s.chart, IntentKind.ALLOWED, s.web, s.db, PortRange.tcpRange(1, 9)),
    /^NP-INPUT\[expect\]: port: TCP\/1-9 is not one port/],
  ['a received value that is no chart', (s: ReturnType<typeof shop>) => expectConnection({} as any, IntentKind.ALLOWED, s.web, s.db, 5432),
    /^NP-INPUT\[expect\]: received: expected a cdk8s App or Chart/],
  ['a bad direction', (s: ReturnType<typeof shop>) => expectIsolation(s.chart, s.db, 'ingress'), /^NP-INPUT\[toIsolate\]: direction "ingress": must be/],
  ['isolating an address', (s: ReturnType<typeof shop>) => expectIsolation(s.chart, '203.0.113.7'), /^NP-INPUT\[toIsolate\]: workload: 203\.0\.113\.7 is an address/],
])('%s is an NP-INPUT error', (_name, run, message) => {
  const s = shop();
  expect(thrown(() => run(s))).toMatch(message);
});
