import { deployment, documents, namespace, pod, policy, workload } from './manifests';
import { AnalysisOptions, ClusterModel, ConnectionQuery, DecisionLayer, DecisionOutcome, Evaluator } from '../../src/analysis';
import { TrafficDirection } from '../../src/k8s';
import { Protocol } from '../../src/k8s/protocol';

interface Case {
  readonly name: string;
  readonly manifests: any[];
  readonly query: Omit<ConnectionQuery, 'port'> & { port?: number };
  readonly allowed: boolean;
  readonly options?: AnalysisOptions;
}

function check(manifests: any[], query: ConnectionQuery, options?: AnalysisOptions) {
  return new Evaluator(ClusterModel.fromManifests(documents(...manifests), options)).check(query);
}

const denyIngress = (ns: string) => policy(`${ns}/deny-ingress`, { podSelector: {}, policyTypes: ['Ingress'] });
const allowIngress = (rule: any) => policy('x/allow', { podSelector: { matchLabels: { app: 'db' } }, ingress: [rule] });
const webToDb = { source: 'x/web', destination: 'x/db', port: 80 };
const web = pod('x/web', { labels: { app: 'web' } });
const db = pod('x/db', { labels: { app: 'db' } });

/** Each group keeps the case that a plausible wrong implementation gets wrong beside the one it gets right. */
const cases: Record<string, Case[]> = {
  'isolation and policyTypes defaulting': [
    { name: 'no policy: allowed', manifests: [web, db], query: webToDb, allowed: true },
    { name: 'deny-all ingress isolates every pod', manifests: [web, db, denyIngress('x')], query: webToDb, allowed: false },
    { name: 'a policy in another namespace does not isolate', manifests: [web, db, denyIngress('y')], query: webToDb, allowed: true },
    {
      name: 'policyTypes [Egress] ignores ingress rules and leaves ingress open',
      manifests: [web, db, policy('x/p', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'], ingress: [{ from: [{ ipBlock: { cidr: '1.2.3.4/32' } }] }] })],
      query: webToDb,
      allowed: true,
    },
    {
      name: 'absent policyTypes with egress rules isolates egress too',
      manifests: [web, db, policy('x/p', { podSelector: { matchLabels: { app: 'web' } }, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] })],
      query: webToDb,
      allowed: false,
    },
    {
      name: 'policyTypes [] is defaulted like an absent one',
      manifests: [web, db, policy('x/p', { podSelector: {}, policyTypes: [], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] })],
      query: { source: 'x/web', destination: '8.8.8.8', port: 80 },
      allowed: false,
    },
  ],
  'selectors': [
    {
      name: 'NotIn selects a pod without the key',
      manifests: [web, db, policy('x/p', { podSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] } })],
      query: webToDb,
      allowed: false,
    },
    {
      name: 'NotIn does not select a pod with a listed value',
      manifests: [web, pod('x/db', { labels: { app: 'db', env: 'prod' } }), policy('x/p', { podSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] } })],
      query: webToDb,
      allowed: true,
    },
    {
      name: 'DoesNotExist selects a pod without the key',
      manifests: [web, db, policy('x/p', { podSelector: { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] } })],
      query: webToDb,
      allowed: false,
    },
    {
      name: 'Exists does not select a pod without the key',
      manifests: [web, db, policy('x/p', { podSelector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } })],
      query: webToDb,
      allowed: true,
    },
    {
      name: 'matchLabels and matchExpressions are ANDed',
      manifests: [web, db, policy('x/p', { podSelector: { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } })],
      query: webToDb,
      allowed: true,
    },
  ],
  'peers': [
    {
      name: 'podSelector alone means the policy namespace: same labels elsewhere are not admitted',
      manifests: [db, pod('y/web', { labels: { app: 'web' } }), allowIngress({ from: [{ podSelector: { matchLabels: { app: 'web' } } }] })],
      query: { source: 'y/web', destination: 'x/db', port: 80 },
      allowed: false,
    },
    {
      name: 'podSelector alone admits the pod in the policy namespace',
      manifests: [db, web, allowIngress({ from: [{ podSelector: { matchLabels: { app: 'web' } } }] })],
      query: webToDb,
      allowed: true,
    },
    {
      name: 'namespaceSelector alone admits every pod of matching namespaces',
      manifests: [db, namespace('y', { team: 'red' }), pod('y/any', { labels: {} }), allowIngress({ from: [{ namespaceSelector: { matchLabels: { team: 'red' } } }] })],
      query: { source: 'y/any', destination: 'x/db', port: 80 },
      allowed: true,
    },
    {
      name: 'namespaceSelector alone does not admit the policy namespace unless it matches',
      manifests: [db, web, allowIngress({ from: [{ namespaceSelector: { matchLabels: { team: 'red' } } }] })],
      query: webToDb,
      allowed: false,
    },
    {
      name: 'both selectors in one item are ANDed',
      manifests: [db, namespace('y', { team: 'red' }), pod('y/other', { labels: { app: 'other' } }),
        allowIngress({ from: [{ namespaceSelector: { matchLabels: { team: 'red' } }, podSelector: { matchLabels: { app: 'client' } } }] })],
      query: { source: 'y/other', destination: 'x/db', port: 80 },
      allowed: false,
    },
    {
      name: 'the same selectors as two items are ORed',
      manifests: [db, namespace('y', { team: 'red' }), pod('y/other', { labels: { app: 'other' } }),
        allowIngress({ from: [{ namespaceSelector: { matchLabels: { team: 'red' } } }, { podSelector: { matchLabels: { app: 'client' } } }] })],
      query: { source: 'y/other', destination: 'x/db', port: 80 },
      allowed: true,
    },
    {
      name: 'namespaces are matched by the implied kubernetes.io/metadata.name label',
      manifests: [db, pod('y/web'), allowIngress({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }] })],
      query: { source: 'y/web', destination: 'x/db', port: 80 },
      allowed: true,
    },
    {
      name: 'absent from admits outside endpoints',
      manifests: [db, allowIngress({ ports: [{ port: 80 }] })],
      query: { source: '203.0.113.9', destination: 'x/db', port: 80 },
      allowed: true,
    },
    {
      name: 'empty from admits outside endpoints',
      manifests: [db, allowIngress({ from: [] })],
      query: { source: '203.0.113.9', destination: 'x/db', port: 80 },
      allowed: true,
    },
    {
      name: 'a selector peer never admits an outside endpoint',
      manifests: [db, allowIngress({ from: [{ namespaceSelector: {} }] })],
      query: { source: '203.0.113.9', destination: 'x/db', port: 80 },
      allowed: false,
    },
  ],
  'ipBlocks': [
    ...[['10.1.2.3', true], ['10.0.5.5', false], ['11.0.0.1', false]].map(([ip, allowed]) => ({
      name: `IPv4 10.0.0.0/8 except 10.0.0.0/16 ${allowed ? 'admits' : 'rejects'} ${ip}`,
      manifests: [db, allowIngress({ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/16'] } }] })],
      query: { source: ip as string, destination: 'x/db', port: 80 },
      allowed: allowed as boolean,
    })),
    ...[['fd00::10', true], ['fd00::2', false], ['2001:db8::1', false], ['10.0.0.1', false]].map(([ip, allowed]) => ({
      name: `IPv6 fd00::/64 except fd00::/124 ${allowed ? 'admits' : 'rejects'} ${ip}`,
      manifests: [db, allowIngress({ from: [{ ipBlock: { cidr: 'fd00::/64', except: ['fd00::/124'] } }] })],
      query: { source: ip as string, destination: 'x/db', port: 80 },
      allowed: allowed as boolean,
    })),
    ...[true, false].map((ipBlocksMatchPodIps) => ({
      name: `a pod whose IP is in the ipBlock is ${ipBlocksMatchPodIps ? '' : 'not '}admitted with ipBlocksMatchPodIps=${ipBlocksMatchPodIps}`,
      manifests: [db, pod('y/client', { ips: ['10.1.2.3'] }), allowIngress({ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] })],
      query: { source: 'y/client', destination: 'x/db', port: 80 },
      options: { ipBlocksMatchPodIps },
      allowed: ipBlocksMatchPodIps,
    })),
    {
      name: 'a pod IP in an except is not admitted',
      manifests: [db, pod('y/client', { ips: ['10.0.0.3'] }), allowIngress({ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/24'] } }] })],
      query: { source: 'y/client', destination: 'x/db', port: 80 },
      allowed: false,
    },
    {
      name: 'egress ipBlock matches the destination pod IP (dual-stack: any of its IPs)',
      manifests: [web, pod('x/db', { ips: ['10.9.0.1', 'fd00::9'] }), policy('x/p', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: 'fd00::/64' } }] }] })],
      query: webToDb,
      allowed: true,
    },
    {
      name: 'a query by IP names the pod that has it',
      manifests: [web, pod('x/db', { ips: ['10.9.0.1'] }), denyIngress('x')],
      query: { source: 'x/web', destination: '10.9.0.1', port: 80 },
      allowed: false,
    },
  ],
  'ports': [
    ...[[7999, false], [8000, true], [8080, true], [8081, false]].map(([port, allowed]) => ({
      name: `endPort is inclusive: 8000-8080 ${allowed ? 'admits' : 'rejects'} ${port}`,
      manifests: [web, db, allowIngress({ ports: [{ port: 8000, endPort: 8080 }] })],
      query: { ...webToDb, port: port as number },
      allowed: allowed as boolean,
    })),
    {
      name: 'a port entry without port admits every port of its protocol',
      manifests: [web, db, allowIngress({ ports: [{ protocol: 'UDP' }] })],
      query: { ...webToDb, port: 31337, protocol: Protocol.UDP },
      allowed: true,
    },
    {
      name: 'a port entry without port does not admit other protocols',
      manifests: [web, db, allowIngress({ ports: [{ protocol: 'UDP' }] })],
      query: { ...webToDb, port: 31337 },
      allowed: false,
    },
    {
      name: 'an empty port entry is TCP',
      manifests: [web, db, allowIngress({ ports: [{}] })],
      query: { ...webToDb, port: 53, protocol: Protocol.UDP },
      allowed: false,
    },
    {
      name: 'empty ports admit every protocol',
      manifests: [web, db, allowIngress({ ports: [] })],
      query: { ...webToDb, port: 9, protocol: Protocol.SCTP },
      allowed: true,
    },
    {
      name: 'protocol defaults to TCP: a UDP connection to the port is rejected',
      manifests: [web, db, allowIngress({ ports: [{ port: 53 }] })],
      query: { ...webToDb, port: 53, protocol: Protocol.UDP },
      allowed: false,
    },
    {
      name: 'UDP port admits UDP',
      manifests: [web, db, allowIngress({ ports: [{ port: 53, protocol: 'UDP' }] })],
      query: { ...webToDb, port: 53, protocol: Protocol.UDP },
      allowed: true,
    },
    {
      name: 'SCTP port admits SCTP, not TCP',
      manifests: [web, db, allowIngress({ ports: [{ port: 9, protocol: 'SCTP' }] })],
      query: { ...webToDb, port: 9 },
      allowed: false,
    },
  ],
  'named ports': [
    {
      name: 'resolves on the destination pod',
      manifests: [web, pod('x/db', { ports: [{ name: 'http', containerPort: 8080 }] }), allowIngress({ ports: [{ port: 'http' }] })],
      query: { ...webToDb, port: 8080 },
      allowed: true,
    },
    {
      name: 'does not admit another number',
      manifests: [web, pod('x/db', { ports: [{ name: 'http', containerPort: 8080 }] }), allowIngress({ ports: [{ port: 'http' }] })],
      query: { ...webToDb, port: 80 },
      allowed: false,
    },
    {
      name: 'needs the same protocol on the container port',
      manifests: [web, pod('x/db', { ports: [{ name: 'http', containerPort: 8080, protocol: 'UDP' }] }), allowIngress({ ports: [{ port: 'http' }] })],
      query: { ...webToDb, port: 8080 },
      allowed: false,
    },
    {
      name: 'with an explicit protocol matches that protocol',
      manifests: [web, pod('x/db', { ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] }), allowIngress({ ports: [{ port: 'dns', protocol: 'UDP' }] })],
      query: { ...webToDb, port: 53, protocol: Protocol.UDP },
      allowed: true,
    },
    {
      name: 'in an egress rule resolves on the destination, not on the source',
      manifests: [
        pod('x/web', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] }),
        db,
        policy('x/p', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] }),
      ],
      query: { ...webToDb, port: 8080 },
      allowed: false,
    },
    {
      name: 'in an egress rule admits a destination that defines it',
      manifests: [web, pod('x/db', { ports: [{ name: 'http', containerPort: 8080 }] }),
        policy('x/p', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] })],
      query: { ...webToDb, port: 8080 },
      allowed: true,
    },
    {
      name: 'in an egress rule never matches an outside destination',
      manifests: [web, policy('x/p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] })],
      query: { source: 'x/web', destination: '8.8.8.8', port: 8080 },
      allowed: false,
    },
    {
      name: 'a query by port name uses the destination container port number',
      manifests: [web, pod('x/db', { ports: [{ name: 'http', containerPort: 8080 }] }), allowIngress({ ports: [{ port: 8080 }] })],
      query: { source: 'x/web', destination: 'x/db', portName: 'http' },
      allowed: true,
    },
  ],
  'assumptions': [
    ...[true, false].map((allowSelfTraffic) => ({
      name: `a pod reaches itself under deny-all ${allowSelfTraffic ? 'with' : 'without'} allowSelfTraffic`,
      manifests: [db, policy('x/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })],
      query: { source: 'x/db', destination: 'x/db', port: 80 },
      options: { allowSelfTraffic },
      allowed: allowSelfTraffic,
    })),
    ...[true, false].map((allowNodeTraffic) => ({
      name: `the node reaches an isolated pod ${allowNodeTraffic ? 'with' : 'without'} allowNodeTraffic`,
      manifests: [db, denyIngress('x')],
      query: { source: 'node', destination: 'x/db', port: 80 },
      options: { allowNodeTraffic },
      allowed: allowNodeTraffic,
    })),
    {
      name: 'without allowNodeTraffic the node is still admitted by a rule for every peer',
      manifests: [db, allowIngress({ ports: [{ port: 80 }] })],
      query: { source: 'node', destination: 'x/db', port: 80 },
      options: { allowNodeTraffic: false },
      allowed: true,
    },
    {
      name: 'a hostNetwork pod is not isolated by a policy selecting every pod',
      manifests: [web, pod('x/agent', { hostNetwork: true }), denyIngress('x')],
      query: { source: 'x/web', destination: 'x/agent', port: 80 },
      allowed: true,
    },
    {
      name: 'a hostNetwork pod is not matched by a pod selector',
      manifests: [db, pod('x/agent', { labels: { app: 'agent' }, hostNetwork: true }), allowIngress({ from: [{ podSelector: { matchLabels: { app: 'agent' } } }] })],
      query: { source: 'x/agent', destination: 'x/db', port: 80 },
      allowed: false,
    },
    {
      name: 'a hostNetwork pod is matched by an ipBlock containing its (node) IP, whatever ipBlocksMatchPodIps says',
      manifests: [db, pod('x/agent', { hostNetwork: true, ips: ['192.168.0.10'] }), allowIngress({ from: [{ ipBlock: { cidr: '192.168.0.0/24' } }] })],
      query: { source: 'x/agent', destination: 'x/db', port: 80 },
      options: { ipBlocksMatchPodIps: false },
      allowed: true,
    },
    {
      name: 'workloads stand for their pods (Deployment template labels)',
      manifests: [deployment('x/web'), deployment('x/db'), allowIngress({ from: [{ podSelector: { matchLabels: { app: 'web' } } }] })],
      query: webToDb,
      allowed: true,
    },
    {
      name: 'an invalid policy is not evaluated',
      manifests: [web, db, policy('x/deny', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 0 }] }] })],
      query: webToDb,
      allowed: true,
    },
  ],
};

