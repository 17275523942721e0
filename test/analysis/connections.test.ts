import { deployment, documents, pod, policy } from './manifests';
import { ClusterModel, ConnectivityDiff, Coverage, DecisionLayer, Evaluator } from '../../src/analysis';
import { Protocol } from '../../src/k8s/protocol';

const evaluate = (...manifests: any[]) => new Evaluator(ClusterModel.fromManifests(documents(...manifests)));
const listed = (evaluator: Evaluator) => evaluator.connections().map((c) => `${c.source} -> ${c.destination} ${c.protocol} ${c.ports.map(([a, b]) => (a === b ? a : `${a}-${b}`)).join(',')}`);

describe('Evaluator.connections', () => {
  test('the ports both sides allow, merged per protocol; named ports resolve on each destination', () => {
    const evaluator = evaluate(
      pod('x/web'),
      pod('x/api', { ports: [{ name: 'http', containerPort: 8080 }] }),
      pod('x/admin', { ports: [{ name: 'http', containerPort: 9000 }] }),
      policy('x/web-out', {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Egress'],
        egress: [
          { ports: [{ port: 'http' }, { port: 80, endPort: 90 }] },
          { ports: [{ port: 91 }, { protocol: 'UDP', port: 53 }] },
        ],
      }),
      policy('x/in', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 85, endPort: 9000 }, { protocol: 'UDP' }] }] }),
    );
    expect(listed(evaluator)).toEqual([
      // admin and api may send anywhere, but everything is ingress-isolated and only web is admitted.
      'x/web -> x/admin TCP 85-91,9000',
      'x/web -> x/admin UDP 53',
      'x/web -> x/api TCP 85-91,8080',
      'x/web -> x/api UDP 53',
    ]);
  });

  test('a workload paired with itself is left out; two workloads of the same class are not', () => {
    const evaluator = evaluate(deployment('x/a', { labels: { app: 'same' } }), deployment('x/b', { labels: { app: 'same' } }),
      policy('x/p', { podSelector: {}, ingress: [{ ports: [{ port: 443 }] }] }));
    expect(listed(evaluator)).toEqual(['x/a -> x/b TCP 443', 'x/b -> x/a TCP 443']);
  });

  test('connection(): the pieces of the allowed ports, each with what admits it on each side', () => {
    const evaluator = evaluate(
      pod('x/web'), pod('x/db'),
      policy('x/one', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ port: 5432 }, { port: 6000, endPort: 6010 }] }] }),
      policy('x/two', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ ports: [{ port: 6005, endPort: 6020 }] }] }),
    );
    const verdict = evaluator.connection('x/web', 'x/db');
    expect(verdict.explanation).toBe('allowed on TCP 5432, 6000-6020; every other port is denied');
    expect(verdict.connections).toEqual([{ source: 'x/web', destination: 'x/db', protocol: Protocol.TCP, ports: [[5432, 5432], [6000, 6020]] }]);
    expect(verdict.pieces.map((p) => [p.ports, p.ingress.rules.map((r) => r.policy), p.egress.layer])).toEqual([
      [[[5432, 5432], [6000, 6004]], ['x/one'], DecisionLayer.DEFAULT],
      [[[6005, 6010]], ['x/one', 'x/two'], DecisionLayer.DEFAULT],
      [[[6011, 6020]], ['x/two'], DecisionLayer.DEFAULT],
    ]);
    expect(evaluator.connection('x/db', 'x/db').explanation).toBe('allowed on every port: x/db can always reach itself (allowSelfTraffic)');
    expect(() => evaluator.connection('x/web', '10.0.0.1')).toThrow('is not a workload or pod');
  });

  describe('a hostNetwork workload on one node reaches the pods on that node on every port (allowNodeTraffic)', () => {
    const denyAll = policy('k/deny', { podSelector: {}, policyTypes: ['Ingress'] });
    const agent = pod('k/agent', { hostNetwork: true, node: 'node-a' });
    const local = pod('k/local', { node: 'node-a' });
    const remote = pod('k/remote', { node: 'node-b' });
    const spread = ['a', 'b'].map((n) => pod(`k/spread-${n}`, { owner: 'ReplicaSet/spread', labels: { app: 'spread' }, node: `node-${n}` }));
    const fromAgent = (evaluator: Evaluator) => evaluator.connections({ source: 'k/agent' }).map((c) => `${c.destination} ${c.protocol} ${c.ports.join(' ')}`);

    test('connections() and the matrix agree', () => {
      const evaluator = evaluate(agent, local, remote, ...spread, denyAll);
      expect(fromAgent(evaluator)).toEqual(['k/local TCP 1,65535', 'k/local UDP 1,65535', 'k/local SCTP 1,65535']);
      expect(evaluator.matrix({ port: 80 }).isAllowed('k/agent', 'k/local')).toBe(true);
    });

    test('connection(): every port to a workload all on its node; a note for one only partly there', () => {
      const evaluator = evaluate(agent, local, ...spread, denyAll);
      expect(evaluator.connection('k/agent', 'k/local')).toMatchObject({
        allowed: true, explanation: 'allowed on every port: k/agent uses its node\'s network, and a pod\'s own node can always reach it (allowNodeTraffic)',
      });
      expect(evaluator.connection('k/agent', 'k/spread').explanation).toMatch(/^denied on every port: .*; note: its pods on node-a are always reachable from their own node/);
      expect(evaluator.connection('k/agent', 'k/spread-a').allowed).toBe(true);
      const without = new Evaluator(ClusterModel.fromManifests(documents(agent, local, denyAll), { allowNodeTraffic: false }));
      expect(without.connection('k/agent', 'k/local').allowed).toBe(false);
      expect(fromAgent(without)).toEqual([]);
    });

    test('the diff sees a workload move onto the node', () => {
      const before = ClusterModel.fromManifests(documents(agent, remote, denyAll));
      const after = ClusterModel.fromManifests(documents(agent, pod('k/remote', { node: 'node-a' }), denyAll));
      const diff = ConnectivityDiff.between(before, after);
      expect(diff.added.map((c) => `${c.source} -> ${c.destination} ${c.protocol} ${c.ports.join(' ')}`)).toEqual([
        'k/agent -> k/remote TCP 1,65535', 'k/agent -> k/remote UDP 1,65535', 'k/agent -> k/remote SCTP 1,65535',
      ]);
      expect(diff.removed).toEqual([]);
    });
  });
});

