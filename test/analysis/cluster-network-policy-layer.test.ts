import { clusterPolicy, documents, namespace, pod, policy } from './manifests';
import { AnalysisOptions, ClusterModel, ConnectionQuery, DecisionLayer, Evaluator } from '../../src/analysis';
import { Protocol } from '../../src/k8s/protocol';
import { ClusterNetworkPolicyChannel } from '../../src/validation/cluster-network-policy-channel';

/**
 * The subtle cases of ClusterNetworkPolicy tiers, each expectation taken from the semantics in
 * reference/cluster-network-policy.md §3 (cited per group), among them what the upstream
 * conformance suite leaves out (§5: equal priorities, Baseline Pass, port ranges, Accept egress
 * then Deny ingress, one-direction NetworkPolicy isolation, matchExpressions, IPv6).
 */
interface Case {
  readonly name: string;
  readonly manifests: any[];
  readonly query: ConnectionQuery;
  readonly allowed: boolean;
  /** The layers that decided the egress side and the ingress side. */
  readonly decidedBy: [DecisionLayer, DecisionLayer];
}

const { ADMIN, NETWORK_POLICY, BASELINE, DEFAULT } = DecisionLayer;
const OPTIONS: AnalysisOptions = { clusterNetworkPolicyChannel: ClusterNetworkPolicyChannel.EXPERIMENTAL };

const ns = [namespace('x', { team: 'red' }), namespace('y', { team: 'blue' })];
const web = pod('x/web', { labels: { app: 'web' }, ips: ['10.0.0.1', 'fd00::1'] });
const db = pod('x/db', { labels: { app: 'db' }, ips: ['10.0.0.2', 'fd00::2'], ports: [{ name: 'http', containerPort: 8080 }] });
const webToDb: ConnectionQuery = { source: 'x/web', destination: 'x/db', port: 8080 };

const everyPod = { namespaces: {} };
const podsOf = (app: string) => ({ pods: { podSelector: { matchLabels: { app } } } });
/** A ClusterNetworkPolicy with one rule in one direction, subject every pod. */
const cnp = (name: string, tier: string, priority: number, direction: 'ingress' | 'egress', rules: any[], subject: any = everyPod) =>
  clusterPolicy(name, { tier, priority, subject, [direction]: rules });
const rule = (action: string, direction: 'ingress' | 'egress', peers: any[], protocols?: any[]) =>
  ({ action, [direction === 'ingress' ? 'from' : 'to']: peers, ...(protocols ? { protocols } : {}) });
const ingress = (name: string, tier: string, priority: number, action: string, peers: any[] = [everyPod], protocols?: any[]) =>
  cnp(name, tier, priority, 'ingress', [rule(action, 'ingress', peers, protocols)]);
const egress = (name: string, tier: string, priority: number, action: string, peers: any[] = [everyPod], protocols?: any[]) =>
  cnp(name, tier, priority, 'egress', [rule(action, 'egress', peers, protocols)]);

/** NetworkPolicies of namespace x: db isolated for ingress, admitting web, or admitting nobody. */
const dbAdmitsWeb = policy('x/db-admits-web', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] });
const dbAdmitsNobody = policy('x/db-closed', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] });