describe.each(Object.keys(cases))('%s', (group) => {
  test.each(cases[group].map((c) => [c.name, c] as const))('%s', (_, c) => {
    const verdict = check(c.manifests, { port: undefined, ...c.query } as ConnectionQuery, c.options);
    expect(verdict.allowed).toBe(c.allowed);
    expect(verdict.allowed).toBe(verdict.egress.allowed && verdict.ingress.allowed);
  });
});

describe('verdicts', () => {
  test('denied: names the isolating policy and the source', () => {
    const verdict = check([pod('prod/frontend'), pod('prod/db'), policy('prod/db-policy', { podSelector: { matchLabels: { app: 'db' } } })],
      { source: 'prod/frontend', destination: 'prod/db', port: 5432 });
    expect(verdict).toMatchObject({
      allowed: false,
      source: 'prod/frontend',
      destination: 'prod/db',
      port: 5432,
      protocol: Protocol.TCP,
      explanation: 'denied: ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend',
    });
    expect(verdict.ingress).toEqual({
      direction: TrafficDirection.INGRESS,
      endpoint: 'prod/db',
      allowed: false,
      decidedBy: DecisionLayer.NETWORK_POLICY,
      isolated: true,
      selectingPolicies: ['prod/db-policy'],
      admittedBy: [],
      excludedPolicies: [],
      reason: 'ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend',
    });
    // Egress is not isolated: NetworkPolicy has nothing to say and the default allows; ingress is isolated and denied.
    expect(verdict.decisions.map((d) => [d.layer, d.direction, d.outcome])).toEqual([
      [DecisionLayer.NETWORK_POLICY, TrafficDirection.EGRESS, DecisionOutcome.NO_MATCH],
      [DecisionLayer.DEFAULT, TrafficDirection.EGRESS, DecisionOutcome.ACCEPT],
      [DecisionLayer.NETWORK_POLICY, TrafficDirection.INGRESS, DecisionOutcome.DENY],
    ]);
    expect(verdict.decisions[1].reason).toBe('egress from prod/frontend is allowed by default: no policy decides it');
    expect(verdict.egress).toMatchObject({ decidedBy: DecisionLayer.DEFAULT, reason: 'egress from prod/frontend is not isolated' });
  });

  test('allowed: names every admitting rule, with its origin', () => {
    const verdict = check([pod('x/web'), pod('x/db'),
      policy('x/a', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ port: 443 }] }, { from: [{ podSelector: {} }] }] }),
      policy('x/b', { podSelector: {}, ingress: [{}] })], { source: 'x/web', destination: 'x/db', port: 80 });
    expect(verdict.ingress.admittedBy).toEqual([
      { policy: 'x/a', origin: 'file.yaml:2', direction: TrafficDirection.INGRESS, ruleIndex: 1 },
      { policy: 'x/b', origin: 'file.yaml:3', direction: TrafficDirection.INGRESS, ruleIndex: 0 },
    ]);
    expect(verdict.explanation).toBe('allowed: egress from x/web is not isolated, and ingress to x/db is allowed by x/a spec.ingress[1], x/b spec.ingress[0]');
    expect(verdict.decisions[2]).toMatchObject({ direction: TrafficDirection.INGRESS, policies: ['x/a', 'x/b'], outcome: DecisionOutcome.ACCEPT });
    expect(verdict.decisions[2].rules).toEqual(verdict.ingress.admittedBy);
  });

  test('both sides denied: both reasons, in order', () => {
    const verdict = check([pod('x/web'), pod('x/db'), policy('x/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })],
      { source: 'x/web', destination: 'x/db', port: 80 });
    expect(verdict.explanation).toBe('denied: egress from x/web is isolated by x/deny, and none of its rules admits x/db; '
      + 'ingress to x/db is isolated by x/deny, and none of its rules admits x/web');
  });

  test('egress: [] does not isolate egress; egress: [{}] does (and admits everything)', () => {
    const verdictWith = (egress: any[]) => check([pod('x/web'), policy('x/p', { podSelector: {}, egress })], { source: 'x/web', destination: '8.8.8.8', port: 80 });
    expect(verdictWith([]).egress).toMatchObject({ isolated: false, allowed: true, selectingPolicies: [] });
    expect(verdictWith([{}]).egress).toMatchObject({
      isolated: true,
      allowed: true,
      admittedBy: [{ policy: 'x/p', origin: 'file.yaml:1', direction: TrafficDirection.EGRESS, ruleIndex: 0 }],
    });
  });

  test('self traffic is an implicit decision on both sides', () => {
    const verdict = check([pod('x/db'), policy('x/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], { source: 'x/db', destination: 'x/db', port: 80 });
    expect(verdict.explanation).toBe('allowed: x/db can always reach itself (allowSelfTraffic)');
    const implicitAllow = [DecisionLayer.IMPLICIT, DecisionOutcome.ACCEPT];
    expect(verdict.decisions.map((d) => [d.layer, d.outcome])).toEqual([implicitAllow, implicitAllow]);
    expect(verdict.ingress).toMatchObject({ isolated: true, selectingPolicies: ['x/deny'], admittedBy: [] });
  });

  test('node traffic: implicit on the ingress side', () => {
    const verdict = check([pod('x/db'), policy('x/deny', { podSelector: {} })], { source: 'node', destination: 'x/db', port: 80 });
    expect(verdict.explanation).toBe('allowed: egress from node is not subject to NetworkPolicy (node traffic), and ingress to x/db from its own node is always allowed (allowNodeTraffic)');
    expect(verdict.decisions.map((d) => d.layer)).toEqual([DecisionLayer.NETWORK_POLICY, DecisionLayer.DEFAULT, DecisionLayer.IMPLICIT]);
  });

  test('outside and hostNetwork endpoints are not subject to NetworkPolicy', () => {
    const verdict = check([pod('x/agent', { hostNetwork: true })], { source: '198.51.100.1', destination: 'x/agent', port: 80 });
    expect(verdict.explanation).toBe('allowed: egress from 198.51.100.1 is not subject to NetworkPolicy (outside the cluster), '
      + 'and ingress to x/agent is not subject to NetworkPolicy (hostNetwork pod)');
  });

  test('a verdict involving a namespace with an excluded policy mentions it', () => {
    const verdict = check([pod('x/web'), pod('y/db'), policy('y/broken', { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] })],
      { source: 'x/web', destination: 'y/db', port: 80 });
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.excludedPolicies).toEqual(['y/broken']);
    expect(verdict.explanation).toMatch(/; note: y\/broken was not evaluated \(invalid or not networking\.k8s\.io\/v1; see the model findings\)$/);
    const unrelated = check([pod('x/web'), pod('x/db'), policy('y/broken', { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] })],
      { source: 'x/web', destination: 'x/db', port: 80 });
    expect(unrelated.explanation).not.toMatch(/note/);
  });

  test('a port name query reports the name and the resolved number', () => {
    const verdict = check([pod('x/web'), pod('x/db', { ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] })],
      { source: 'x/web', destination: 'x/db', portName: 'dns', protocol: Protocol.UDP });
    expect(verdict).toMatchObject({ port: 53, portName: 'dns', protocol: Protocol.UDP });
  });
});

