import * as fs from 'fs';
import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { shop } from './shop';
import { ClusterModel } from '../../src/analysis';
import { AllowConnection, AllowFrom, ClusterNetworkPolicy, PolicyTarget } from '../../src/constructs';
import { Endpoint, IntentKind, IntentStatus, ReachabilityIntents } from '../../src/intents';
import { ClusterPolicyTier, TrafficDirection, Protocol } from '../../src/k8s';
import { ClusterPolicySubject, LabelSelector, Peer, PortRange } from '../../src/policy';
import { thrown } from '../thrown';

describe('a broken intent', () => {
  test('fails Testing.synth with one line per intent: id, what broke, the fix', () => {
    const { chart, web, api, db, intents } = shop({ apiToDb: false });
    intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(api), PortRange.named('http'));
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db));

    expect(thrown(() => Testing.synth(chart))).toBe([
      'Validation failed with the following errors:',
      '  [shop/intents] NP-REACH[shop/api -> shop/db TCP/5432]: expected allowed, but denied: egress from shop/api is isolated by '
      + 'shop/default-deny-all, shop/allow-dns, and none of their rules admits shop/db; ingress to shop/db is isolated by '
      + 'shop/default-deny-all, and none of its rules admits shop/api. Allow it on both sides (AllowConnection writes both), '
      + 'or acknowledge this id with a reason.',
    ].join('\n'));
  });

  test('fails app.synth the same way, and nothing is written but the report', () => {
    const { app, api, db, intents } = shop({ apiToDb: false });
    intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    expect(() => app.synth()).toThrow(/^Validation failed with the following errors:\n {2}\[shop\/intents\] NP-REACH\[shop\/api -> shop\/db TCP\/5432\]: expected allowed, but denied: /);
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['reachability.html', 'reachability.json', 'reachability.md']);
  });

  test('names every denied connection when the intent covers several', () => {
    const { web, api, intents } = shop();
    // api declares http (allowed from web) and metrics (not).
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(api));
    const [result] = intents.results();
    expect(result.status).toBe(IntentStatus.BROKEN);
    expect(result.connections.map((c) => [c.port, c.allowed])).toEqual([['8080', true], ['9102', false]]);
    expect(result.message).toBe('expected denied, but 1 of 2 connections is allowed: shop/web -> shop/api TCP/8080: egress from shop/web is allowed by '
      + 'shop/allow-web-to-api-egress spec.egress[0], and ingress to shop/api is allowed by shop/allow-web-to-api spec.ingress[0]');
  });
});

