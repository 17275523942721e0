import * as fc from 'fast-check';
import { clusterPolicy, documents, namespace, pod } from './manifests';
import { build, cluster, toDocuments } from './random-clusters';
import { ReferenceEvaluator } from './reference-evaluator';
import { ClusterModel } from '../../src/analysis';
import { PRIORITY_TIE_RULE } from '../../src/analysis/priority-ties';
import { ClusterNetworkPolicyChannel } from '../../src/validation/cluster-network-policy-channel';
import { runs } from '../property-runs';

const OPTIONS = { clusterNetworkPolicyChannel: ClusterNetworkPolicyChannel.EXPERIMENTAL };
const web = pod('x/web', { labels: { app: 'web' } });
const db = pod('x/db', { labels: { app: 'db' }, ports: [{ name: 'http', containerPort: 8080 }] });
const base = [namespace('x'), namespace('y'), web, db];

const everyPod = { namespaces: {} };
const inNamespace = (name: string) => ({ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
const ingress = (name: string, priority: number, action: string, options: { subject?: any; from?: any[]; protocols?: any[]; tier?: string } = {}) =>
  clusterPolicy(name, {
    tier: options.tier ?? 'Admin',
    priority,
    subject: options.subject ?? everyPod,
    ingress: [{ action, from: options.from ?? [everyPod], ...(options.protocols ? { protocols: options.protocols } : {}) }],
  });
const egress = (name: string, priority: number, rules: any[]) => clusterPolicy(name, { tier: 'Admin', priority, subject: everyPod, egress: rules });
const tcp = (number: number) => ({ tcp: { destinationPort: { number } } });

function ties(...manifests: any[]): string[] {
  return ClusterModel.fromManifests(documents(...base, ...manifests), OPTIONS).findings
    .filter((f) => f.rule === PRIORITY_TIE_RULE).map((f) => f.subject);
}

describe('equal priorities that could change a verdict are reported', () => {
  test.each([
    ['Accept and Deny, same subjects and peers', [ingress('a', 7, 'Accept'), ingress('b', 7, 'Deny')], ['ClusterNetworkPolicy/b']],
    ['Pass and Deny differ too', [ingress('a', 7, 'Pass'), ingress('b', 7, 'Deny')], ['ClusterNetworkPolicy/b']],
    ['the same action: no difference', [ingress('a', 7, 'Deny'), ingress('b', 7, 'Deny')], []],
    ['different priorities', [ingress('a', 7, 'Accept'), ingress('b', 8, 'Deny')], []],
    ['different tiers', [ingress('a', 7, 'Accept'), ingress('b', 7, 'Deny', { tier: 'Baseline' })], []],
    ['subjects in different namespaces', [ingress('a', 7, 'Accept', { subject: inNamespace('x') }), ingress('b', 7, 'Deny', { subject: inNamespace('y') })], []],
    ['peers in different namespaces', [ingress('a', 7, 'Accept', { from: [inNamespace('x')] }), ingress('b', 7, 'Deny', { from: [inNamespace('y')] })], []],
    ['disjoint ports', [ingress('a', 7, 'Accept', { protocols: [tcp(80)] }), ingress('b', 7, 'Deny', { protocols: [tcp(8080)] })], []],
    ['a range overlapping a port', [ingress('a', 7, 'Accept', { protocols: [{ tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } }] }),
      ingress('b', 7, 'Deny', { protocols: [tcp(8080)] })], ['ClusterNetworkPolicy/b']],
    ['a named port resolving to the other\'s number on the subject', [ingress('a', 7, 'Accept', { protocols: [{ destinationNamedPort: 'http' }] }),
      ingress('b', 7, 'Deny', { protocols: [tcp(8080)] })], ['ClusterNetworkPolicy/b']],
    ['a named port resolving to another number', [ingress('a', 7, 'Accept', { protocols: [{ destinationNamedPort: 'http' }] }),
      ingress('b', 7, 'Deny', { protocols: [tcp(80)] })], []],
    ['overlapping networks outside the cluster', [egress('a', 3, [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }]),
      egress('b', 3, [{ action: 'Accept', to: [{ networks: ['10.1.0.0/16'] }] }])], ['ClusterNetworkPolicy/b']],
    ['disjoint networks', [egress('a', 3, [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }]),
      egress('b', 3, [{ action: 'Accept', to: [{ networks: ['192.168.0.0/16'] }] }])], []],
    ['an earlier rule of the policy decides the overlap alike', [
      egress('a', 3, [{ action: 'Accept', to: [{ networks: ['10.1.0.0/16'] }] }, { action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }]),
      egress('b', 3, [{ action: 'Accept', to: [{ networks: ['10.1.0.0/16'] }] }]),
    ], []],
    ['three tied: each later one against each earlier one', [ingress('a', 7, 'Accept'), ingress('b', 7, 'Deny'), ingress('c', 7, 'Pass')],
      ['ClusterNetworkPolicy/b', 'ClusterNetworkPolicy/c', 'ClusterNetworkPolicy/c']],
  ])('%s', (_, manifests, expected) => {
    expect(ties(...manifests)).toEqual(expected);
  });

  test('the warning names both policies, the tier, the direction and the order the analysis takes', () => {
    const finding = ClusterModel.fromManifests(documents(...base, ingress('a', 7, 'Accept'), ingress('b', 7, 'Deny')), OPTIONS).findings
      .find((f) => f.rule === PRIORITY_TIE_RULE)!;
    expect(finding).toMatchObject({ severity: 'warning', origin: 'file.yaml:5', field: 'spec.priority' });
    expect(finding.message).toBe('has the same priority (7) as ClusterNetworkPolicy/a in the Admin tier, and their ingress rules decide some '
      + 'connection differently: the API leaves their order undefined, so implementations may apply either; the analysis applies a first '
      + '(reading order). Give each policy its own priority.');
  });

  // Soundness: without a tie finding, the order of equal priorities cannot matter.
  test('on random clusters without a tie finding, reversing the order of the ClusterNetworkPolicies changes no verdict', () => {
    let compared = 0;
    fc.assert(fc.property(cluster, fc.constantFrom(53, 80, 8080, 9000), fc.constantFrom('TCP', 'UDP', 'SCTP'), (c, port, protocol) => {
      const { evaluator, reference } = build(c);
      if (evaluator.model.findings.some((f) => f.rule === PRIORITY_TIE_RULE)) {
        return;
      }
      compared++;
      const reversed = new ReferenceEvaluator(toDocuments({ ...c, clusterPolicies: [...c.clusterPolicies].reverse() }), { ...c.options, ...OPTIONS });
      const endpoints = reference.endpoints();
      for (const source of endpoints) {
        for (const destination of endpoints) {
          expect({ source, destination, allowed: reversed.allowed(source, destination, { port, protocol }) })
            .toEqual({ source, destination, allowed: reference.allowed(source, destination, { port, protocol }) });
        }
      }
    }), { numRuns: runs(500) });
    expect(compared).toBeGreaterThan(100);
  });
});