describe('query errors', () => {
  const evaluator = new Evaluator(ClusterModel.fromManifests(documents(pod('prod/frontend'), pod('prod/db', { ports: [{ name: 'sql', containerPort: 5432 }] }), pod('dev/db'))));

  test.each([
    ['unknown endpoint, with close matches', { source: 'prod/fronted', destination: 'prod/db', port: 80 }, 'NP-INPUT[source]: unknown endpoint "prod/fronted"; close matches: prod/frontend'],
    ['same name in other namespaces', { source: 'prod/frontend', destination: 'stage/db', port: 80 }, 'close matches: dev/db, prod/db'],
    ['nothing close', { source: 'zzz', destination: 'prod/db', port: 80 }, 'use namespace/name of a workload or pod, an IP address, node:<name>, or "node"'],
    ['node as destination', { source: 'prod/db', destination: 'node', port: 80 }, 'NP-INPUT[destination]: "node" can only be a source'],
    ['both port and portName', { source: 'prod/frontend', destination: 'prod/db', port: 80, portName: 'sql' }, 'give exactly one of port (a number) and portName'],
    ['neither port nor portName', { source: 'prod/frontend', destination: 'prod/db' }, 'give exactly one of port'],
    ['port out of range', { source: 'prod/frontend', destination: 'prod/db', port: 0 }, '0 is not a port number; use an integer from 1 to 65535'],
    ['unknown protocol', { source: 'prod/frontend', destination: 'prod/db', port: 80, protocol: 'tcp' as Protocol }, 'unsupported protocol "tcp"; use one of TCP, UDP, SCTP'],
    ['port name missing on the destination', { source: 'prod/db', destination: 'prod/frontend', portName: 'sql' }, 'prod/frontend has no TCP container port named "sql"'],
    ['port name with another protocol', { source: 'prod/frontend', destination: 'prod/db', portName: 'sql', protocol: Protocol.UDP }, 'its ports: TCP/5432 (sql)'],
    ['port name on an outside destination', { source: 'prod/frontend', destination: '8.8.8.8', portName: 'sql' }, '8.8.8.8 has no TCP container port named "sql"'],
  ])('%s', (_, query, message) => {
    expect(() => evaluator.check(query as ConnectionQuery)).toThrow(message);
  });
});

