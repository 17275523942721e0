/**
 * A small shop as a platform team would write it: three namespaces, five workloads, default
 * deny with DNS everywhere, the few connections the shop needs, and the intents that keep them
 * honest. `main.ts` synthesizes it; test/examples/demo.test.ts checks it.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AllowConnection,
  AllowFrom,
  AllowTo,
  DefaultDenyAll,
  Endpoint,
  LabelSelector,
  Peer,
  PolicyTarget,
  PortRange,
  ReachabilityIntents,
  TrafficDirection,
} from '../../src';

/** The namespaces of the shop. */
export const SHOP_NAMESPACES = ['shop', 'data', 'monitoring'];

/** The payment provider the api will call once payments launch (a documentation address). */
export const PAYMENT_PROVIDER = '203.0.113.7';

/** Set `includeIntents: false` to build the same app without its intents, to measure what they cost. */
export interface ShopAppOptions {
  readonly includeIntents?: boolean;
  /** Write reachability.md and reachability.json on synth. */
  readonly report?: boolean;
}

/** What the shop app is made of, for main.ts and the tests. */
export interface ShopApp {
  readonly charts: Chart[];
  readonly intents?: ReachabilityIntents;
  /** The id of the intent that is broken on purpose, and acknowledged. */
  readonly acknowledgedIntent?: string;
}

/** Adds the shop's charts (and, unless asked not to, its intents) to `app`. */
export function shopApp(app: App, options: ShopAppOptions = {}): ShopApp {
  const charts = SHOP_NAMESPACES.map((name) => {
    const chart = new Chart(app, name, { namespace: name });
    new kplus.Namespace(chart, 'namespace', { metadata: { name, labels: { 'shop.example/tier': name } } });
    // Nothing in or out of any pod of the namespace, except DNS lookups.
    new DefaultDenyAll(chart, 'default-deny', { allowDns: true });
    return chart;
  });
  const [shop, data, monitoring] = charts;

  const metrics = (port: number) => ({ number: port, name: 'metrics' });
  const frontend = new kplus.Deployment(shop, 'frontend', {
    metadata: { name: 'frontend' },
    podMetadata: { labels: { 'app.kubernetes.io/name': 'frontend' } },
    containers: [{ image: 'shop/frontend:1.4', ports: [{ number: 8080, name: 'http' }, metrics(9102)] }],
  });
  const api = new kplus.Deployment(shop, 'api', {
    metadata: { name: 'api' },
    podMetadata: { labels: { 'app.kubernetes.io/name': 'api' } },
    containers: [{ image: 'shop/api:2.1', ports: [{ number: 8080, name: 'http' }, metrics(9102)] }],
  });
  const db = new kplus.StatefulSet(data, 'db', {
    metadata: { name: 'db' },
    podMetadata: { labels: { 'app.kubernetes.io/name': 'db' } },
    containers: [
      { name: 'postgres', image: 'postgres:16', ports: [{ number: 5432, name: 'postgres' }] },
      { name: 'exporter', image: 'prometheuscommunity/postgres-exporter:v0.15', ports: [metrics(9187)] },
    ],
  });
  const cache = new kplus.Deployment(data, 'cache', {
    metadata: { name: 'cache' },
    podMetadata: { labels: { 'app.kubernetes.io/name': 'cache' } },
    containers: [
      { name: 'redis', image: 'redis:7', ports: [{ number: 6379, name: 'redis' }] },
      { name: 'exporter', image: 'oliver006/redis_exporter:v1.58', ports: [metrics(9121)] },
    ],
  });
  const prometheus = new kplus.StatefulSet(monitoring, 'prometheus', {
    metadata: { name: 'prometheus' },
    podMetadata: { labels: { 'app.kubernetes.io/name': 'prometheus' } },
    containers: [{ image: 'prom/prometheus:v2.51', ports: [{ number: 9090, name: 'web' }] }],
  });

  // Customers come in through the ingress controller, which lives outside the app.
  new AllowFrom(shop, 'ingress-controller', {
    target: PolicyTarget.workload(frontend),
    sources: [Peer.namespaceNamed('ingress-nginx')],
    ports: [PortRange.named('http')],
  });
  new AllowConnection(shop, 'frontend-to-api', {
    source: PolicyTarget.workload(frontend),
    destination: PolicyTarget.workload(api),
    ports: [PortRange.named('http')],
  });
  new AllowConnection(shop, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db), ports: [PortRange.POSTGRES] });
  new AllowConnection(shop, 'api-to-cache', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(cache), ports: [PortRange.REDIS] });

  // Prometheus scrapes the port named `metrics` of every pod in shop and data.
  const scraper = Peer.podsInNamespaceNamed('monitoring', LabelSelector.of({ labels: { 'app.kubernetes.io/name': 'prometheus' } }));
  for (const chart of [shop, data]) {
    new AllowFrom(chart, 'prometheus', { target: PolicyTarget.all(), sources: [scraper], ports: [PortRange.named('metrics')] });
  }
  new AllowTo(monitoring, 'scrape', {
    target: PolicyTarget.workload(prometheus),
    destinations: [Peer.namespaceNamed('shop'), Peer.namespaceNamed('data')],
    ports: [PortRange.named('metrics')],
  });

  if (options.includeIntents === false) {
    return { charts };
  }
  const intents = new ReachabilityIntents(app, 'reachability', { report: options.report });
  const [frontendEndpoint, apiEndpoint, dbEndpoint, cacheEndpoint, prometheusEndpoint] = [frontend, api, db, cache, prometheus]
    .map((w) => Endpoint.workload(w));
  intents.expectAllowed(frontendEndpoint, apiEndpoint, PortRange.named('http'));
  intents.expectAllowed(apiEndpoint, dbEndpoint, PortRange.POSTGRES);
  intents.expectAllowed(apiEndpoint, cacheEndpoint, PortRange.REDIS);
  intents.expectDenied(frontendEndpoint, dbEndpoint, PortRange.POSTGRES);
  intents.expectOnlySources(dbEndpoint, [apiEndpoint], PortRange.POSTGRES);
  intents.expectOnlySources(cacheEndpoint, [apiEndpoint], PortRange.REDIS);
  intents.expectAllowed(prometheusEndpoint, Endpoint.selection(PolicyTarget.all().inNamespaceNamed('data')), PortRange.named('metrics'));
  intents.expectIsolated(Endpoint.selection(PolicyTarget.all().inNamespaceNamed('data')));
  intents.expectIsolated(frontendEndpoint, TrafficDirection.EGRESS);
  // Payments launch next quarter: the api will need the provider, and today it cannot reach it.
  const acknowledgedIntent = intents.expectAllowed(apiEndpoint, Endpoint.ip(PAYMENT_PROVIDER), PortRange.HTTPS);
  intents.acknowledge(acknowledgedIntent, 'payments launch in Q3; egress to the provider ships with that release (SHOP-412)');
  // The lints run too: what they find here is deliberate, and acknowledged by lint and policy.
  for (const namespace of ['shop', 'data']) {
    intents.acknowledge(`NP-LINT-NO-EFFECT[${namespace}/default-deny-all]`,
      'the DNS and Prometheus allows isolate every pod too; the default deny keeps the namespace closed should either go');
  }
  for (const lint of ['NP-LINT-PEER-MATCHES-NOTHING', 'NP-LINT-NO-EFFECT']) {
    intents.acknowledge(`${lint}[shop/allow-ingress-nginx-to-frontend]`, 'the ingress controller is installed by the platform team, outside this app');
  }
  return { charts, intents, acknowledgedIntent };
}