describe('expectAllowed and expectDenied', () => {
  test('an intent that holds says why, with the connection it checked', () => {
    const { api, db, intents } = shop();
    const id = intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    expect(id).toBe('NP-REACH[shop/api -> shop/db TCP/5432]');
    expect(intents.results()).toEqual([{
      id,
      kind: IntentKind.ALLOWED,
      status: IntentStatus.OK,
      description: 'shop/api can reach shop/db on TCP/5432',
      message: 'allowed: egress from shop/api is allowed by shop/allow-api-to-db-egress spec.egress[0], and ingress to shop/db is allowed by shop/allow-api-to-db spec.ingress[0]',
      constructPath: 'shop/intents',
      acknowledgement: undefined,
      connections: [{
        source: 'shop/api',
        destination: 'shop/db',
        protocol: Protocol.TCP,
        port: '5432',
        allowed: true,
        explanation: 'allowed: egress from shop/api is allowed by shop/allow-api-to-db-egress spec.egress[0], and ingress to shop/db is allowed by shop/allow-api-to-db spec.ingress[0]',
      }],
    }]);
    expect(() => Testing.synth(Chart.of(intents))).not.toThrow();
  });

  test('without a port, every container port of the destination is checked', () => {
    const { web, api, intents } = shop();
    intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(api));
    const [result] = intents.results();
    expect(result.description).toBe('shop/web can reach shop/api on every container port of shop/api');
    expect(result.connections.map((c) => `${c.protocol}/${c.port} ${c.allowed}`)).toEqual(['TCP/8080 true', 'TCP/9102 false']);
    expect(result.message).toMatch(/^expected allowed, but 1 of 2 connections is denied: shop\/web -> shop\/api TCP\/9102: /);
  });

  test('a named port resolves on the destination; a destination without it cannot be checked', () => {
    const { web, api, db, intents } = shop();
    intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(api), PortRange.named('http'));
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db), PortRange.named('http'));
    const [ok, error] = intents.results();
    expect([ok.status, ok.connections[0].port]).toEqual([IntentStatus.OK, 'http']);
    expect(error.status).toBe(IntentStatus.ERROR);
    expect(thrown(() => Testing.synth(Chart.of(intents)))).toContain('[shop/intents] NP-INPUT[shop/web -> shop/db TCP/http]: shop/db has no TCP container port named "http"');
  });

  test('an address outside the cluster is an endpoint; it needs a port number', () => {
    const { api, intents } = shop();
    intents.expectDenied(Endpoint.workload(api), Endpoint.ip('203.0.113.7'), PortRange.HTTPS);
    expect(intents.results()[0]).toMatchObject({ status: IntentStatus.OK, message: expect.stringMatching(/^denied: egress from shop\/api is isolated/) });
    expect(thrown(() => intents.expectDenied(Endpoint.workload(api), Endpoint.ip('203.0.113.7'))))
      .toBe('NP-INPUT[shop/intents.expectDenied]: port: is required for the address 203.0.113.7, which has no container ports to default to');
    expect(thrown(() => intents.expectAllowed(Endpoint.workload(api), Endpoint.ip('203.0.113.7'), PortRange.named('https'))))
      .toBe('NP-INPUT[shop/intents.expectAllowed]: port: TCP/https is a named port, which resolves on a destination pod; the address 203.0.113.7 needs a port number');
  });

  test.each([
    ['a range', PortRange.tcpRange(8000, 8080), 'TCP/8000-8080'],
    ['every port', PortRange.allTcp(), 'TCP/all'],
  ])('%s is not one port', (_, port, text) => {
    const { web, api, intents } = shop();
    expect(thrown(() => intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(api), port))).toBe(`NP-INPUT[shop/intents.expectAllowed]: port: ${text} `
      + 'is not one port; an intent checks one port (PortRange.tcp(5432)) or a named port (PortRange.named(\'http\'))');
  });

  test('a workload to itself is no connection', () => {
    const { api, intents } = shop();
    intents.expectAllowed(Endpoint.workload(api), Endpoint.named('shop/api'), PortRange.HTTP_ALT);
    expect(intents.results()[0]).toMatchObject({
      status: IntentStatus.ERROR,
      message: 'shop/api and shop/api are the same workload: there is no connection to check',
    });
  });

  test('selections check every pair, leaving out a workload to itself', () => {
    const { intents } = shop();
    const everyone = Endpoint.selection(PolicyTarget.all().inNamespaceNamed('shop'));
    intents.expectDenied(everyone, everyone, PortRange.POSTGRES);
    const [result] = intents.results();
    expect(result.connections.map((c) => `${c.source} -> ${c.destination} ${c.allowed}`)).toEqual([
      'shop/api -> shop/web false', 'shop/db -> shop/web false',
      'shop/web -> shop/api false', 'shop/db -> shop/api false',
      'shop/web -> shop/db false', 'shop/api -> shop/db true',
    ]);
    expect(result.message).toMatch(/^expected denied, but 1 of 6 connections is allowed: shop\/api -> shop\/db TCP\/5432: /);
  });

  test('declaring an intent twice changes nothing; its opposite is refused', () => {
    const { api, db, intents } = shop();
    const first = intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    expect(intents.expectAllowed(Endpoint.named('shop/api'), Endpoint.named('shop/db'), PortRange.tcp(5432))).toBe(first);
    expect(intents.results()).toHaveLength(1);
    expect(thrown(() => intents.expectDenied(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES)))
      .toBe('NP-INPUT[shop/intents.expectDenied]: NP-REACH[shop/api -> shop/db TCP/5432]: is already expected allowed; an intent cannot be both');
  });
});

