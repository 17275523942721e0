import * as fc from 'fast-check';
import { ReferenceEvaluator } from './reference-evaluator';
import { AnalysisOptions, ClusterModel, Evaluator, ManifestDocument } from '../../src/analysis';
import { ClusterNetworkPolicyChannel } from '../../src/validation/cluster-network-policy-channel';
import { FindingSeverity } from '../../src/validation/finding';

/**
 * Random clusters for property tests against the reference evaluator: namespaces, nodes,
 * workloads of every kind, valid NetworkPolicies and valid ClusterNetworkPolicies of both tiers
 * drawn from small pools, so that selectors, ports, IPs and priorities often meet each other.
 */
export const NAMESPACES = ['alpha', 'beta', 'gamma'];
export const POD_KEYS = ['app', 'tier'];
export const POD_VALUES = ['web', 'db', 'api'];
export const NS_KEYS = ['team', 'env'];
export const NS_VALUES = ['red', 'blue'];
export const PORT_NAMES = ['http', 'dns'];
export const PORT_NUMBERS = [53, 80, 8080];
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
export const POD_IPS = ['10.0.0.1', '10.0.0.5', '10.0.1.7', '192.168.1.10', 'fd00::1', 'fd00::5'];
// Pods have IPs; the other kinds stand for pods whose IPs are unknown.
export const OUTSIDE_IPS = ['10.0.0.2', '10.0.0.5', '8.8.8.8', '192.168.7.7', 'fd00::2', '2001:db8::1'];
const IP_BLOCKS = [
  { cidr: '10.0.0.0/8' },
  { cidr: '10.0.0.0/8', except: ['10.0.0.0/30'] },
  { cidr: '10.0.0.0/24', except: ['10.0.0.4/30', '10.0.0.0/31'] },
  { cidr: '192.168.0.0/16' },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { cidr: '10.0.0.5/32' },
  { cidr: 'fd00::/64', except: ['fd00::/126'] },
  { cidr: '::/0' },
  { cidr: 'fd00::4/126' },
];
// Node addresses: some are pods' (hostNetwork pods have their node's IP), some are not.
export const NODE_IPS = ['10.0.0.5', '192.168.1.10', '10.2.0.1', 'fd00::5', '2001:db8::1'];
const NODE_KEYS = ['zone', 'role'];
const NODE_VALUES = ['a', 'b', 'infra'];
const NETWORKS = ['10.0.0.0/8', '10.0.0.0/30', '10.0.0.5/32', '10.0.1.7/32', '192.168.0.0/16', '0.0.0.0/0', '8.8.8.0/24', 'fd00::/64', '::/0', 'fd00::4/126'];
const WORKLOAD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'];

export const labels = (keys: string[], values: string[]) =>
  fc.tuple(...keys.map(() => fc.option(fc.constantFrom(...values), { nil: undefined })))
    .map((picked) => Object.fromEntries(keys.flatMap((k, i) => (picked[i] === undefined ? [] : [[k, picked[i]]]))));

const expression = (keys: string[], values: string[]) => fc.oneof(
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }) }),
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);

const selector = (keys: string[], values: string[]) => fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: labels(keys, values) }),
  fc.record({ matchExpressions: fc.array(expression(keys, values), { minLength: 1, maxLength: 2 }) }),
  fc.record({ matchLabels: labels(keys, values), matchExpressions: fc.array(expression(keys, values), { maxLength: 2 }) }),
);

const namespaceSelector = selector([...NS_KEYS, 'kubernetes.io/metadata.name'], [...NS_VALUES, ...NAMESPACES]);
const podSelector = selector(POD_KEYS, POD_VALUES);

const peer = fc.oneof(
  fc.record({ podSelector }),
  fc.record({ namespaceSelector }),
  fc.record({ podSelector, namespaceSelector }),
  { arbitrary: fc.record({ ipBlock: fc.constantFrom(...IP_BLOCKS) }), weight: 2 },
);