describe('isolation', () => {
  const evaluator = new Evaluator(ClusterModel.fromManifests(documents(
    web, db, pod('x/agent', { hostNetwork: true }), pod('y/free'),
    denyIngress('x'),
    policy('x/db-egress', { podSelector: { matchLabels: { app: 'db' } }, egress: [] }),
    policy('y/broken', { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] }),
  )));

  test.each([
    ['a selected pod', 'x/db', TrafficDirection.INGRESS, true, ['x/deny-ingress', 'x/db-egress'], 'ingress to x/db is isolated by x/deny-ingress, x/db-egress'],
    ['egress: [] without policyTypes isolates ingress only', 'x/db', TrafficDirection.EGRESS, false, [],
      'egress from x/db is not isolated: no NetworkPolicy of namespace x selects it for Egress'],
    ['a hostNetwork pod', 'x/agent', TrafficDirection.INGRESS, false, [], 'ingress to x/agent is not subject to NetworkPolicy (hostNetwork pod)'],
    ['an invalid policy is named as not evaluated', 'y/free', TrafficDirection.INGRESS, false, [],
      'ingress to y/free is not isolated: no NetworkPolicy of namespace y selects it for Ingress (y/broken not evaluated: see the model findings)'],
  ])('%s', (_, endpoint, direction, isolated, selectingPolicies, reason) => {
    expect(evaluator.isolation(endpoint, direction)).toEqual(expect.objectContaining({ endpoint, direction, isolated, selectingPolicies, reason }));
  });

  test('an unknown endpoint is an input error', () => {
    expect(() => evaluator.isolation('x/dbb', TrafficDirection.INGRESS)).toThrow('NP-INPUT[endpoint]: unknown endpoint "x/dbb"; close matches: x/db');
  });
});