const cases: Record<string, Case[]> = {
  // §3.2: Pass leaves the tier; from Admin, NetworkPolicy decides where it isolates, Baseline where it does not.
  'Pass': [
    {
      name: 'Admin Pass, no NetworkPolicy: Baseline Deny decides',
      manifests: [...ns, web, db, ingress('pass', 'Admin', 10, 'Pass'), ingress('baseline', 'Baseline', 10, 'Deny')],
      query: webToDb,
      allowed: false,
      decidedBy: [DEFAULT, BASELINE],
    },
    {
      name: 'Admin Pass, NetworkPolicy admits: Baseline Deny is never asked',
      manifests: [...ns, web, db, dbAdmitsWeb, ingress('pass', 'Admin', 10, 'Pass'), ingress('baseline', 'Baseline', 10, 'Deny')],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, NETWORK_POLICY],
    },
    {
      name: 'Admin Pass skips a lower-precedence Admin Deny (Pass 40 before Deny 50), reaching Baseline Accept',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 50, 'Deny'), ingress('pass', 'Admin', 40, 'Pass'), ingress('accept', 'Baseline', 5, 'Accept')],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, BASELINE],
    },
    {
      name: 'Baseline Pass skips a later Baseline Deny: the default allows',
      manifests: [...ns, web, db, ingress('pass', 'Baseline', 1, 'Pass'), ingress('deny', 'Baseline', 2, 'Deny')],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
  ],
  // §3.1: Admin outranks NetworkPolicy, which outranks Baseline.
  'tiers around NetworkPolicy': [
    {
      name: 'Admin Deny overrides a NetworkPolicy that admits',
      manifests: [...ns, web, db, dbAdmitsWeb, ingress('deny', 'Admin', 10, 'Deny', [podsOf('web')])],
      query: webToDb,
      allowed: false,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'Admin Accept overrides a NetworkPolicy that admits nobody',
      manifests: [...ns, web, db, dbAdmitsNobody, ingress('accept', 'Admin', 10, 'Accept', [podsOf('web')])],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'Baseline Accept does not open a pod a NetworkPolicy isolates',
      manifests: [...ns, web, db, dbAdmitsNobody, ingress('accept', 'Baseline', 10, 'Accept')],
      query: webToDb,
      allowed: false,
      decidedBy: [DEFAULT, NETWORK_POLICY],
    },
    {
      name: 'Baseline Deny yields to a NetworkPolicy that admits',
      manifests: [...ns, web, db, dbAdmitsWeb, ingress('deny', 'Baseline', 10, 'Deny')],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, NETWORK_POLICY],
    },
    {
      name: 'a NetworkPolicy isolating only ingress leaves egress to Baseline Deny',
      manifests: [...ns, web, db, policy('x/web-in', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] }), egress('deny', 'Baseline', 10, 'Deny')],
      query: webToDb,
      allowed: false,
      decidedBy: [BASELINE, DEFAULT],
    },
    {
      name: 'being a subject isolates nothing: a rule for other peers leaves the side to the default',
      manifests: [...ns, web, db, ingress('deny-y', 'Admin', 10, 'Deny', [{ namespaces: { matchLabels: { team: 'blue' } } }])],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
  ],
  // §3.1: ascending priority, then rules in written order. Equal priorities are undefined upstream;
  // the evaluator takes reading order.
  'order': [
    {
      name: 'lower priority number first: Accept 5 before Deny 10',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 10, 'Deny'), ingress('accept', 'Admin', 5, 'Accept')],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'lower priority number first: Deny 5 before Accept 10',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 5, 'Deny'), ingress('accept', 'Admin', 10, 'Accept')],
      query: webToDb,
      allowed: false,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'within a policy the first matching rule decides, not the most restrictive',
      manifests: [...ns, web, db, cnp('p', 'Admin', 10, 'ingress', [rule('Accept', 'ingress', [podsOf('web')]), rule('Deny', 'ingress', [everyPod])])],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'equal priorities: reading order (Deny read first)',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 7, 'Deny'), ingress('accept', 'Admin', 7, 'Accept')],
      query: webToDb,
      allowed: false,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'equal priorities: reading order (Accept read first)',
      manifests: [...ns, web, db, ingress('accept', 'Admin', 7, 'Accept'), ingress('deny', 'Admin', 7, 'Deny')],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, ADMIN],
    },
  ],
  // §3.1: each side on its own; egress Accept does not open the destination's ingress.
  'sides': [
    {
      name: 'Admin Accept egress, then Admin Deny ingress at the destination',
      manifests: [...ns, web, db, egress('out', 'Admin', 10, 'Accept'), cnp('in', 'Admin', 20, 'ingress', [rule('Deny', 'ingress', [podsOf('web')])], podsOf('db'))],
      query: webToDb,
      allowed: false,
      decidedBy: [ADMIN, ADMIN],
    },
  ],
  // §2.2, §3.3: who subjects and peers are.
  'subjects and peers': [
    {
      name: 'subjects never select a hostNetwork pod',
      manifests: [...ns, web, pod('x/db', { labels: { app: 'db' }, hostNetwork: true, ips: ['192.168.1.10'] }), ingress('deny', 'Admin', 10, 'Deny')],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
    {
      name: 'pods peers never match a hostNetwork pod',
      manifests: [...ns, pod('x/web', { labels: { app: 'web' }, hostNetwork: true, ips: ['192.168.1.10'] }), db, ingress('deny', 'Admin', 10, 'Deny', [podsOf('web')])],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
    {
      name: 'matchExpressions in subject and peer (NotIn selects pods without the key)',
      manifests: [...ns, web, db, cnp('p', 'Admin', 10, 'ingress',
        [rule('Deny', 'ingress', [{ pods: { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['red'] }] }, podSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] } } }])],
        { namespaces: { matchExpressions: [{ key: 'team', operator: 'Exists' }] } })],
      query: webToDb,
      allowed: false,
      decidedBy: [DEFAULT, ADMIN],
    },
  ],
  // §2.3: protocols: ranges inclusive, the protocol named, named ports on the destination pod.
  'ports': [
    {
      name: 'a TCP range holds its end port',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 10, 'Deny', [everyPod], [{ tcp: { destinationPort: { range: { start: 8000, end: 8080 } } } }])],
      query: webToDb,
      allowed: false,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'a TCP range ends at its end port',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 10, 'Deny', [everyPod], [{ tcp: { destinationPort: { range: { start: 8000, end: 8079 } } } }])],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
    {
      name: 'a UDP rule does not match TCP',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 10, 'Deny', [everyPod], [{ udp: { destinationPort: { number: 8080 } } }])],
      query: webToDb,
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
    {
      name: 'an SCTP rule matches SCTP',
      manifests: [...ns, web, db, ingress('deny', 'Admin', 10, 'Deny', [everyPod], [{ sctp: { destinationPort: { number: 8080 } } }])],
      query: { ...webToDb, protocol: Protocol.SCTP },
      allowed: false,
      decidedBy: [DEFAULT, ADMIN],
    },
    {
      name: 'a named port resolves on the destination (db http = 8080)',
      manifests: [...ns, web, db, egress('deny', 'Admin', 10, 'Deny', [podsOf('db')], [{ destinationNamedPort: 'http' }])],
      query: webToDb,
      allowed: false,
      decidedBy: [ADMIN, DEFAULT],
    },
    {
      name: 'a named port does not match another port of the destination',
      manifests: [...ns, web, db, egress('deny', 'Admin', 10, 'Deny', [podsOf('db')], [{ destinationNamedPort: 'http' }])],
      query: { ...webToDb, port: 80 },
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
  ],
  // §2.2, §3.3: networks match pod IPs too; nodes match the addresses of the Nodes selected.
  'networks and nodes': [
    {
      name: 'Deny 0.0.0.0/0 also denies pod-to-pod traffic',
      manifests: [...ns, web, db, egress('deny', 'Admin', 10, 'Deny', [{ networks: ['0.0.0.0/0'] }])],
      query: webToDb,
      allowed: false,
      decidedBy: [ADMIN, DEFAULT],
    },
    {
      name: 'an Accept of the pod /32 before Deny 0.0.0.0/0 allows it',
      manifests: [...ns, web, db, cnp('p', 'Admin', 10, 'egress', [rule('Accept', 'egress', [{ networks: ['10.0.0.2/32'] }]), rule('Deny', 'egress', [{ networks: ['0.0.0.0/0'] }])])],
      query: webToDb,
      allowed: true,
      decidedBy: [ADMIN, DEFAULT],
    },
    {
      name: 'Deny ::/0 denies an IPv6 destination outside',
      manifests: [...ns, web, egress('deny', 'Admin', 10, 'Deny', [{ networks: ['::/0'] }])],
      query: { source: 'x/web', destination: '2001:db8::7', port: 443 },
      allowed: false,
      decidedBy: [ADMIN, DEFAULT],
    },
    {
      name: 'Deny 0.0.0.0/0 leaves an IPv6 destination to the next layer',
      manifests: [...ns, web, egress('deny', 'Admin', 10, 'Deny', [{ networks: ['0.0.0.0/0'] }])],
      query: { source: 'x/web', destination: '2001:db8::7', port: 443 },
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
    {
      name: 'a nodes peer matches a hostNetwork pod on a selected node address',
      manifests: [...ns, web, pod('x/agent', { hostNetwork: true, ips: ['192.168.1.10'] }), node('n1', { role: 'infra' }, ['192.168.1.10']),
        egress('deny', 'Admin', 10, 'Deny', [{ nodes: { matchLabels: { role: 'infra' } } }])],
      query: { source: 'x/web', destination: 'x/agent', port: 10250 },
      allowed: false,
      decidedBy: [ADMIN, DEFAULT],
    },
    {
      name: 'a nodes peer does not match the address of a node it does not select',
      manifests: [...ns, web, node('n1', { role: 'worker' }, ['192.168.1.10']), egress('deny', 'Admin', 10, 'Deny', [{ nodes: { matchLabels: { role: 'infra' } } }])],
      query: { source: 'x/web', destination: '192.168.1.10', port: 10250 },
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
    {
      name: 'a pod\'s status.hostIP is an address of the node it names, even without a Node object',
      manifests: [...ns, web, scheduled(pod('x/app', { ips: ['10.0.0.9'] }), 'worker-9', '192.168.5.5'), egress('deny', 'Admin', 10, 'Deny', [{ nodes: {} }])],
      query: { source: 'x/web', destination: '192.168.5.5', port: 10250 },
      allowed: false,
      decidedBy: [ADMIN, DEFAULT],
    },
    {
      name: 'a hostNetwork pod without pod IPs has its host IP, which a nodes peer matches',
      manifests: [...ns, web, scheduled(pod('x/agent', { hostNetwork: true }), 'worker-9', '192.168.5.5'), egress('deny', 'Admin', 10, 'Deny', [{ nodes: {} }])],
      query: { source: 'x/web', destination: 'x/agent', port: 10250 },
      allowed: false,
      decidedBy: [ADMIN, DEFAULT],
    },
    {
      name: 'an unlabelled implied node does not match a labelled nodes selector',
      manifests: [...ns, web, scheduled(pod('x/agent', { hostNetwork: true }), 'worker-9', '192.168.5.5'),
        egress('deny', 'Admin', 10, 'Deny', [{ nodes: { matchLabels: { role: 'infra' } } }])],
      query: { source: 'x/web', destination: 'x/agent', port: 10250 },
      allowed: true,
      decidedBy: [DEFAULT, DEFAULT],
    },
    {
      name: 'a Baseline nodes Accept on a port range, under a NetworkPolicy isolating egress: NetworkPolicy decides',
      manifests: [...ns, web, node('n1', {}, ['192.168.1.10']), policy('x/web-out', { podSelector: {}, policyTypes: ['Egress'] }),
        egress('nodes', 'Baseline', 10, 'Accept', [{ nodes: {} }], [{ tcp: { destinationPort: { range: { start: 10000, end: 10999 } } } }])],
      query: { source: 'x/web', destination: '192.168.1.10', port: 10250 },
      allowed: false,
      decidedBy: [NETWORK_POLICY, DEFAULT],
    },
  ],
};

/** A pod with `spec.nodeName` and `status.hostIP`. */
function scheduled(manifest: any, nodeName: string, hostIP: string): any {
  return { ...manifest, spec: { ...manifest.spec, nodeName }, status: { ...manifest.status ?? {}, hostIP } };
}

function node(name: string, labels: Record<string, string>, addresses: string[]): any {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, status: { addresses: addresses.map((address) => ({ type: 'InternalIP', address })) } };
}

