import * as fc from 'fast-check';
import { deployment, documents, namespace, pod, policy } from './manifests';
import { Cluster, cluster, NAMESPACES, NS_KEYS, NS_VALUES, POD_KEYS, POD_VALUES, portQuery, toDocuments } from './random-clusters';
import { RefPortQuery, ReferenceEvaluator } from './reference-evaluator';
import { ClusterModel, Exposure, ExposureAnswer } from '../../src/analysis';
import { Protocol } from '../../src/k8s/protocol';
import { runs } from '../property-runs';

const shop = namespace('shop', { team: 'shop' });
const db = deployment('shop/db', { labels: { app: 'db' }, ports: [{ name: 'postgres', containerPort: 5432 }] });
const api = pod('shop/api', { labels: { app: 'api' }, ips: ['10.1.0.5'] });
const protectDb = (...from: any[]) => policy('shop/db-policy', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from, ports: [{ port: 5432 }] }] });
const denyEgress = policy('shop/deny-egress', { podSelector: {}, policyTypes: ['Egress'] });

function exposure(manifests: any[], port?: number): ExposureAnswer {
  return Exposure.of(ClusterModel.fromManifests(documents(...manifests)), { destination: 'shop/db', port });
}

describe('Exposure', () => {
  test.each([
    ['a peer in the policy\'s namespace: any new pod with its labels there', [protectDb({ podSelector: { matchLabels: { app: 'api' } } })],
      { otherPods: true, otherAddresses: false, sources: [{ description: 'any pod labelled app=api in namespace shop (allowed by shop/db-policy, ingress[0])', policy: 'shop/db-policy', rule: 'ingress[0].from[0]' }] }],
    ['the same peer, but every pod of the namespace denied egress', [protectDb({ podSelector: { matchLabels: { app: 'api' } } }), denyEgress],
      { otherPods: false, otherAddresses: false, sources: [] }],
    ['a namespace selector: a new namespace with that label, whose pods no policy holds back', [protectDb({ namespaceSelector: { matchLabels: { team: 'shop' } } }), denyEgress],
      { otherPods: true, otherAddresses: false, sources: [{ description: 'any pod in a namespace labelled team=shop (allowed by shop/db-policy, ingress[0])', policy: 'shop/db-policy', rule: 'ingress[0].from[0]' }] }],
    ['a namespace by name: only the input\'s namespace of that name, whose egress is denied', [protectDb({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }), denyEgress],
      { otherPods: false, otherAddresses: false, sources: [] }],
    ['egress allowed to db only for pods labelled app=api', [protectDb({ podSelector: {} }), denyEgress,
      policy('shop/api-out', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] })],
    { otherPods: true, otherAddresses: false, sources: [{ description: 'any pod in namespace shop (allowed by shop/db-policy, ingress[0])', policy: 'shop/db-policy', rule: 'ingress[0].from[0]' }] }],
    ['an ipBlock with an except', [protectDb({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } })],
      { otherPods: false, otherAddresses: true, sources: [{ description: 'addresses in 10.0.0.0/8 except 10.1.0.0/16 (allowed by shop/db-policy, ingress[0])', policy: 'shop/db-policy', rule: 'ingress[0].from[0]' }] }],
    ['an ipBlock holding only the input pod\'s address', [protectDb({ ipBlock: { cidr: '10.1.0.5/32' } })], { otherPods: false, otherAddresses: false, sources: [] }],
    ['a default deny', [policy('shop/deny', { podSelector: {} })], { otherPods: false, otherAddresses: false, sources: [] }],
    ['no policy', [], { otherPods: true, otherAddresses: true, sources: [{ description: 'any pod or address: shop/db is not isolated for ingress', policy: '', rule: '' }] }],
  ])('%s', (_, manifests, expected) => {
    expect(exposure([shop, db, api, ...manifests])).toEqual({ destination: 'shop/db', ...expected });
  });

  test('a port the rules do not admit: nothing', () => {
    expect(exposure([shop, db, api, protectDb({ namespaceSelector: {} })], 80)).toEqual({ destination: 'shop/db', otherPods: false, otherAddresses: false, sources: [] });
    expect(exposure([shop, db, api, protectDb({ namespaceSelector: {} })], 5432).otherPods).toBe(true);
  });

  test('refuses an address and a port name the destination lacks', () => {
    const model = ClusterModel.fromManifests(documents(shop, db));
    expect(() => Exposure.of(model, { destination: '10.0.0.1' })).toThrow(/is an address/);
    expect(() => Exposure.of(model, { destination: 'shop/db', portName: 'http' })).toThrow(/no TCP container port named "http"/);
  });
});

/**
 * The brute-force reference: the input plus, as candidate sources, a pod for every representative
 * label map (each key absent, one of the values selectors use, or another) in every namespace of
 * the input and in new namespaces of every representative label map, each with every name a
 * selector could ask for that the input does not use, or a fresh one; and representative outside
 * addresses. Adding pods changes no other pod's connections, so each candidate is checked by the
 * reference evaluator on the cluster with all of them.
 */