export const protocol = fc.oneof(fc.constant(undefined), fc.constantFrom(...PROTOCOLS));
const policyPort = fc.oneof(
  fc.record({ protocol }, { requiredKeys: [] }),
  fc.record({ protocol, port: fc.constantFrom(...PORT_NUMBERS) }, { requiredKeys: ['port'] }),
  fc.record({ protocol, port: fc.constantFrom(...PORT_NUMBERS), extra: fc.constantFrom(0, 1, 400, 8000) }, { requiredKeys: ['port', 'extra'] })
    .map(({ extra, ...entry }) => ({ ...entry, endPort: entry.port + extra })),
  fc.record({ protocol, port: fc.constantFrom(...PORT_NAMES) }, { requiredKeys: ['port'] }),
);

// ClusterNetworkPolicies (v1alpha2): subjects, peers and protocols of every form, equal priorities often.
const cnpSelection = fc.oneof(
  fc.constant({ namespaces: {} }),
  fc.record({ namespaces: namespaceSelector }),
  fc.record({ pods: fc.record({ namespaceSelector, podSelector }, { requiredKeys: ['podSelector'] }) }),
);
const cnpAddressPeer = fc.oneof(
  { arbitrary: fc.record({ networks: fc.uniqueArray(fc.constantFrom(...NETWORKS), { minLength: 1, maxLength: 3 }) }), weight: 3 },
  { arbitrary: fc.record({ nodes: selector(NODE_KEYS, NODE_VALUES) }), weight: 2 },
  { arbitrary: fc.constant({ domainNames: ['example.com', '*.example.org'] }), weight: 1 },
);
const destinationPort = fc.oneof(
  fc.record({ number: fc.constantFrom(...PORT_NUMBERS) }),
  fc.tuple(fc.constantFrom(1, ...PORT_NUMBERS), fc.constantFrom(1, 27, 8000)).map(([start, length]) => ({ range: { start, end: start + length } })),
  fc.constant({ range: { start: 1, end: 65535 } }),
);
const cnpProtocol = fc.oneof(
  fc.record({ tcp: fc.record({ destinationPort }) }),
  fc.record({ udp: fc.record({ destinationPort }) }),
  fc.record({ sctp: fc.record({ destinationPort }) }),
  fc.record({ destinationNamedPort: fc.constantFrom(...PORT_NAMES) }),
);
const cnpRule = <P>(field: 'from' | 'to', peers: fc.Arbitrary<P>) => fc.record({
  name: fc.constantFrom('first', 'second'),
  action: fc.constantFrom('Accept', 'Deny', 'Pass'),
  [field]: fc.array(peers, { minLength: 1, maxLength: 2 }),
  // Absent half the time (every port): rules then match often enough to reach the later tiers.
  protocols: fc.option(fc.array(cnpProtocol, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 }),
}, { requiredKeys: ['action', field, 'protocols'] }).map(withoutUndefined);
// The experimental CRD refuses a named port beside an address peer: such rules keep their numbered protocols.
const cnpEgressPeer = fc.oneof({ arbitrary: cnpSelection, weight: 2 }, { arbitrary: cnpAddressPeer, weight: 2 });
const cnpEgressRule = cnpRule('to', cnpEgressPeer).map((rule: any) => {
  if (!rule.to.some((item: any) => item.networks || item.nodes || item.domainNames) || !rule.protocols) {
    return rule;
  }
  const { protocols, ...rest } = rule;
  const numbered = protocols.filter((p: any) => p.destinationNamedPort === undefined);
  return numbered.length > 0 ? { ...rest, protocols: numbered } : rest;
});

export const clusterPolicy = fc.record({
  tier: fc.constantFrom('Admin', 'Baseline'),
  priority: fc.constantFrom(0, 5, 5, 1000),
  subject: cnpSelection,
  ingress: fc.array(cnpRule('from', cnpSelection), { minLength: 1, maxLength: 3 }),
  egress: fc.array(cnpEgressRule, { minLength: 1, maxLength: 3 }),
}, { requiredKeys: ['tier', 'priority', 'subject'] });