function check(manifests: any[], query: ConnectionQuery) {
  const model = ClusterModel.fromManifests(documents(...manifests), OPTIONS);
  expect(model.clusterPolicies.filter((p) => !p.evaluated)).toEqual([]);
  return new Evaluator(model).check(query);
}

describe.each(Object.keys(cases))('%s', (group) => {
  test.each(cases[group].map((c) => [c.name, c] as const))('%s', (_, c) => {
    const verdict = check(c.manifests, c.query);
    expect({ allowed: verdict.allowed, decidedBy: [verdict.egress.decidedBy, verdict.ingress.decidedBy] })
      .toEqual({ allowed: c.allowed, decidedBy: c.decidedBy });
  });
});

// §3.3: domainNames cannot be evaluated without DNS: they match nothing, and a verdict that one
// could change says so instead of guessing.
describe('domainNames', () => {
  const manifests = [...ns, web, cnp('dns-names', 'Admin', 10, 'egress', [
    { name: 'example', action: 'Accept', to: [{ domainNames: ['example.com'] }] },
    { name: 'nothing else', action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] },
  ])];

  test('an outside address: the Deny after it decides, and the reason names the rule not evaluated', () => {
    const verdict = check(manifests, { source: 'x/web', destination: '93.184.215.14', port: 443 });
    expect(verdict.allowed).toBe(false);
    expect(verdict.egress.reason).toBe('egress from x/web is denied by ClusterNetworkPolicy dns-names rule "nothing else" (Admin, priority 10, egress[1]) '
      + '(not evaluated: ClusterNetworkPolicy dns-names rule "example" (Admin, priority 10, egress[0]) names domainNames, and there is no DNS model; '
      + 'if one of them resolves to 93.184.215.14, the first of those rules decides instead)');
  });

  test('a pod is no domain name\'s address: no note', () => {
    const verdict = check([...manifests, db], webToDb);
    expect(verdict.allowed).toBe(false);
    expect(verdict.egress.reason).not.toContain('domainNames');
  });

  test('the model warns that domainNames are not evaluated', () => {
    const model = ClusterModel.fromManifests(documents(...manifests), OPTIONS);
    expect(model.findings.filter((f) => f.field.endsWith('domainNames')).map((f) => f.message)).toEqual([expect.stringMatching(/^domain names are not evaluated/)]);
  });
});

test('an endpoint no policy applies to is said so once per kind of policy', () => {
  const verdict = check([...ns, web, ingress('deny', 'Admin', 10, 'Deny')], { source: 'x/web', destination: '8.8.8.8', port: 53 });
  expect(verdict.ingress.reason).toBe('ingress to 8.8.8.8 is not subject to ClusterNetworkPolicy (outside the cluster), '
    + 'and ingress to 8.8.8.8 is not subject to NetworkPolicy (outside the cluster)');
});
