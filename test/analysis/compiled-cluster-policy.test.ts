import { clusterPolicy } from './manifests';
import {
  ClusterPeerKind, compileClusterPolicy, CompiledClusterPolicy, inEvaluationOrder, selectionMatches,
} from '../../src/analysis/compiled-cluster-policy';
import { ContainerPortInfo } from '../../src/analysis/workload-info';
import { ClusterPolicyAction, ClusterPolicyTier, Protocol, TrafficDirection } from '../../src/k8s';
import { parseIp } from '../../src/k8s/cidr';

const compile = (spec: any, name = 'p', order = 0) => compileClusterPolicy({ name, manifest: clusterPolicy(name, spec), origin: `file.yaml:${order}` }, order);
const base = { tier: 'Admin', priority: 10, subject: { namespaces: {} } };
const ns = (name: string) => ({ 'kubernetes.io/metadata.name': name });
const NO_PORTS: ContainerPortInfo[] = [];

test('the policy\'s tier, priority, origin and rules in written order', () => {
  const policy = compile({
    ...base,
    ingress: [
      { name: 'first', action: 'Pass', from: [{ namespaces: { matchLabels: ns('a') } }] },
      { action: 'Deny', from: [{ pods: { podSelector: {} } }], protocols: [{ tcp: { destinationPort: { number: 80 } } }] },
    ],
    egress: [{ action: 'Accept', to: [{ networks: ['10.0.0.1/8'] }] }],
  });
  expect([policy.name, policy.tier, policy.priority, policy.origin, policy.order]).toEqual(['p', ClusterPolicyTier.ADMIN, 10, 'file.yaml:0', 0]);
  expect(policy.ingress.map((r) => [r.direction, r.index, r.name, r.action])).toEqual([
    [TrafficDirection.INGRESS, 0, 'first', ClusterPolicyAction.PASS],
    [TrafficDirection.INGRESS, 1, undefined, ClusterPolicyAction.DENY],
  ]);
  expect(policy.egress.map((r) => [r.index, r.action, r.peers[0].kind])).toEqual([[0, ClusterPolicyAction.ACCEPT, ClusterPeerKind.NETWORKS]]);
});

test('no rules in a direction: no effect on it', () => {
  const policy = compile({ ...base, ingress: null });
  expect([policy.ingress, policy.egress]).toEqual([[], []]);
});

describe('subjects and pod peers select pods by namespace and pod labels, never hostNetwork pods', () => {
  test.each([
    [{ namespaces: {} }, ns('a'), { app: 'x' }, false, true],
    [{ namespaces: {} }, ns('a'), { app: 'x' }, true, false],
    [{ namespaces: { matchLabels: ns('a') } }, ns('b'), {}, false, false],
    [{ pods: { podSelector: { matchLabels: { app: 'x' } } } }, ns('any'), { app: 'x' }, false, true],
    [{ pods: { podSelector: { matchLabels: { app: 'x' } } } }, ns('any'), { app: 'y' }, false, false],
    [{ pods: { namespaceSelector: { matchLabels: ns('a') }, podSelector: {} } }, ns('a'), {}, false, true],
    [{ pods: { namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }, podSelector: {} } }, ns('a'), {}, false, true],
  ])('subject %j: namespace %j, pod %j, hostNetwork %s -> %s', (subject, namespaceLabels, podLabels, hostNetwork, selected) => {
    const policy = compile({ ...base, subject, ingress: [{ action: 'Deny', from: [subject] }] });
    expect(selectionMatches(policy.subject, namespaceLabels, podLabels, hostNetwork)).toBe(selected);
    expect(selectionMatches(policy.ingress[0].peers[0].pods!, namespaceLabels, podLabels, hostNetwork)).toBe(selected);
  });

  test('equal selections have equal keys, different ones different keys', () => {
    const keyOf = (subject: any) => compile({ ...base, subject }).subject.key;
    expect(keyOf({ namespaces: { matchLabels: { a: 'b', c: 'd' } } })).toBe(keyOf({ namespaces: { matchLabels: { c: 'd', a: 'b' } } }));
    expect(keyOf({ namespaces: {} })).not.toBe(keyOf({ pods: { podSelector: {} } }));
  });
});

describe('peers', () => {
  const peerOf = (peer: any) => compile({ ...base, egress: [{ action: 'Deny', to: [peer] }] }).egress[0].peers[0];

  test('networks: the union of the CIDRs, host bits ignored, pod IPs included', () => {
    const peer = peerOf({ networks: ['10.0.0.1/24', 'fd00::/64'] });
    expect(peer.kind).toBe(ClusterPeerKind.NETWORKS);
    expect(['10.0.0.200', '10.0.1.1', 'fd00::5', 'fd01::'].map((ip) => peer.networks!.contains(parseIp(ip)!))).toEqual([true, false, true, false]);
  });

  test('nodes: a selector over node labels', () => {
    const peer = peerOf({ nodes: { matchLabels: { role: 'edge' } } });
    expect([peer.kind, peer.nodes!.matches({ role: 'edge' }), peer.nodes!.matches({})]).toEqual([ClusterPeerKind.NODES, true, false]);
  });

  test('domainNames: kept as written, for a layer to report as not evaluable', () => {
    const peer = peerOf({ domainNames: ['b.example.com', 'a.example.com'] });
    expect([peer.kind, peer.domainNames, peer.key]).toEqual([ClusterPeerKind.DOMAIN_NAMES, ['b.example.com', 'a.example.com'], 'domainNames a.example.com,b.example.com']);
  });
});

describe('ports', () => {
  const portsOf = (protocols: any) => compile({ ...base, ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols }] }).ingress[0].ports;

  test('absent protocols: every port of every protocol', () => {
    const ports = portsOf(undefined);
    expect([ports.contains('TCP', 1, NO_PORTS), ports.contains('SCTP', 65535, NO_PORTS)]).toEqual([true, true]);
  });

  test('numbers and ranges per protocol, inclusive', () => {
    const ports = portsOf([{ tcp: { destinationPort: { number: 80 } } }, { udp: { destinationPort: { range: { start: 1000, end: 2000 } } } }]);
    expect([ports.contains('TCP', 80, NO_PORTS), ports.contains('UDP', 80, NO_PORTS), ports.contains('UDP', 2000, NO_PORTS), ports.contains('UDP', 2001, NO_PORTS)])
      .toEqual([true, false, true, false]);
  });

  test('a named port matches the destination\'s container port of that name, in the protocol it declares', () => {
    const ports = portsOf([{ destinationNamedPort: 'dns' }]);
    const destination: ContainerPortInfo[] = [{ name: 'dns', port: 53, protocol: Protocol.UDP }];
    expect([ports.contains('UDP', 53, destination), ports.contains('TCP', 53, destination), ports.contains('UDP', 53, NO_PORTS)]).toEqual([true, false, false]);
  });
});

test('inEvaluationOrder: one tier, ascending priority, reading order between equals', () => {
  const policies: CompiledClusterPolicy[] = [
    compile({ ...base, priority: 20 }, 'late', 0),
    compile({ ...base, tier: 'Baseline', priority: 0 }, 'baseline', 1),
    compile({ ...base, priority: 5 }, 'tie-a', 2),
    compile({ ...base, priority: 5 }, 'tie-b', 3),
  ];
  expect(inEvaluationOrder(policies, ClusterPolicyTier.ADMIN).map((p) => p.name)).toEqual(['tie-a', 'tie-b', 'late']);
  expect(inEvaluationOrder(policies, ClusterPolicyTier.BASELINE).map((p) => p.name)).toEqual(['baseline']);
});
