import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { onlyPolicy, policies } from './synth';
import { AllowDns, DefaultDenyAll, DefaultDenyEgress, DefaultDenyIngress, PolicyTarget } from '../../src/constructs';
import { Peer, PortRange } from '../../src/policy';
import { thrown } from '../thrown';

describe('the docs\' manifests, in the chart\'s namespace', () => {
  test.each([
    ['DefaultDenyIngress', (c: Chart) => new DefaultDenyIngress(c, 'deny'), 'default-deny-ingress', ['Ingress']],
    ['DefaultDenyEgress', (c: Chart) => new DefaultDenyEgress(c, 'deny'), 'default-deny-egress', ['Egress']],
    ['DefaultDenyAll', (c: Chart) => new DefaultDenyAll(c, 'deny'), 'default-deny-all', ['Ingress', 'Egress']],
  ])('%s', (_name, build, name, policyTypes) => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    build(chart);
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: 'shop' },
      spec: { podSelector: {}, policyTypes },
    });
  });
});

describe('narrowed to a target', () => {
  test.each([
    ['DefaultDenyIngress', (c: Chart, target: PolicyTarget) => new DefaultDenyIngress(c, 'deny', { target }), 'default-deny-ingress-db'],
    ['DefaultDenyEgress', (c: Chart, target: PolicyTarget) => new DefaultDenyEgress(c, 'deny', { target }), 'default-deny-egress-db'],
    ['DefaultDenyAll', (c: Chart, target: PolicyTarget) => new DefaultDenyAll(c, 'deny', { target }), 'default-deny-all-db'],
  ])('%s', (_name, build, name) => {
    const chart = Testing.chart();
    build(chart, PolicyTarget.labels({ role: 'db' }));
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart).metadata.name).toBe(name);
  });

  test('a target pinned to a namespace places the policy there', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'chart' });
    const ns = new kplus.Namespace(chart, 'ns', { metadata: { name: 'payments' } });
    const deny = new DefaultDenyAll(chart, 'deny', { target: PolicyTarget.allPodsIn(ns), allowDns: true });
    expect([deny.policy.namespaceName, deny.dns!.policy.namespaceName]).toEqual(['payments', 'payments']);
    expect(policies(chart).map(p => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['payments/default-deny-all', 'payments/allow-dns']);
  });
});

describe('metadata', () => {
  test('name, namespace, labels and annotations; the DNS policy shares all but the name', () => {
    const chart = Testing.chart();
    new DefaultDenyAll(chart, 'deny', {
      metadata: { name: 'lockdown', namespace: 'vault', labels: { team: 'sec' }, annotations: { owner: 'sec' } },
      allowDns: true,
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });
});

describe('allowDns', () => {
  test.each([
    ['DefaultDenyEgress', (c: Chart) => new DefaultDenyEgress(c, 'deny', { allowDns: true })],
    ['DefaultDenyAll', (c: Chart) => new DefaultDenyAll(c, 'deny', { allowDns: true })],
  ])('%s adds an AllowDns policy for kube-dns on UDP and TCP 53', (_name, build) => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const deny = build(chart);
    expect(deny.dns).toBeInstanceOf(AllowDns);
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test.each([
    ['DefaultDenyEgress', (c: Chart) => new DefaultDenyEgress(c, 'deny')],
    ['DefaultDenyEgress with allowDns: false', (c: Chart) => new DefaultDenyEgress(c, 'deny', { allowDns: false })],
    ['DefaultDenyAll', (c: Chart) => new DefaultDenyAll(c, 'deny')],
  ])('%s: no DNS unless asked', (_name, build) => {
    const chart = Testing.chart();
    expect(build(chart).dns).toBeUndefined();
    expect(policies(chart)).toHaveLength(1);
  });

  test('dns options pick the servers and ports', () => {
    const chart = Testing.chart();
    new DefaultDenyEgress(chart, 'deny', {
      target: PolicyTarget.labels({ app: 'api' }),
      allowDns: true,
      dns: { servers: [Peer.ipv4('169.254.20.10/32')], ports: [PortRange.DNS_UDP] },
    });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(policies(chart)[1].metadata.name).toBe('allow-dns-api');
  });

  test('dns without allowDns is an error', () => {
    expect(thrown(() => new DefaultDenyAll(Testing.chart(), 'deny', { dns: { ports: [PortRange.DNS_UDP] } })))
      .toBe('NP-INPUT[test/deny]: dns: is only used with allowDns: true; set allowDns: true to allow DNS, or leave dns out');
  });
});

test('two namespace defaults of one kind in one namespace clash by name', () => {
  const chart = Testing.chart();
  new DefaultDenyIngress(chart, 'one');
  new DefaultDenyIngress(chart, 'two');
  expect(() => Testing.synth(chart)).toThrow('[test/two/Policy] NP-INPUT[default-deny-ingress]: metadata.name: "default-deny-ingress" is also the name of test/one/Policy/Resource');
});