describe('expectOnlySources', () => {
  test('holds when no other workload of the app reaches the destination', () => {
    const { api, db, intents } = shop();
    const id = intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)], PortRange.POSTGRES);
    expect(id).toBe('NP-REACH-ONLY[shop/api -> shop/db TCP/5432]');
    expect(intents.results()[0]).toMatchObject({
      kind: IntentKind.ONLY_SOURCES,
      status: IntentStatus.OK,
      description: 'only shop/api can reach shop/db on TCP/5432',
      message: 'no other workload of the app reaches shop/db (1 checked)',
      connections: [],
    });
  });

  test('names each other workload that can reach it, and the rules that let it', () => {
    const { chart, web, api, db, intents } = shop();
    new AllowConnection(chart, 'web-to-db', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(db) });
    intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)]);
    expect(thrown(() => Testing.synth(chart))).toContain('[shop/intents] NP-REACH-ONLY[shop/api -> shop/db]: expected only shop/api to reach shop/db, '
      + 'but 1 other workload can: shop/web -> shop/db TCP/5432: egress from shop/web is allowed by shop/allow-web-to-db-egress spec.egress[0], '
      + 'and ingress to shop/db is allowed by shop/allow-web-to-db spec.ingress[0]. Narrow the rules that admit it, add it to the sources, '
      + 'or acknowledge this id with a reason.');
  });

  test('openWorld: holds when no pod the app lacks could reach it either, but one carrying the source\'s labels (a replica)', () => {
    const { chart, api, db, intents } = shop();
    const id = intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)], PortRange.POSTGRES, { openWorld: true });
    expect(id).toBe('NP-REACH-ONLY[shop/api -> shop/db TCP/5432 open-world]');
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(intents.results()[0]).toMatchObject({
      status: IntentStatus.OK,
      description: 'only shop/api can reach shop/db on TCP/5432, in any cluster with these policies',
      message: 'no other workload of the app reaches shop/db (1 checked), nor could any other pod or address',
    });
  });

  test('openWorld: says that ClusterNetworkPolicies are not applied to the open-world part, when the app has some', () => {
    const { chart, api, db, intents } = shop();
    new ClusterNetworkPolicy(chart, 'guard', { tier: ClusterPolicyTier.BASELINE, priority: 1, subject: ClusterPolicySubject.allNamespaces() });
    intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)], PortRange.POSTGRES, { openWorld: true });
    Testing.synth(chart);
    expect(intents.results()[0].message)
      .toBe('no other workload of the app reaches shop/db (1 checked), nor could any other pod or address (ClusterNetworkPolicies are not applied to the open-world part)');
  });

  test.each([
    ['a namespace selector, which a new namespace can meet', Peer.namespaces(LabelSelector.of({ labels: { team: 'shop' } })), 'any pod in a namespace labelled team=shop (allowed by shop/allow-db-from-more, ingress[0])'],
    ['an ipBlock, which outside addresses are in', Peer.ipBlock('203.0.113.0/24'), 'addresses in 203.0.113.0/24 (allowed by shop/allow-db-from-more, ingress[0])'],
  ])('openWorld: fails on %s, with an example, where the closed world holds', (_, peer, example) => {
    // The lints would flag the policy too (its namespace labels are unknown): this is about the intent.
    const { chart, api, db, intents } = shop({ intents: { lints: [] } });
    new AllowFrom(chart, 'db-from-more', { metadata: { name: 'allow-db-from-more' }, target: PolicyTarget.workload(db), sources: [peer] });
    intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)], PortRange.POSTGRES);
    const id = intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)], PortRange.POSTGRES, { openWorld: true });
    expect(thrown(() => Testing.synth(chart)).split('\n')).toEqual([
      'Validation failed with the following errors:',
      `  [shop/intents] ${id}: expected only shop/api to reach shop/db in any cluster with these policies, but 1 other kind of source could, e.g. ${example}. `
      + 'Narrow the rules that admit them (select the sources by labels only they carry, and namespaces by name), or acknowledge this id with a reason.',
    ]);
  });

  test('needs at least one source', () => {
    const { db, intents } = shop();
    expect(thrown(() => intents.expectOnlySources(Endpoint.workload(db), []))).toMatch(/^NP-INPUT\[shop\/intents.expectOnlySources\]: sources: is empty/);
  });
});

