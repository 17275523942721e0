import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { policies } from './synth';
import { AllowConnection, AllowFrom, AllowTo, PolicyTarget } from '../../src/constructs';
import { PortRange } from '../../src/policy';
import { thrown } from '../thrown';

function workloads(app: App, sourceNamespace?: string, destinationNamespace?: string) {
  const api = new kplus.Deployment(new Chart(app, 'apps', { namespace: sourceNamespace }), 'api', { containers: [{ image: 'api', portNumber: 8080 }] });
  const db = new kplus.StatefulSet(new Chart(app, 'data', { namespace: destinationNamespace }), 'db', {
    containers: [{ image: 'postgres', portNumber: 5432 }],
  });
  return { api, db };
}

test('both sides in one namespace: egress on the source, ingress on the destination, on the destination\'s ports', () => {
  const app = Testing.app();
  const { api, db } = workloads(app, 'shop', 'shop');
  const chart = new Chart(app, 'policies');
  const connection = new AllowConnection(chart, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) });
  expect(connection.egress).toBeInstanceOf(AllowTo);
  expect(connection.ingress).toBeInstanceOf(AllowFrom);
  const [egress, ingress] = policies(chart);
  expect([egress, ingress]).toMatchSnapshot();
  expect([egress.metadata, ingress.metadata]).toEqual([{ name: 'allow-api-to-db-egress', namespace: 'shop' }, { name: 'allow-api-to-db', namespace: 'shop' }]);
  expect(egress.spec.egress[0].to).toEqual([{ podSelector: ingress.spec.podSelector }]);
  expect(ingress.spec.ingress[0].from).toEqual([{ podSelector: egress.spec.podSelector }]);
  expect([egress.spec.egress[0].ports, ingress.spec.ingress[0].ports]).toEqual([[{ protocol: 'TCP', port: 5432 }], [{ protocol: 'TCP', port: 5432 }]]);
});

test('across namespaces each side names the other\'s namespace', () => {
  const app = Testing.app();
  const { api, db } = workloads(app, 'shop', 'data');
  const chart = new Chart(app, 'policies');
  new AllowConnection(chart, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) });
  const [egress, ingress] = policies(chart);
  expect([egress, ingress]).toMatchSnapshot();
  expect([egress.metadata.namespace, ingress.metadata.namespace]).toEqual(['shop', 'data']);
  expect(egress.spec.egress[0].to[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'data' } });
  expect(ingress.spec.ingress[0].from[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'shop' } });
});

test('label targets in the chart\'s namespace, explicit ports', () => {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  new AllowConnection(chart, 'web-to-api', {
    source: PolicyTarget.labels({ app: 'web' }),
    destination: PolicyTarget.labels({ app: 'api' }),
    ports: [PortRange.HTTP_ALT],
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test('every pod of another namespace as the source', () => {
  const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
  new AllowConnection(chart, 'ingress', {
    source: PolicyTarget.all().inNamespaceNamed('ingress-nginx'),
    destination: PolicyTarget.labels({ app: 'web' }),
    ports: [PortRange.HTTP],
  });
  const [egress, ingress] = policies(chart);
  expect(egress.metadata).toEqual({ name: 'allow-all-pods-to-web-in-shop-egress', namespace: 'ingress-nginx' });
  expect(ingress.metadata).toEqual({ name: 'allow-ingress-nginx-to-web', namespace: 'shop' });
  expect(ingress.spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }]);
});

test('metadata of each side', () => {
  const chart = Testing.chart();
  new AllowConnection(chart, 'x', {
    source: PolicyTarget.labels({ app: 'web' }),
    destination: PolicyTarget.labels({ app: 'api' }),
    egressMetadata: { name: 'web-out', namespace: 'a' },
    ingressMetadata: { name: 'api-in', namespace: 'b', labels: { side: 'in' } },
  });
  expect(policies(chart).map(p => p.metadata)).toEqual([{ name: 'web-out', namespace: 'a' }, { name: 'api-in', namespace: 'b', labels: { side: 'in' } }]);
});

test('no namespaces anywhere: both sides in the namespace kubectl applies them to', () => {
  const chart = Testing.chart();
  new AllowConnection(chart, 'x', { source: PolicyTarget.labels({ app: 'web' }), destination: PolicyTarget.labels({ app: 'api' }) });
  expect(policies(chart).map(p => [p.metadata, p.spec.egress?.[0].to ?? p.spec.ingress[0].from])).toEqual([
    [{ name: 'allow-web-to-api-egress' }, [{ podSelector: { matchLabels: { app: 'api' } } }]],
    [{ name: 'allow-web-to-api' }, [{ podSelector: { matchLabels: { app: 'web' } } }]],
  ]);
});

describe('errors', () => {
  test('one side\'s namespace unknown, the other\'s known', () => {
    expect(thrown(() => new AllowConnection(Testing.chart(), 'x', {
      source: PolicyTarget.labels({ app: 'web' }),
      destination: PolicyTarget.labels({ app: 'api' }).inNamespaceNamed('shop'),
    }))).toBe('NP-INPUT[test/x]: source: pods(app=web) has no namespace, so the policy in "shop" cannot name it; '
      + 'pin it with PolicyTarget.inNamespaceNamed, or give its chart a namespace');
  });

  test('a workload without a namespace, the other side with one', () => {
    const app = Testing.app();
    const { api, db } = workloads(app, undefined, 'data');
    expect(thrown(() => new AllowConnection(new Chart(app, 'p'), 'x', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) })))
      .toBe('NP-INPUT[p/x]: source: Deployment(apps/api) has no namespace, so the policy in "data" cannot name it; '
        + 'pin it with PolicyTarget.inNamespaceNamed, or give its chart a namespace');
  });

  test('metadata namespace against the target\'s, and empty ports, all at once', () => {
    const chart = Testing.chart();
    expect(thrown(() => new AllowConnection(chart, 'x', {
      source: PolicyTarget.labels({ app: 'web' }).inNamespaceNamed('a'),
      destination: PolicyTarget.labels({ app: 'api' }).inNamespaceNamed('b'),
      egressMetadata: { namespace: 'z' },
      ports: [],
    }))).toBe('NP-INPUT[test/x]: egressMetadata.namespace "z": source pods(app=web) in namespace(a) is in namespace "a", and a policy selects pods only in '
      + 'its own namespace; leave egressMetadata.namespace out or make them agree; ports: is empty, which Kubernetes reads as every port; list the ports, or leave ports out');
  });
});
