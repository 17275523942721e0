import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { onlyPolicy } from './synth';
import { AllowTo, PolicyTarget } from '../../src/constructs';
import { LabelExpression, LabelSelector, Peer, PortRange } from '../../src/policy';
import { thrown } from '../thrown';

const db = PolicyTarget.labels({ role: 'db' });

test('egress from the target to the destinations on the ports', () => {
  const chart = new Chart(Testing.app(), 'c', { namespace: 'default' });
  new AllowTo(chart, 'backups', { target: db, destinations: [Peer.ipv4('10.0.0.0/24')], ports: [PortRange.tcpRange(32000, 32768)] });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart).metadata.name).toBe('allow-db-to-10-0-0-0-24-egress');
});

test('without ports, every port: no ports field', () => {
  const chart = Testing.chart();
  new AllowTo(chart, 'ns', {
    target: PolicyTarget.labels({ app: 'myapp' }),
    destinations: [Peer.namespaces(LabelSelector.of({ expressions: [LabelExpression.oneOf('namespace', ['frontend', 'backend'])] }))],
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart).metadata.name).toBe('allow-myapp-to-frontend-backend-egress');
});

test('without ports, workload destinations get their own container ports, one rule per set of ports', () => {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  const pg = { image: 'postgres', portNumber: 5432 };
  const orders = new kplus.StatefulSet(chart, 'orders', { containers: [pg] });
  const users = new kplus.StatefulSet(chart, 'users', { containers: [pg] });
  const cache = new kplus.Deployment(chart, 'cache', { containers: [{ image: 'redis', portNumber: 6379 }] });
  new AllowTo(chart, 'api', {
    target: PolicyTarget.labels({ app: 'api' }),
    destinations: [Peer.workload(orders), Peer.anyIpv4(), Peer.workload(cache), Peer.workload(users), Peer.anyIpv6()],
  });
  const policy = onlyPolicy(chart);
  expect(policy).toMatchSnapshot();
  expect(policy.spec.egress.map((rule: any) => [rule.to.length, rule.ports?.map((p: any) => `${p.protocol}/${p.port}`)])).toEqual([
    [2, ['TCP/5432']],
    [2, undefined],
    [1, ['TCP/6379']],
  ]);
  expect(policy.metadata.name).toBe('allow-api-to-orders-and-any-ipv4-and-cache-and-users-a-0be276a0');
});

test('explicit ports apply to every destination, in one rule', () => {
  const chart = Testing.chart();
  const cache = new kplus.Deployment(chart, 'cache', { containers: [{ image: 'redis', portNumber: 6379 }] });
  new AllowTo(chart, 'api', { target: PolicyTarget.labels({ app: 'api' }), destinations: [Peer.workload(cache), Peer.anyIpv4()], ports: [PortRange.HTTPS] });
  expect(onlyPolicy(chart).spec.egress).toHaveLength(1);
  expect(onlyPolicy(chart).spec.egress[0].ports).toEqual([{ protocol: 'TCP', port: 443 }]);
});

test('a workload target is named by its construct id', () => {
  const chart = Testing.chart();
  const web = new kplus.Deployment(chart, 'WebFrontend', { containers: [{ image: 'web' }] });
  const allow = new AllowTo(chart, 'x', { target: PolicyTarget.workload(web), destinations: [Peer.anyIpv4()], ports: [PortRange.HTTPS] });
  expect(allow.policy.name).toBe('allow-web-frontend-to-any-ipv4-egress');
});

test('metadata overrides the name', () => {
  const chart = Testing.chart();
  new AllowTo(chart, 'x', { target: db, destinations: [Peer.anyIpv4()], metadata: { name: 'egress-namespaces' } });
  expect(onlyPolicy(chart).metadata).toEqual({ name: 'egress-namespaces' });
});

test.each([
  ['no destinations', { destinations: [] },
    'NP-INPUT[test/x]: destinations: is empty, which Kubernetes reads as every destination; list the destinations, or use AllowAllEgress if every destination is meant'],
  ['no ports', { destinations: [Peer.anyIpv4()], ports: [] }, 'NP-INPUT[test/x]: ports: is empty, which Kubernetes reads as every port; list the ports, or leave ports out'],
])('%s is an error', (_name, props, message) => {
  expect(thrown(() => new AllowTo(Testing.chart(), 'x', { target: db, ...props }))).toBe(message);
});