describe('ReachabilityMatrix.byNamespace', () => {
  test('all, some or none of the pairs of distinct workloads between two namespaces', () => {
    const evaluator = evaluate(
      pod('a/one'), pod('a/two'), pod('b/three'), pod('c/four'),
      policy('b/only-one', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'one' } } }] }] }),
      policy('c/none', { podSelector: {}, policyTypes: ['Ingress'] }),
    );
    const summary = evaluator.matrix({ port: 80 }).byNamespace();
    expect(summary.namespaces).toEqual(['a', 'b', 'c']);
    expect(summary.namespaces.map((from) => summary.namespaces.map((to) => summary.coverage(from, to)).join(' '))).toEqual([
      'all some none',
      'all none none',
      'all none none',
    ]);
    expect(summary.coverage('a', 'nowhere')).toBe(Coverage.NONE);
    expect(summary.toJson()).toMatchObject({ port: 80, protocol: 'TCP', namespaces: ['a', 'b', 'c'], allowed: { a: { b: 'some' } } });
  });
});

test('a rule for every peer after rules for some: each rule keeps its own ports, whatever the order', () => {
  const rules = [
    { to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 5432 }] },
    { ports: [{ protocol: 'UDP', port: 53 }] },
    { to: [{ podSelector: { matchLabels: { app: 'cache' } } }], ports: [{ port: 6379 }] },
  ];
  for (const order of [rules, [...rules].reverse(), [rules[1], rules[0], rules[2]]]) {
    const evaluator = evaluate(pod('x/web'), pod('x/db'), pod('x/cache'),
      policy('x/web-out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: order }));
    expect(listed(evaluator).filter((l) => l.startsWith('x/web'))).toEqual([
      'x/web -> x/cache TCP 6379', 'x/web -> x/cache UDP 53', 'x/web -> x/db TCP 5432', 'x/web -> x/db UDP 53',
    ]);
    // The one-pair path agrees with the listing.
    expect(evaluator.connection('x/web', 'x/db').connections.map((c) => `${c.protocol} ${c.ports}`)).toEqual(['TCP 5432,5432', 'UDP 53,53']);
  }
});