describe('matrix', () => {
  test('rows are sources, columns destinations, on the queried port', () => {
    const evaluator = new Evaluator(ClusterModel.fromManifests(documents(
      pod('x/web'), pod('x/db', { ports: [{ name: 'sql', containerPort: 5432 }] }),
      policy('x/db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'sql' }] }] }),
    )));
    const matrix = evaluator.matrix({ port: 5432 });
    expect(matrix.endpoints).toEqual(['x/db', 'x/web']);
    expect(matrix.isAllowed('x/web', 'x/db')).toBe(true);
    expect(matrix.isAllowed('x/db', 'x/web')).toBe(true);
    expect(evaluator.matrix({ port: 80 }).isAllowed('x/web', 'x/db')).toBe(false);
    // x/web has no port named sql, so nothing reaches it on that name.
    expect(evaluator.matrix({ portName: 'sql' }).toJson()).toEqual({
      port: 'sql',
      protocol: 'TCP',
      pods: ['x/db', 'x/web'],
      allowed: { 'x/db': { 'x/db': true, 'x/web': false }, 'x/web': { 'x/db': true, 'x/web': false } },
    });
  });

  test('checks its query like check()', () => {
    const evaluator = new Evaluator(ClusterModel.fromManifests(documents(pod('x/web'))));
    expect(() => evaluator.matrix({})).toThrow('give exactly one of port');
  });
});

describe('nodes (issue 13)', () => {
  const node = (name: string, address: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { addresses: [{ type: 'InternalIP', address }] } });
  const denyAll = policy('kube-system/deny', { podSelector: {}, policyTypes: ['Ingress'] });
  const fromNodeB = policy('kube-system/from-node-b', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.11/32' } }] }] });
  const dns = ['a', 'b'].map((n) => pod(`kube-system/coredns-5d-${n}`, { owner: 'ReplicaSet/coredns-5d', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '5d' }, node: `node-${n}` }));
  const proxy = ['a', 'b'].map((n, i) => pod(`kube-system/kube-proxy-${n}`, { owner: 'DaemonSet/kube-proxy', hostNetwork: true, node: `node-${n}`, ips: [`10.0.0.1${i}`] }));
  const evaluator = (...extra: any[]) => new Evaluator(ClusterModel.fromManifests(documents(node('node-a', '10.0.0.10'), node('node-b', '10.0.0.11'), ...dns, ...proxy, denyAll, ...extra)));

  test.each([
    ['a node to a pod on it', 'node:node-a', 'kube-system/coredns-5d-a', true, 'from its own node (node-a) is always allowed'],
    ['a node\'s address to a pod on it', '10.0.0.10', 'kube-system/coredns-5d-a', true, 'from its own node (node-a) is always allowed'],
    ['a hostNetwork pod to a pod on its node', 'kube-system/kube-proxy-a', 'kube-system/coredns-5d-a', true, 'from its own node (node-a) is always allowed'],
    ['a node to a pod on another node: ordinary traffic, denied here', 'node:node-a', 'kube-system/coredns-5d-b', false, 'none of its rules admits node:node-a'],
    ['a hostNetwork pod to a pod on another node', 'kube-system/kube-proxy-a', 'kube-system/coredns-5d-b', false, 'none of its rules admits kube-system/kube-proxy-a'],
    ['plain node stays the destination pod\'s own node', 'node', 'kube-system/coredns-5d-b', true, 'from its own node (node-b) is always allowed'],
  ])('%s', (_, source, destination, allowed, reason) => {
    const verdict = evaluator().check({ source, destination, port: 53, protocol: Protocol.UDP });
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.explanation).toContain(reason);
  });

  test('from another node, ipBlocks on its address decide', () => {
    const verdict = evaluator(fromNodeB).check({ source: 'node:node-b', destination: 'kube-system/coredns-5d-a', port: 53 });
    expect(verdict).toMatchObject({ allowed: true, source: 'node:node-b' });
    expect(verdict.ingress.reason).toBe('ingress to kube-system/coredns-5d-a is allowed by kube-system/from-node-b spec.ingress[0] (matched by its address 10.0.0.11)');
  });

  test('a workload with pods on this node and others: the answer for the others, and a note', () => {
    const verdict = evaluator().check({ source: 'node:node-a', destination: 'kube-system/coredns', port: 53 });
    expect(verdict.allowed).toBe(false);
    expect(verdict.explanation).toMatch(/; note: its pods on node-a are always reachable from their own node \(allowNodeTraffic\), so this is the answer for its pods on other nodes$/);
  });

  test('without allowNodeTraffic, a node is ordinary traffic from its addresses', () => {
    const model = ClusterModel.fromManifests(documents(node('node-a', '10.0.0.10'), ...dns, denyAll), { allowNodeTraffic: false });
    expect(new Evaluator(model).check({ source: 'node:node-a', destination: 'kube-system/coredns-5d-a', port: 53 }).allowed).toBe(false);
  });

  test('the matrix: a hostNetwork workload on one node reaches the workloads all on that node', () => {
    const model = ClusterModel.fromManifests(documents(
      pod('kube-system/etcd-node-a', { owner: 'Node/node-a', hostNetwork: true, node: 'node-a' }),
      pod('kube-system/local-a', { node: 'node-a', labels: { app: 'local' } }),
      pod('kube-system/remote-b', { node: 'node-b', labels: { app: 'remote' } }),
      denyAll,
    ));
    const matrix = new Evaluator(model).matrix({ port: 80 });
    expect(matrix.isAllowed('kube-system/etcd-node-a', 'kube-system/local-a')).toBe(true);
    expect(matrix.isAllowed('kube-system/etcd-node-a', 'kube-system/remote-b')).toBe(false);
    expect(matrix.toJson().allowed['kube-system/etcd-node-a']['kube-system/local-a']).toBe(true);
  });
});

