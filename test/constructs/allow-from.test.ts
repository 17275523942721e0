import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { onlyPolicy } from './synth';
import { AllowFrom, PolicyTarget } from '../../src/constructs';
import { LabelSelector, Peer, PortRange } from '../../src/policy';
import { thrown } from '../thrown';

const frontend = Peer.pods(LabelSelector.of({ labels: { role: 'frontend' } }));
const db = PolicyTarget.labels({ role: 'db' });

test('ingress to the target from the sources on the ports', () => {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  new AllowFrom(chart, 'frontend-to-db', { target: db, sources: [frontend, Peer.ipv4('172.17.0.0/16', ['172.17.1.0/24'])], ports: [PortRange.REDIS] });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart).metadata.name).toBe('allow-frontend-and-172-17-0-0-16-to-db');
});

test('without ports, every port: no ports field', () => {
  const chart = Testing.chart();
  new AllowFrom(chart, 'monitoring', { target: PolicyTarget.all(), sources: [Peer.namespaceNamed('monitoring')] });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart).spec.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }]);
  expect(onlyPolicy(chart).metadata.name).toBe('allow-monitoring-to-all-pods');
});

describe('a cdk8s-plus-27 target', () => {
  test('without ports, its container ports with their protocols, including containers added later', () => {
    const chart = new Chart(Testing.app(), 'infra', { namespace: 'infra' });
    const dns = new kplus.Deployment(chart, 'resolver', { containers: [{ image: 'coredns', ports: [{ number: 53, protocol: kplus.Protocol.UDP }, { number: 53 }] }] });
    const from = new AllowFrom(chart, 'clients', { target: PolicyTarget.workload(dns), sources: [Peer.allNamespaces()] });
    dns.addContainer({ image: 'exporter', portNumber: 9153 });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart).spec.ingress[0].ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }, { protocol: 'TCP', port: 9153 }]);
    expect(from.policy.name).toBe('allow-all-namespaces-to-resolver');
  });

  test('explicit ports win over its container ports', () => {
    const chart = Testing.chart();
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 80 }] });
    new AllowFrom(chart, 'https', { target: PolicyTarget.workload(web), sources: [frontend], ports: [PortRange.HTTPS] });
    expect(onlyPolicy(chart).spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 443 }]);
  });

  test('a target without container ports admits every port', () => {
    const chart = Testing.chart();
    const job = new kplus.Job(chart, 'job', { containers: [{ image: 'batch' }] });
    new AllowFrom(chart, 'any', { target: PolicyTarget.workload(job), sources: [frontend] });
    expect(onlyPolicy(chart).spec.ingress[0].ports).toBeUndefined();
  });

  test('a source workload in another namespace is named with its namespace', () => {
    const app = Testing.app();
    const api = new kplus.Deployment(new Chart(app, 'apps', { namespace: 'shop' }), 'api', { containers: [{ image: 'api' }] });
    const chart = new Chart(app, 'data', { namespace: 'data' });
    new AllowFrom(chart, 'api', { target: db, sources: [Peer.workload(api)], ports: [PortRange.POSTGRES] });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart).metadata).toEqual({ name: 'allow-api-to-db', namespace: 'data' });
  });
});

test('metadata overrides name and namespace', () => {
  const chart = Testing.chart();
  new AllowFrom(chart, 'x', { target: db, sources: [frontend], metadata: { name: 'db-ingress', namespace: 'prod', labels: { a: 'b' } } });
  expect(onlyPolicy(chart).metadata).toEqual({ name: 'db-ingress', namespace: 'prod', labels: { a: 'b' } });
});

test('the same sources twice are one peer; more rules can be added to the policy', () => {
  const chart = Testing.chart();
  const allow = new AllowFrom(chart, 'x', { target: db, sources: [frontend, frontend], ports: [PortRange.REDIS] });
  allow.policy.addIngressRule([frontend], [PortRange.REDIS]);
  allow.policy.addIngressRule([Peer.namespaceNamed('ops')]);
  expect(onlyPolicy(chart).spec.ingress).toEqual([
    { from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 6379 }] },
    { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } } }] },
  ]);
});

test.each([
  ['no sources', { sources: [] }, 'NP-INPUT[test/x]: sources: is empty, which Kubernetes reads as every source; list the sources, or use AllowAllIngress if every source is meant'],
  ['no ports', { sources: [frontend], ports: [] }, 'NP-INPUT[test/x]: ports: is empty, which Kubernetes reads as every port; list the ports, or leave ports out'],
])('%s is an error', (_name, props, message) => {
  expect(thrown(() => new AllowFrom(Testing.chart(), 'x', { target: db, ...props }))).toBe(message);
});