describe('expectIsolated', () => {
  test('holds when a policy of the namespace selects the workload for each direction', () => {
    const { db, intents } = shop();
    expect(intents.expectIsolated(Endpoint.workload(db), TrafficDirection.INGRESS)).toBe('NP-REACH-ISOLATED[shop/db Ingress]');
    expect(intents.expectIsolated(Endpoint.selection(PolicyTarget.all().inNamespaceNamed('shop')))).toBe('NP-REACH-ISOLATED[all pods in namespace(shop)]');
    const [one, all] = intents.results();
    expect(one).toMatchObject({ status: IntentStatus.OK, description: 'shop/db: isolated for Ingress' });
    expect(one.message).toMatch(/^ingress to shop\/db is isolated by shop\/default-deny-all, /);
    expect(all).toMatchObject({ status: IntentStatus.OK, message: 'each of the 3 workloads is isolated for Ingress and Egress' });
  });

  test('says which direction is open and how to close it', () => {
    const { app, intents } = shop();
    const open = new kplus.Deployment(new Chart(app, 'tools', { namespace: 'tools' }), 'debug', { metadata: { name: 'debug' }, containers: [{ image: 'busybox' }] });
    intents.expectIsolated(Endpoint.workload(open));
    expect(intents.results()[0].message).toBe('expected isolated for Ingress and Egress, but ingress to tools/debug is not isolated: '
      + 'no NetworkPolicy of namespace tools selects it for Ingress; egress from tools/debug is not isolated: no NetworkPolicy of namespace tools selects it for Egress');
    expect(thrown(() => app.synth())).toContain('Add a policy selecting it for that direction (DefaultDenyAll, DefaultDenyIngress or DefaultDenyEgress in its namespace)');
  });

  test('a hostNetwork workload cannot be isolated', () => {
    const { chart, intents } = shop();
    const agent = new kplus.DaemonSet(chart, 'agent', { metadata: { name: 'agent' }, hostNetwork: true, containers: [{ image: 'agent' }] });
    intents.expectIsolated(Endpoint.workload(agent), TrafficDirection.INGRESS);
    expect(intents.results()[0].message).toBe('expected isolated for Ingress, but ingress to shop/agent is not subject to NetworkPolicy (hostNetwork pod)');
  });

  test('a policy left out as invalid is named where it would have isolated', () => {
    const { app, intents } = shop();
    const tools = new Chart(app, 'tools', { namespace: 'tools' });
    const debug = new kplus.Deployment(tools, 'debug', { metadata: { name: 'debug' }, containers: [{ image: 'busybox' }] });
    new ApiObject(tools, 'deny', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny', namespace: 'tools' },
      spec: { podSelector: {}, policyTypes: ['ingress'] },
    });
    intents.expectIsolated(Endpoint.workload(debug), TrafficDirection.INGRESS);
    expect(intents.results()[0].message).toBe('expected isolated for Ingress, but ingress to tools/debug is not isolated: no NetworkPolicy of namespace tools '
      + 'selects it for Ingress (tools/deny not evaluated: see the model findings)');
  });

  test('a direction must be a TrafficDirection', () => {
    const { db, intents } = shop();
    expect(thrown(() => intents.expectIsolated(Endpoint.workload(db), 'Inbound' as TrafficDirection)))
      .toBe('NP-INPUT[shop/intents.expectIsolated]: direction: "Inbound" is not a TrafficDirection (use TrafficDirection.INGRESS or EGRESS)');
  });

  test('an address cannot be isolated', () => {
    const { intents } = shop();
    expect(thrown(() => intents.expectIsolated(Endpoint.ip('10.0.0.1')))).toBe('NP-INPUT[shop/intents.expectIsolated]: workload: 10.0.0.1 is an address; only pods can be isolated');
  });
});