const node = fc.record({
  labels: labels(NODE_KEYS, NODE_VALUES),
  addresses: fc.uniqueArray(fc.constantFrom(...NODE_IPS), { minLength: 1, maxLength: 2 }),
});

const optionalList = <T>(item: fc.Arbitrary<T>, maxLength: number) =>
  fc.option(fc.array(item, { maxLength }), { nil: undefined });

const rule = (peersField: 'from' | 'to') => fc.record({ [peersField]: optionalList(peer, 3), ports: optionalList(policyPort, 2) }, { requiredKeys: [] });

const policyTypes = fc.constantFrom(undefined, [], ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress']);

export const policy = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  podSelector: fc.option(podSelector, { nil: undefined }),
  policyTypes,
  ingress: optionalList(rule('from'), 3),
  egress: fc.oneof(optionalList(rule('to'), 3), fc.constant([{}])),
});

const containerPort = fc.record({
  name: fc.option(fc.constantFrom(...PORT_NAMES), { nil: undefined }),
  port: fc.constantFrom(...PORT_NUMBERS),
  protocol,
});

export const workload = fc.record({
  kind: fc.oneof({ arbitrary: fc.constant('Pod'), weight: 3 }, { arbitrary: fc.constantFrom(...WORKLOAD_KINDS), weight: 2 }),
  namespace: fc.constantFrom(...NAMESPACES),
  labels: labels(POD_KEYS, POD_VALUES),
  // Kubernetes requires port names to be unique within a pod.
  ports: fc.uniqueArray(containerPort, { maxLength: 3, selector: (p) => p.name ?? `#${p.port}/${p.protocol}` }),
  ips: fc.uniqueArray(fc.constantFrom(...POD_IPS), { minLength: 1, maxLength: 2 }),
  hostNetwork: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
  // Pods only: an address of their node and, for hostNetwork pods, sometimes no pod IPs (their
  // IPs are then the host's). Pods name no node here: where a node's address is also another
  // pod's IP, which of the two an address means is not settled between the evaluator and this
  // reference (test/analysis/connections.test.ts covers pods on nodes with distinct addresses).
  nodeName: fc.constant<string | undefined>(undefined),
  hostIp: fc.option(fc.constantFrom(...NODE_IPS), { nil: undefined }),
  withoutPodIps: fc.boolean(),
});

const clusterOf = <W, P, C>(workloads: fc.Arbitrary<W[]>, policies: fc.Arbitrary<P[]>, clusterPolicies: fc.Arbitrary<C[]>) => fc.record({
  namespaces: fc.array(fc.record({ name: fc.constantFrom(...NAMESPACES), labels: labels(NS_KEYS, NS_VALUES) }), { maxLength: 3 })
    .map((list) => list.filter((ns, i) => list.findIndex((other) => other.name === ns.name) === i)),
  nodes: fc.array(node, { maxLength: 2 }),
  workloads,
  policies,
  clusterPolicies,
  options: fc.record({ ipBlocksMatchPodIps: fc.boolean(), allowSelfTraffic: fc.boolean(), allowNodeTraffic: fc.boolean() }),
  asList: fc.boolean(),
}).map((c) => {
  // A node's address is never the IP of a pod on the pod network (only hostNetwork pods share it).
  const podNetwork = new Set((c.workloads as { ips: string[]; hostNetwork: boolean }[]).filter((w) => !w.hostNetwork).flatMap((w) => w.ips));
  return { ...c, nodes: c.nodes.map((n) => ({ ...n, addresses: n.addresses.filter((a) => !podNetwork.has(a)) })) };
});

// About a third of the clusters have no ClusterNetworkPolicy: NetworkPolicy alone stays well covered.
const clusterPolicies = (maxLength: number) => fc.oneof(
  { arbitrary: fc.array(clusterPolicy, { maxLength: 0 }), weight: 1 },
  { arbitrary: fc.array(clusterPolicy, { minLength: 1, maxLength }), weight: 2 },
);

export const cluster = clusterOf(
  fc.array(workload, { minLength: 1, maxLength: 6 }),
  fc.array(policy, { minLength: 1, maxLength: 6 }),
  clusterPolicies(4),
);

