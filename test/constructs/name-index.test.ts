import { ApiObject, Chart, Testing } from 'cdk8s';
import { synthError } from './synth';
import { NetworkPolicy, PolicyTarget } from '../../src/constructs';
import { earlierNamesake } from '../../src/constructs/name-index';
import { TrafficDirection } from '../../src/k8s';

const props = { target: PolicyTarget.all(), policyTypes: [TrafficDirection.INGRESS] };

test('the first of several namesakes, in tree order, for each later one', () => {
  const app = Testing.app();
  const one = new Chart(app, 'one', { namespace: 'prod' });
  const two = new Chart(app, 'two', { namespace: 'prod' });
  const a = new NetworkPolicy(one, 'p', props);
  const b = new NetworkPolicy(two, 'p', props);
  const c = new NetworkPolicy(two, 'q', { ...props, metadata: { name: 'p' } });
  expect([earlierNamesake(a.apiObject), earlierNamesake(b.apiObject), earlierNamesake(c.apiObject)]).toEqual([undefined, a.apiObject, a.apiObject]);
});

test('namespaces and API groups keep names apart', () => {
  const app = Testing.app();
  new ApiObject(new Chart(app, 'calico', { namespace: 'prod' }), 'p', { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'p' } });
  new NetworkPolicy(new Chart(app, 'dev', { namespace: 'dev' }), 'p', props);
  const prod = new NetworkPolicy(new Chart(app, 'prod', { namespace: 'prod' }), 'p', props);
  expect(earlierNamesake(prod.apiObject)).toBeUndefined();
});

describe('each synth sees the app as it is then', () => {
  test('a clash added after a synth, earlier in the tree, is found', () => {
    const app = Testing.app();
    const one = new Chart(app, 'one');
    const two = new Chart(app, 'two');
    new NetworkPolicy(two, 'p', props);
    expect(() => Testing.synth(two)).not.toThrow();
    new NetworkPolicy(one, 'p', props);
    expect(synthError(two)).toContain('[two/p] NP-INPUT[p]: metadata.name: "p" is also the name of one/p/Resource without a namespace');
  });

  test('a foreign object added after a synth is found', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', props);
    Testing.synth(chart);
    new ApiObject(chart, 'raw', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'q' }, spec: { podSelector: {} } });
    new NetworkPolicy(chart, 'q', props);
    expect(synthError(chart)).toContain('[test/q] NP-INPUT[q]: metadata.name: "q" is also the name of test/raw');
  });

  test('a clash is reported on every synth, not only the first', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', props);
    new NetworkPolicy(chart, 'q', { ...props, metadata: { name: 'p' } });
    expect(synthError(chart)).toBe(synthError(chart));
    expect(synthError(chart)).toContain('[test/q] NP-INPUT[p]');
  });
});

test('ClusterNetworkPolicy names are unique cluster-wide, whatever namespace their chart or manifest has', () => {
  const app = Testing.app();
  const cnp = (chart: Chart, namespace?: string) => new ApiObject(chart, 'p', {
    apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'guard', namespace },
  });
  const first = cnp(new Chart(app, 'a', { namespace: 'one' }));
  const second = cnp(new Chart(app, 'b'), 'two');
  const np = new ApiObject(new Chart(app, 'c'), 'np', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'guard' } });
  expect([earlierNamesake(first), earlierNamesake(second), earlierNamesake(np)]).toEqual([undefined, first, undefined]);
});