describe('acknowledge', () => {
  test('turns a broken intent into an acknowledged one: synthesis goes on, the reason is kept', () => {
    const { chart, api, db, intents } = shop({ apiToDb: false });
    const id = intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    intents.acknowledge(id, '  the database moves to its own namespace in May (DATA-7)  ');
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(intents.results()[0]).toMatchObject({
      status: IntentStatus.ACKNOWLEDGED,
      acknowledgement: 'the database moves to its own namespace in May (DATA-7)',
      message: expect.stringMatching(/^expected allowed, but denied: /),
    });
  });

  test('an acknowledged intent that holds stays ok and keeps its acknowledgement', () => {
    const { api, db, intents } = shop();
    intents.acknowledge(intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES), 'kept from before the fix');
    expect(intents.results()[0]).toMatchObject({ status: IntentStatus.OK, acknowledgement: 'kept from before the fix' });
  });

  test('an acknowledgement without intents says there are none', () => {
    const { intents } = shop();
    intents.acknowledge('NP-REACH[shop/api -> shop/db TCP/5432]', 'declared in another construct');
    expect(thrown(() => Testing.synth(Chart.of(intents)))).toContain('NP-INPUT[acknowledge]: "NP-REACH[shop/api -> shop/db TCP/5432]" is not the id '
      + 'of an intent of this construct (none are declared); copy the id from the error or the report');
  });

  test('needs a reason of at least 10 characters and an id', () => {
    const { intents } = shop();
    expect(thrown(() => intents.acknowledge('NP-REACH[a -> b]', ' too short '))).toBe('NP-INPUT[shop/intents.acknowledge]: reason: " too short " is too short; '
      + 'say why in at least 10 characters (a ticket, a date, a decision)');
    expect(thrown(() => intents.acknowledge(' ', 'a long enough reason'))).toMatch(/^NP-INPUT\[shop\/intents.acknowledge\]: id: is empty/);
  });

  test('an id that matches no intent fails synthesis, so acknowledgements do not outlive their intent', () => {
    const { chart, api, db, intents } = shop();
    intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    intents.acknowledge('NP-REACH[shop/api -> shop/db TCP/5433]', 'a typo in the port number');
    expect(thrown(() => Testing.synth(chart))).toContain('[shop/intents] NP-INPUT[acknowledge]: "NP-REACH[shop/api -> shop/db TCP/5433]" is not the id of an intent '
      + 'of this construct (they are: NP-REACH[shop/api -> shop/db TCP/5432]); copy the id from the error or the report');
  });
});