function referenceExposure(c: Cluster, destination: string, queries: RefPortQuery[]): { otherPods: boolean; otherAddresses: boolean } {
  const assignments = (keys: string[], values: string[]): Record<string, string>[] => keys.reduce<Record<string, string>[]>(
    (maps, key) => maps.flatMap((m) => [m, ...[...values, 'other'].map((v) => ({ ...m, [key]: v }))]), [{}]);
  const podLabels = assignments(POD_KEYS, POD_VALUES);
  const inputDocuments = toDocuments(c);
  const inputNamespaces = ClusterModel.fromManifests(inputDocuments, c.options).namespaces.map((ns) => ns.name);
  // Namespace selectors ask for names among the namespaces' and the label values.
  const newNames = [...new Set([...NAMESPACES, ...NS_VALUES])].filter((n) => !inputNamespaces.includes(n)).concat('fresh');
  const candidatePod = (ns: string, labels: Record<string, string>, i: number) =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `candidate-${i}`, namespace: ns, labels }, spec: { containers: [{ name: 'c', image: 'x' }] } });
  const allows = (reference: ReferenceEvaluator, source: string) => queries.some((q) => reference.allowed(source, destination, q) === true);
  // A cluster per label map of the new namespaces (a namespace has one name and one set of labels).
  let otherPods = false;
  for (const [k, nsLabels] of assignments(NS_KEYS, [...new Set([...NS_VALUES, ...NAMESPACES])]).entries()) {
    const extra: any[] = [];
    const names: string[] = [];
    for (const ns of [...(k === 0 ? inputNamespaces : []), ...newNames]) {
      if (newNames.includes(ns)) {
        extra.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: nsLabels } });
      }
      podLabels.forEach((labels, i) => {
        extra.push(candidatePod(ns, labels, i));
        names.push(`${ns}/candidate-${i}`);
      });
    }
    const reference = new ReferenceEvaluator([...inputDocuments, ...extra.map((manifest) => ({ manifest, origin: 'candidate' }))], c.options);
    if (names.some((name) => allows(reference, name))) {
      otherPods = true;
      break;
    }
  }
  // The input's pod IPs are those its Pods carry (workloads of other kinds are templates, without
  // IPs); a hostNetwork pod without pod IPs has its node's.
  const podIps = new Set(c.workloads.filter((w) => w.kind === 'Pod')
    .flatMap((w) => (w.hostNetwork && w.withoutPodIps ? (w.hostIp === undefined ? [] : [w.hostIp]) : w.ips)));
  const reference = new ReferenceEvaluator(inputDocuments, c.options);
  const otherAddresses = ADDRESSES.filter((ip) => !podIps.has(ip)).some((ip) => allows(reference, ip));
  return { otherPods, otherAddresses };
}

/** An address of each piece the random clusters' ipBlocks cut the address space into, and more. */
const ADDRESSES = [
  '0.0.0.0', '8.8.8.8', '9.255.255.255', '10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7',
  '10.0.0.8', '10.0.0.255', '10.0.1.0', '10.0.1.7', '10.255.255.255', '11.0.0.0', '192.168.0.0', '192.168.1.10', '192.168.255.255', '255.255.255.255',
  '::', '::1', 'fd00::', 'fd00::1', 'fd00::2', 'fd00::3', 'fd00::4', 'fd00::5', 'fd00::6', 'fd00::7', 'fd00::8', 'fd00::ffff:ffff:ffff:ffff',
  'fd00:0:0:1::', '2001:db8::1', 'ffff::1',
];

const PROTOCOLS = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];
/** "Any port": a port of each piece the random clusters' port rules cut the port space into. */
const ANY_PORT = [1, 53, 80, 81, 480, 8080, 8081, 8480, 9000, 16080].flatMap((port) => PROTOCOLS.map((protocol) => ({ port, protocol })));

describe('Exposure agrees with a brute-force reference on random clusters', () => {
  test.each([['one port', 100], ['any port', 40]])('%s', (mode, numRuns) => {
    // Exposure judges the NetworkPolicy layer only (ClusterNetworkPolicy tiers are left out, as documented).
    const withoutTiers = cluster.map((generated) => ({ ...generated, clusterPolicies: [] }));
    fc.assert(fc.property(withoutTiers, fc.nat(), portQuery, (c, pick, picked) => {
      const query = picked as RefPortQuery;
      const model = ClusterModel.fromManifests(toDocuments(c), c.options);
      const workload = model.workloads[pick % model.workloads.length];
      const destination = workload.endpoint;
      let answer: ExposureAnswer;
      let queries: RefPortQuery[];
      if (mode === 'any port') {
        answer = Exposure.of(model, { destination });
        queries = ANY_PORT;
      } else {
        const protocol = (query.protocol ?? Protocol.TCP) as Protocol;
        if (query.portName !== undefined && !workload.ports.some((p) => p.name === query.portName && p.protocol === protocol)) {
          return;
        }
        answer = Exposure.of(model, { destination, port: query.port, portName: query.portName, protocol });
        queries = [{ ...query, protocol }];
      }
      expect({ otherPods: answer.otherPods, otherAddresses: answer.otherAddresses }).toEqual(referenceExposure(c, destination, queries));
    }), { numRuns: runs(numRuns) });
  });
});