describe('dual-stack pods (issue 13)', () => {
  const dual = pod('x/client', { labels: { app: 'client' }, ips: ['10.0.0.7', 'fd00::7'] });
  const server = pod('x/server', { labels: { app: 'server' } });
  const checkWith = (cidr: string) => new Evaluator(ClusterModel.fromManifests(documents(dual, server,
    policy('x/p', { podSelector: { matchLabels: { app: 'server' } }, ingress: [{ from: [{ ipBlock: { cidr } }] }] }),
  ))).check({ source: 'x/client', destination: 'x/server', port: 80 });

  test.each([
    ['an IPv6 block', 'fd00::/64', 'matched by its address fd00::7 only: over IPv4 (10.0.0.7) no rule admits it, so the answer differs'],
    ['an IPv4 block', '10.0.0.0/24', 'matched by its address 10.0.0.7 only: over IPv6 (fd00::7) no rule admits it, so the answer differs'],
  ])('a pod with an IPv4 and an IPv6 address is matched by %s, and explain says which address and that the other family differs', (_, cidr, note) => {
    const verdict = checkWith(cidr);
    expect(verdict.allowed).toBe(true);
    expect(verdict.ingress.reason).toBe(`ingress to x/server is allowed by x/p spec.ingress[0] (${note})`);
  });

  test('an address neither block holds is denied', () => {
    expect(checkWith('192.168.0.0/16').allowed).toBe(false);
  });
});