describe('the checked manifests', () => {
  test('are the rendered objects: raw ApiObjects count, and an invalid one fails synthesis once', () => {
    const { chart, web, db, intents } = shop();
    new ApiObject(chart, 'raw', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'raw', namespace: 'shop' },
      spec: { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] },
    });
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db));
    new ReachabilityIntents(chart, 'more').expectDenied(Endpoint.workload(db), Endpoint.workload(web), PortRange.HTTP_ALT);
    const message = thrown(() => Testing.synth(chart));
    expect(message).toBe([
      'Validation failed with the following errors:',
      '  [shop/intents] NP-VAL[shop/raw]: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive '
      + '(shop/raw, rule NP-VAL-PORT); the reachability analysis leaves this object out until it is fixed',
    ].join('\n'));
  });

  test('a raw ClusterNetworkPolicy the API server would refuse fails synthesis once, with its field path', () => {
    const { chart, web, db, intents } = shop();
    new ApiObject(chart, 'guard', {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'guard' },
      spec: { tier: 'Admin', priority: 1001, subject: { namespaces: {} } },
    });
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db));
    expect(thrown(() => Testing.synth(chart))).toBe([
      'Validation failed with the following errors:',
      '  [shop/intents] NP-VAL[ClusterNetworkPolicy/guard]: spec.priority: Invalid value: 1001: spec.priority in body should be less than or equal '
      + 'to 1000 (shop/guard, rule NP-VAL-CNP-BOUNDS); the reachability analysis leaves this object out until it is fixed',
    ].join('\n'));
  });

  test('a ClusterNetworkPolicy of this library reports its own errors, and only once', () => {
    const { chart, intents } = shop();
    const guard = new ClusterNetworkPolicy(chart, 'guard', { tier: ClusterPolicyTier.ADMIN, priority: 1, subject: ClusterPolicySubject.allNamespaces() });
    guard.apiObject.addJsonPatch(JsonPatch.replace('/spec/priority', 1001));
    intents.expectIsolated(Endpoint.named('shop/web'));
    const message = thrown(() => Testing.synth(chart));
    expect(message.match(/NP-VAL\[/g)).toHaveLength(1);
    expect(message).toContain('[shop/guard] NP-VAL[guard]: spec.priority: Invalid value: 1001');
  });

  test('a policy of this library reports its own errors, and only once', () => {
    const { chart, intents } = shop();
    const connection = chart.node.findChild('web-to-api') as AllowConnection;
    connection.ingress.policy.apiObject.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/port', 0));
    intents.expectIsolated(Endpoint.named('shop/web'));
    const message = thrown(() => Testing.synth(chart));
    expect(message.match(/spec\.ingress\[0\]\.ports\[0\]\.port/g)).toHaveLength(1);
    expect(message).toContain('[shop/web-to-api/Ingress/Policy] NP-VAL[shop/allow-web-to-api]');
  });

  test('are rendered again when the app changed, even without new constructs', () => {
    const { chart, web, db, intents } = shop();
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(db), PortRange.POSTGRES);
    expect(() => Testing.synth(chart)).not.toThrow();
    const connections = ['web-to-api', 'api-to-db'].map((id) => chart.node.findChild(id) as AllowConnection);
    connections[0].egress.policy.addEgressRule([Peer.workload(db)], [PortRange.POSTGRES]);
    connections[1].ingress.policy.addIngressRule([Peer.workload(web)], [PortRange.POSTGRES]);
    expect(thrown(() => Testing.synth(chart))).toContain('NP-REACH[shop/web -> shop/db TCP/5432]: expected denied, but allowed: ');
  });

  test('build one model per app.synth, shared by every intents construct', () => {
    const { app, chart, api, db, intents } = shop();
    new Chart(app, 'other', { namespace: 'other' });
    intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
    new ReachabilityIntents(chart, 'more').expectDenied(Endpoint.workload(db), Endpoint.workload(api), PortRange.HTTP_ALT);
    const models = jest.spyOn(ClusterModel, 'fromManifests');
    app.synth();
    expect(models).toHaveBeenCalledTimes(1);
    models.mockRestore();
  });
});

test('results() checks the app as it renders now, before any synthesis', () => {
  const { web, intents } = shop();
  intents.expectDenied(Endpoint.workload(web), Endpoint.named('shop/db'), PortRange.POSTGRES);
  intents.expectAllowed(Endpoint.named('shop/wbe'), Endpoint.named('shop/api'), PortRange.named('http'));
  const [denied, unknown] = intents.results();
  expect(denied.status).toBe(IntentStatus.OK);
  expect(unknown).toMatchObject({ status: IntentStatus.ERROR, message: 'unknown workload "shop/wbe"; close matches: shop/web, shop/db' });
});

describe('ClusterNetworkPolicies in the app', () => {
  // An Admin Deny of web -> api, as a raw object: the shop's own AllowConnection cannot open it.
  const guard = (chart: Chart, api: kplus.Deployment) => new ApiObject(chart, 'guard', {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'guard' },
    spec: {
      tier: 'Admin',
      priority: 10,
      subject: { pods: { podSelector: { matchLabels: api.matchLabels } } },
      ingress: [{ name: 'no web', action: 'Deny', from: [{ namespaces: {} }] }],
    },
  });

  test('a raw Admin Deny breaks an intent the namespace\'s policies would keep, and the message names its rule', () => {
    const { chart, web, api, intents } = shop();
    guard(chart, api);
    intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(api), PortRange.named('http'));
    const [result] = intents.results();
    expect(result.status).toBe(IntentStatus.BROKEN);
    expect(result.message).toContain('ingress to shop/api is denied by ClusterNetworkPolicy guard rule "no web" (Admin, priority 10, ingress[0])');
  });
});