// Besides 4-12 workloads like the small clusters', 70-100 in other namespaces labelled
// app=filler: over 64 pod classes, so that peers matching or looking among few classes (kept as
// lists) and peers matching many (bitsets of several words) both occur, as in large clusters.
const FILLER_NAMESPACES = ['delta', 'epsilon', 'zeta', 'eta', 'theta'];
const filler = fc.tuple(workload, fc.constantFrom(...FILLER_NAMESPACES))
  .map(([w, namespace]) => ({ ...w, namespace, labels: { app: 'filler', ...(w.labels.tier ? { tier: w.labels.tier } : {}) } }));
export const largeCluster = clusterOf(
  fc.tuple(fc.array(workload, { minLength: 4, maxLength: 12 }), fc.array(filler, { minLength: 70, maxLength: 100 })).map(([a, b]) => [...a, ...b]),
  fc.array(policy, { minLength: 4, maxLength: 12 }),
  clusterPolicies(6),
);

export type Cluster = typeof cluster extends fc.Arbitrary<infer T> ? T : never;

export function toDocuments(c: Cluster): ManifestDocument[] {
  const manifests: any[] = [
    ...c.namespaces.map((ns) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels } })),
    ...c.nodes.map((n, i) => ({
      apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}`, labels: n.labels }, status: { addresses: n.addresses.map((address) => ({ type: 'InternalIP', address })) },
    })),
    ...c.workloads.map((w, i) => workloadManifest(w, `w${i}`)),
    ...c.policies.map((p, i) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `p${i}`, namespace: p.namespace },
      spec: withoutUndefined({ podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress }),
    })),
    ...c.clusterPolicies.map((spec, i) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: `c${i}` }, spec })),
  ];
  return c.asList
    ? [{ manifest: { apiVersion: 'v1', kind: 'List', items: manifests }, origin: 'list' }]
    : manifests.map((manifest, i) => ({ manifest, origin: `doc:${i}` }));
}

function workloadManifest(w: Cluster['workloads'][number], name: string): any {
  const ports = w.ports.map((p) => withoutUndefined({ name: p.name, containerPort: p.port, protocol: p.protocol }));
  const podSpec = { hostNetwork: w.hostNetwork, containers: [{ name: 'main', image: 'x', ports }] };
  const metadata = { name, namespace: w.namespace };
  if (w.kind === 'Pod') {
    const status = withoutUndefined({ podIPs: w.hostNetwork && w.withoutPodIps ? undefined : w.ips.map((ip) => ({ ip })), hostIP: w.hostIp });
    return { apiVersion: 'v1', kind: 'Pod', metadata: { ...metadata, labels: w.labels }, spec: withoutUndefined({ ...podSpec, nodeName: w.nodeName }), status };
  }
  const template = { metadata: { labels: w.labels }, spec: podSpec };
  if (w.kind === 'CronJob') {
    return { apiVersion: 'batch/v1', kind: 'CronJob', metadata, spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } };
  }
  return { apiVersion: 'apps/v1', kind: w.kind, metadata, spec: { template } };
}

function withoutUndefined(object: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

export const portQuery = fc.oneof(
  fc.record({ port: fc.constantFrom(...PORT_NUMBERS, 8443, 9000), protocol }, { requiredKeys: ['port'] }),
  fc.record({ portName: fc.constantFrom(...PORT_NAMES), protocol }, { requiredKeys: ['portName'] }),
);

export function build(c: Cluster) {
  const documents = toDocuments(c);
  // The experimental channel has the nodes and domainNames peers the generators use.
  const options: AnalysisOptions = { ...c.options, clusterNetworkPolicyChannel: ClusterNetworkPolicyChannel.EXPERIMENTAL };
  const model = ClusterModel.fromManifests(documents, options);
  // The generators only write valid policies; an error here is a generator (or validator) bug.
  expect(model.findings.filter((f) => f.severity === FindingSeverity.ERROR)).toEqual([]);
  return { evaluator: new Evaluator(model), reference: new ReferenceEvaluator(documents, options) };
}