describe('workloads from a dump (issue 13)', () => {
  const hashed = (name: string, app: string) => pod(`x/${name}`, { owner: `ReplicaSet/${app}-7d9f8b6c4`, labels: { 'app': app, 'pod-template-hash': '7d9f8b6c4' } });

  test('pods answer under their workload and under their own name; the Deployment and its pods count once', () => {
    const evaluator = new Evaluator(ClusterModel.fromManifests(documents(
      workload('Deployment', 'x/web'), hashed('web-7d9f8b6c4-aaaaa', 'web'), hashed('web-7d9f8b6c4-bbbbb', 'web'), pod('x/db'),
      policy('x/db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }),
    )));
    expect(evaluator.check({ source: 'x/web', destination: 'x/db', port: 5432 }).allowed).toBe(true);
    expect(evaluator.check({ source: 'x/web-7d9f8b6c4-bbbbb', destination: 'x/db', port: 5432 })).toMatchObject({ allowed: true, source: 'x/web-7d9f8b6c4-bbbbb' });
    expect(evaluator.matrix({ port: 5432 }).endpoints).toEqual(['x/db', 'x/web']);
  });

  test('a pod reaching its own workload is not self traffic', () => {
    const evaluator = new Evaluator(ClusterModel.fromManifests(documents(hashed('web-7d9f8b6c4-aaaaa', 'web'), hashed('web-7d9f8b6c4-bbbbb', 'web'),
      policy('x/deny', { podSelector: {} }))));
    expect(evaluator.check({ source: 'x/web-7d9f8b6c4-aaaaa', destination: 'x/web-7d9f8b6c4-aaaaa', port: 80 }).allowed).toBe(true);
    expect(evaluator.check({ source: 'x/web-7d9f8b6c4-aaaaa', destination: 'x/web-7d9f8b6c4-bbbbb', port: 80 }).allowed).toBe(false);
  });
});
