import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { parse } from 'yaml';
import {
  AllowConnection, AllowDns, AllowFrom, AllowTo, DefaultDenyAll,
  LabelSelector, Peer, PolicyTarget, PortRange,
} from '../../src';

/**
 * The recipes of docs/recipes.md, written here as they are there: a test below checks that
 * every code paragraph of the page appears in this file, so the page only shows code that compiles
 * and synthesizes.
 */

// The README's Recipes section, up to the next top-level heading.
const RECIPES = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').split('\n## Recipes\n')[1].split('\n## ')[0];

function policies(chart: Chart): any[] {
  return chart.toJson().filter((o: any) => o.kind === 'NetworkPolicy');
}

function names(chart: Chart): string[] {
  return policies(chart).map(p => p.metadata.name);
}

test('default deny, with DNS', () => {
  const app = new App();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new DefaultDenyAll(chart, 'default-deny', { allowDns: true });

  expect(names(chart)).toEqual(['default-deny-all', 'allow-dns']);
  const yaml = RECIPES.match(/```yaml\n([\s\S]*?)```/)![1];
  expect(policies(chart)[1]).toEqual(parse(yaml));
});

test('frontend -> api -> db', () => {
  const app = new App();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const frontend = new kplus.Deployment(chart, 'frontend', { containers: [{ image: 'shop/frontend', portNumber: 8080 }] });
  const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'shop/api', portNumber: 8080 }] });
  const db = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres:16', portNumber: 5432 }] });

  new DefaultDenyAll(chart, 'default-deny', { allowDns: true });
  new AllowFrom(chart, 'ingress-controller', {
    target: PolicyTarget.workload(frontend),
    sources: [Peer.namespaceNamed('ingress-nginx')],
  });
  new AllowConnection(chart, 'frontend-to-api', { source: PolicyTarget.workload(frontend), destination: PolicyTarget.workload(api) });
  new AllowConnection(chart, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) });

  expect(names(chart)).toEqual(['default-deny-all', 'allow-dns', 'allow-ingress-nginx-to-frontend', 'allow-frontend-to-api-egress',
    'allow-frontend-to-api', 'allow-api-to-db-egress', 'allow-api-to-db']);
  expect(policies(chart)).toMatchSnapshot();
});

test('allow scraping from a monitoring namespace', () => {
  const app = new App();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new AllowFrom(chart, 'prometheus', {
    target: PolicyTarget.all(),
    sources: [Peer.podsInNamespaceNamed('monitoring', LabelSelector.of({ labels: { 'app.kubernetes.io/name': 'prometheus' } }))],
    ports: [PortRange.named('metrics')],
  });

  expect(policies(chart)).toMatchSnapshot();
  expect(names(chart)).toEqual(['allow-prometheus-in-monitoring-to-all-pods']);
});

test('egress to the internet, except private ranges', () => {
  const app = new App();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new AllowTo(chart, 'internet', {
    metadata: { name: 'allow-webhooks-to-internet' },
    target: PolicyTarget.labels({ app: 'webhook-sender' }),
    destinations: [
      Peer.ipv4('0.0.0.0/0', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16']),
      Peer.ipv6('::/0', ['fc00::/7', 'fe80::/10']),
    ],
    ports: [PortRange.HTTPS],
  });
  new AllowDns(chart, 'dns', { target: PolicyTarget.labels({ app: 'webhook-sender' }) });

  expect(policies(chart)).toMatchSnapshot();
  expect(names(chart)).toEqual(['allow-webhooks-to-internet', 'allow-dns-webhook-sender']);
});

test('port ranges', () => {
  const app = new App();
  const chart = new Chart(app, 'media', { namespace: 'media' });
  new AllowFrom(chart, 'clients', {
    target: PolicyTarget.labels({ app: 'media-relay' }),
    sources: [Peer.anyIpv4()],
    ports: [PortRange.udpRange(10000, 20000), PortRange.udp(3478), PortRange.tcp(3478)],
  });

  expect(policies(chart)[0].spec.ingress[0].ports).toEqual([
    { protocol: 'UDP', port: 10000, endPort: 20000 },
    { protocol: 'UDP', port: 3478 },
    { protocol: 'TCP', port: 3478 },
  ]);
  expect(names(chart)).toEqual(['allow-any-ipv4-to-media-relay']);
});

test('every code paragraph of docs/recipes.md is in this file', () => {
  const source = lines(readFileSync(__filename, 'utf8')).join('\n');
  const blocks = [...RECIPES.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1].replace(/'cdk8s-netpol'/g, '\'../../src\''));
  const paragraphs = blocks.flatMap(block => block.split(/\n\s*\n/)).map(p => lines(p).join('\n'));
  expect(paragraphs.length).toBeGreaterThanOrEqual(8);
  expect(paragraphs.filter(p => !source.includes(p))).toEqual([]);
});

function lines(text: string): string[] {
  return text.split('\n').map(l => l.trim()).filter(l => l.length > 0);
}
