import { Testing } from 'cdk8s';
import { onlyPolicy } from './synth';
import { PolicyTarget } from '../../src/constructs';
import { namespaceDefaultPolicy } from '../../src/constructs/namespace-default-policy';
import { TrafficDirection } from '../../src/k8s';

describe('namespaceDefaultPolicy', () => {
  test('every pod, named by the base, isolating the given directions, with no rules', () => {
    const chart = Testing.chart();
    namespaceDefaultPolicy(chart, {}, 'default-deny-all', [TrafficDirection.INGRESS, TrafficDirection.EGRESS]);
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny-all' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
  });

  test('a narrowed target is named after it, and metadata.name still wins', () => {
    const narrowed = Testing.chart();
    namespaceDefaultPolicy(narrowed, { target: PolicyTarget.labels({ app: 'web' }) }, 'allow-all-ingress', [TrafficDirection.INGRESS]);
    expect(onlyPolicy(narrowed).metadata.name).toBe('allow-all-ingress-web');

    const named = Testing.chart();
    namespaceDefaultPolicy(named, { metadata: { name: 'mine' } }, 'allow-all-ingress', [TrafficDirection.INGRESS]);
    expect(onlyPolicy(named).metadata.name).toBe('mine');
  });
});
