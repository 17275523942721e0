import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { policies, onlyPolicy, synthError } from './synth';
import { NetworkPolicy, PolicyTarget } from '../../src/constructs';
import { TrafficDirection } from '../../src/k8s';
import { LabelSelector, Peer, PortRange } from '../../src/policy';
import { thrown } from '../thrown';

const frontend = Peer.pods(LabelSelector.of({ labels: { role: 'frontend' } }));
const db = PolicyTarget.labels({ role: 'db' });

describe('rendering', () => {
  test('rules in both directions, policyTypes derived from them', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'test-network-policy', { target: db, metadata: { namespace: 'default' } });
    policy.addIngressRule([Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']), Peer.namespaces(LabelSelector.of({ labels: { project: 'myproject' } })), frontend],
      [PortRange.REDIS]);
    policy.addEgressRule([Peer.ipv4('10.0.0.0/24')], [PortRange.tcp(5978)]);
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test.each([
    ['ingress only', (p: NetworkPolicy) => p.addIngressRule([frontend]), ['Ingress']],
    ['egress only', (p: NetworkPolicy) => p.addEgressRule([frontend]), ['Egress']],
    ['egress then ingress', (p: NetworkPolicy) => {
      p.addEgressRule([frontend]);
      p.addIngressRule([frontend]);
    }, ['Ingress', 'Egress']],
  ])('policyTypes of a policy with %s rules', (_name, add, policyTypes) => {
    const chart = Testing.chart();
    add(new NetworkPolicy(chart, 'p', { target: db }));
    expect(onlyPolicy(chart).spec.policyTypes).toEqual(policyTypes);
  });

  test('a rule without ports admits every port: no ports field', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', { target: db }).addIngressRule([frontend]);
    expect(onlyPolicy(chart).spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }]);
  });

  test.each([
    ['ingress from anywhere, every port', (p: NetworkPolicy) => p.addIngressRuleFromAnywhere(), { ingress: [{}], policyTypes: ['Ingress'] }],
    ['ingress from anywhere on HTTPS', (p: NetworkPolicy) => p.addIngressRuleFromAnywhere([PortRange.HTTPS]),
      { ingress: [{ ports: [{ protocol: 'TCP', port: 443 }] }], policyTypes: ['Ingress'] }],
    ['egress to anywhere, every port', (p: NetworkPolicy) => p.addEgressRuleToAnywhere(), { egress: [{}], policyTypes: ['Egress'] }],
    ['egress to anywhere on DNS', (p: NetworkPolicy) => p.addEgressRuleToAnywhere([PortRange.DNS_UDP, PortRange.DNS_TCP]),
      { egress: [{ ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }], policyTypes: ['Egress'] }],
  ])('%s', (_name, add, spec) => {
    const chart = Testing.chart();
    add(new NetworkPolicy(chart, 'p', { target: PolicyTarget.all() }));
    expect(onlyPolicy(chart).spec).toEqual({ podSelector: {}, ...spec });
  });

  test('rules added after the first synth appear in the next one', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db });
    policy.addIngressRule([frontend]);
    Testing.synth(chart);
    policy.addEgressRule([Peer.anyIpv4()], [PortRange.HTTPS]);
    expect(onlyPolicy(chart).spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  test('the object is a networking.k8s.io/v1 NetworkPolicy, reachable as apiObject', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db, metadata: { labels: { team: 'a' }, annotations: { note: 'x' } } });
    policy.addIngressRule([frontend]);
    expect(ApiObject.of(policy)).toBe(policy.apiObject);
    expect(onlyPolicy(chart)).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p', labels: { team: 'a' }, annotations: { note: 'x' } },
    });
  });
});

describe('isolation is explicit', () => {
  test('policyTypes without rules isolates and allows nothing', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'quarantine', { target: PolicyTarget.labels({ quarantine: 'true' }), policyTypes: [TrafficDirection.EGRESS, TrafficDirection.INGRESS] });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('policyTypes are written in Kubernetes order, each once', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', { target: db, policyTypes: [TrafficDirection.EGRESS, TrafficDirection.INGRESS, TrafficDirection.EGRESS] });
    expect(onlyPolicy(chart).spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  test('explicit policyTypes keep a direction isolated beside rules for the other', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db, policyTypes: [TrafficDirection.INGRESS, TrafficDirection.EGRESS] });
    policy.addIngressRule([frontend], [PortRange.REDIS]);
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: { matchLabels: { role: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 6379 }] }],
    });
  });

  test('a policy with neither rules nor policyTypes fails synthesis instead of isolating ingress', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'web', { target: PolicyTarget.labels({ app: 'web' }) });
    expect(synthError(chart)).toBe('Validation failed with the following errors:\n  [test/web] NP-INPUT[web]: spec: the policy has no rules and no '
      + 'policyTypes, so Kubernetes would isolate ingress of pods(app=web) and allow nothing; add rules, or say so with policyTypes: '
      + '[TrafficDirection.INGRESS] (or use DefaultDenyIngress)');
  });

  test.each([
    ['an ingress rule on an egress-only policy', [TrafficDirection.EGRESS], (p: NetworkPolicy) => p.addIngressRule([frontend]),
      'NP-INPUT[test/p.addIngressRule]: policyTypes is [Egress], so ingress rules would have no effect; add TrafficDirection.INGRESS to policyTypes'],
    ['an egress rule on an ingress-only policy', [TrafficDirection.INGRESS], (p: NetworkPolicy) => p.addEgressRuleToAnywhere(),
      'NP-INPUT[test/p.addEgressRuleToAnywhere]: policyTypes is [Ingress], so egress rules would have no effect; add TrafficDirection.EGRESS to policyTypes'],
  ])('%s is an error', (_name, policyTypes, add, message) => {
    const policy = new NetworkPolicy(Testing.chart(), 'p', { target: db, policyTypes });
    expect(thrown(() => add(policy))).toBe(message);
  });
});

describe('idempotent rules', () => {
  test('the same rule twice is one rule, and does not throw', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db });
    policy.addIngressRule([frontend], [PortRange.REDIS]);
    policy.addIngressRule([frontend], [PortRange.REDIS]);
    expect(onlyPolicy(chart).spec.ingress).toHaveLength(1);
  });

  test('peers and ports in another order, repeated, written differently: still one rule', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db });
    policy.addEgressRule([Peer.anyIpv4(), frontend], [PortRange.HTTP, PortRange.HTTPS]);
    policy.addEgressRule([frontend, Peer.ipv4('0.0.0.0/0'), frontend], [PortRange.tcp(443), PortRange.HTTP, PortRange.HTTP]);
    expect(onlyPolicy(chart).spec.egress).toEqual([{
      to: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { podSelector: { matchLabels: { role: 'frontend' } } }],
      ports: [{ protocol: 'TCP', port: 80 }, { protocol: 'TCP', port: 443 }],
    }]);
  });

  test('rules from anywhere are idempotent too', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db });
    policy.addIngressRuleFromAnywhere();
    policy.addIngressRuleFromAnywhere();
    policy.addIngressRuleFromAnywhere([PortRange.HTTP]);
    policy.addIngressRuleFromAnywhere([PortRange.HTTP]);
    expect(onlyPolicy(chart).spec.ingress).toEqual([{}, { ports: [{ protocol: 'TCP', port: 80 }] }]);
  });

  test.each([
    ['other ports', () => [[frontend], [PortRange.HTTP]], () => [[frontend], [PortRange.HTTPS]]],
    ['ports vs every port', () => [[frontend], [PortRange.HTTP]], () => [[frontend], undefined]],
    ['other peers', () => [[frontend], undefined], () => [[Peer.anyIpv4()], undefined]],
  ] as Array<[string, () => [Peer[], PortRange[] | undefined], () => [Peer[], PortRange[] | undefined]]>)('different rules stay apart: %s', (_name, a, b) => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db });
    policy.addIngressRule(...a());
    policy.addIngressRule(...b());
    expect(onlyPolicy(chart).spec.ingress).toHaveLength(2);
  });
});

describe('input errors name the construct and the field', () => {
  test.each([
    ['no sources', (p: NetworkPolicy) => p.addIngressRule([]),
      'NP-INPUT[test/p.addIngressRule]: sources: is empty, which Kubernetes reads as every peer; list the peers, or call addIngressRuleFromAnywhere() if every peer is meant'],
    ['no destinations', (p: NetworkPolicy) => p.addEgressRule([], [PortRange.HTTP]),
      'NP-INPUT[test/p.addEgressRule]: destinations: is empty, which Kubernetes reads as every peer; list the peers, or call addEgressRuleToAnywhere() if every peer is meant'],
    ['no ports', (p: NetworkPolicy) => p.addIngressRule([frontend], []),
      'NP-INPUT[test/p.addIngressRule]: ports: is empty, which Kubernetes reads as every port; list the ports, or leave ports out if every port is meant'],
    ['no ports, from anywhere', (p: NetworkPolicy) => p.addIngressRuleFromAnywhere([]),
      'NP-INPUT[test/p.addIngressRuleFromAnywhere]: ports: is empty, which Kubernetes reads as every port; list the ports, or leave ports out if every port is meant'],
  ])('%s', (_name, add, message) => {
    const policy = new NetworkPolicy(Testing.chart(), 'p', { target: db });
    expect(thrown(() => add(policy))).toBe(message);
  });

  test.each([
    ['an invalid name', { metadata: { name: 'Db_Policy' } }, 'NP-INPUT[test/p]: metadata.name "Db_Policy": a lowercase RFC 1123 subdomain must consist of'],
    ['empty policyTypes', { policyTypes: [] }, 'NP-INPUT[test/p]: policyTypes: is empty; leave it out to derive it from the rules, or list the directions to isolate'],
    ['an unknown policy type', { policyTypes: ['ingress' as TrafficDirection] },
      'NP-INPUT[test/p]: policyTypes: "ingress" is not a TrafficDirection (use TrafficDirection.INGRESS or TrafficDirection.EGRESS)'],
    ['a namespace other than the target\'s', { metadata: { namespace: 'a' }, target: db.inNamespaceNamed('b') },
      'NP-INPUT[test/p]: metadata.namespace "a": target pods(role=db) in namespace(b) is in namespace "b", and a policy selects pods only in its own namespace; '
      + 'leave metadata.namespace out or make them agree'],
  ])('%s', (_name, props, start) => {
    expect(thrown(() => new NetworkPolicy(Testing.chart(), 'p', { target: db, ...props })).slice(0, start.length)).toBe(start);
  });
});

describe('names', () => {
  test.each([
    ['test-network-policy', 'test-network-policy'],
    ['DbPolicy', 'db-policy'],
    ['allow_API.v2', 'allow-api-v2'],
    ['_', 'network-policy'],
    ['x'.repeat(70), `${'x'.repeat(54)}-c71bd109`],
  ])('id %j gives name %j', (id, name) => {
    const policy = new NetworkPolicy(Testing.chart(), id, { target: db, policyTypes: [TrafficDirection.INGRESS] });
    expect(policy.name).toBe(name);
    expect(policy.apiObject.name).toBe(name);
  });

  test('metadata.name overrides the derived name', () => {
    const policy = new NetworkPolicy(Testing.chart(), 'p', { target: db, metadata: { name: 'mine' } });
    expect(policy.name).toBe('mine');
  });

  test('two policies with one name in one namespace fail synthesis, naming both', () => {
    const app = Testing.app();
    const one = new Chart(app, 'one', { namespace: 'prod' });
    const two = new Chart(app, 'two', { namespace: 'prod' });
    new NetworkPolicy(one, 'p', { target: db, policyTypes: [TrafficDirection.INGRESS] });
    new NetworkPolicy(two, 'p', { target: db, policyTypes: [TrafficDirection.INGRESS] });
    expect(synthError(one)).toBe('Validation failed with the following errors:\n  [two/p] NP-INPUT[prod/p]: metadata.name: "p" is also the name of one/p/Resource '
      + 'in namespace "prod"; NetworkPolicy names must be unique per namespace, so set metadata.name on one of them');
  });

  test('without a namespace the clash is reported too', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', { target: db, policyTypes: [TrafficDirection.INGRESS] });
    new NetworkPolicy(chart, 'q', { target: db, policyTypes: [TrafficDirection.INGRESS], metadata: { name: 'p' } });
    expect(synthError(chart)).toContain('[test/q] NP-INPUT[p]: metadata.name: "p" is also the name of test/p/Resource without a namespace;');
  });

  test('a clash with a cdk8s-plus-27 NetworkPolicy is found', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'prod' });
    new kplus.NetworkPolicy(chart, 'theirs', { metadata: { name: 'deny' }, ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY } });
    new NetworkPolicy(chart, 'deny', { target: PolicyTarget.all(), policyTypes: [TrafficDirection.INGRESS] });
    expect(synthError(chart)).toContain('[c/deny] NP-INPUT[prod/deny]: metadata.name: "deny" is also the name of c/theirs/Resource in namespace "prod"');
  });

  test.each([
    ['other namespaces', 'a', 'b'],
    ['a namespace and none', 'a', undefined],
  ])('one name in %s is fine', (_name, first, second) => {
    const app = Testing.app();
    const one = new Chart(app, 'one', { namespace: first });
    new NetworkPolicy(one, 'p', { target: db, policyTypes: [TrafficDirection.INGRESS] });
    new NetworkPolicy(new Chart(app, 'two', { namespace: second }), 'p', { target: db, policyTypes: [TrafficDirection.INGRESS] });
    expect(() => Testing.synth(one)).not.toThrow();
  });

  test('other kinds with the same name do not clash', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'p' } });
    new ApiObject(chart, 'calico', { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'p' } });
    new NetworkPolicy(chart, 'p', { target: db, policyTypes: [TrafficDirection.INGRESS] });
    expect(policies(chart)).toHaveLength(2);
  });
});

describe('namespaces', () => {
  test.each([
    ['the chart\'s', { namespace: 'chart' }, {}, 'chart'],
    ['metadata.namespace over the chart\'s', { namespace: 'chart' }, { metadata: { namespace: 'meta' } }, 'meta'],
    ['the target\'s over the chart\'s', { namespace: 'chart' }, { target: db.inNamespaceNamed('pinned') }, 'pinned'],
    ['none', {}, {}, undefined],
  ])('%s', (_name, chartProps, props, namespace) => {
    const chart = new Chart(Testing.app(), 'c', chartProps);
    const policy = new NetworkPolicy(chart, 'p', { target: db, policyTypes: [TrafficDirection.INGRESS], ...props });
    expect(policy.namespaceName).toBe(namespace);
    expect(onlyPolicy(chart).metadata.namespace).toBe(namespace);
  });

  test('a workload target places the policy in the workload\'s namespace', () => {
    const app = Testing.app();
    const api = new kplus.Deployment(new Chart(app, 'apps', { namespace: 'shop' }), 'api', { containers: [{ image: 'api' }] });
    const policy = new NetworkPolicy(new Chart(app, 'policies'), 'p', { target: PolicyTarget.workload(api), policyTypes: [TrafficDirection.INGRESS] });
    expect(policy.namespaceName).toBe('shop');
  });

  test('a workload target without a namespace cannot go in a namespaced policy', () => {
    const app = Testing.app();
    const api = new kplus.Deployment(new Chart(app, 'apps'), 'api', { containers: [{ image: 'api' }] });
    expect(thrown(() => new NetworkPolicy(new Chart(app, 'policies', { namespace: 'shop' }), 'p', { target: PolicyTarget.workload(api) })))
      .toBe('NP-INPUT[policies/p]: target: Deployment(apps/api) has no namespace (neither its own nor its chart\'s), so its pods may not run in "shop" '
        + 'where the policy goes; give the workload or its chart a namespace');
  });

  test('a workload peer without a namespace cannot be found from a namespaced policy', () => {
    const app = Testing.app();
    const api = new kplus.Deployment(new Chart(app, 'apps'), 'api', { containers: [{ image: 'api' }] });
    const chart = new Chart(app, 'policies', { namespace: 'shop' });
    new NetworkPolicy(chart, 'p', { target: db }).addIngressRule([Peer.workload(api)]);
    expect(synthError(chart)).toBe('Validation failed with the following errors:\n  [policies/p] NP-INPUT[shop/p]: spec.ingress: Deployment(apps/api) has no '
      + 'namespace (neither its own nor its chart\'s), so the rule would look for its pods in "shop"; give the workload or its chart a namespace');
  });

  test('a workload peer without a namespace is fine from a policy without one', () => {
    const chart = Testing.chart();
    const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api' }] });
    new NetworkPolicy(chart, 'p', { target: db }).addIngressRule([Peer.workload(api)]);
    expect(onlyPolicy(chart).spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { 'cdk8s.io/metadata.addr': api.podMetadata.getLabel('cdk8s.io/metadata.addr') } } }] }]);
  });
});

describe('every synth validates the emitted manifest', () => {
  test('a patch that breaks the policy fails synthesis with the API server\'s message', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db });
    policy.addIngressRule([frontend], [PortRange.REDIS]);
    policy.apiObject.addJsonPatch(JsonPatch.replace('/spec/ingress/0/ports/0/port', 0));
    expect(synthError(chart)).toBe('Validation failed with the following errors:\n  [test/p] NP-VAL[p]: spec.ingress[0].ports[0].port: '
      + 'Invalid value: 0: must be between 1 and 65535, inclusive');
  });

  test('a valid patch passes', () => {
    const chart = Testing.chart();
    const policy = new NetworkPolicy(chart, 'p', { target: db });
    policy.addIngressRule([frontend], [PortRange.REDIS]);
    policy.apiObject.addJsonPatch(JsonPatch.add('/spec/ingress/0/ports/0/endPort', 6380));
    expect(onlyPolicy(chart).spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 6379, endPort: 6380 }]);
  });
});

describe('a workload whose pods cannot be read fails synthesis, naming it', () => {
  const labelless = (chart: Chart) => new ApiObject(chart, 'batch', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch' }, spec: { template: { spec: {} } } });
  const message = 'NP-INPUT[Job(test/batch)]: spec.template.metadata.labels: is empty, so no selector can pick the pods of this Job '
    + 'without picking every pod of its namespace; add labels to its pod template';

  test('as the target', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', { target: PolicyTarget.workload(labelless(chart)) }).addIngressRule([frontend]);
    expect(synthError(chart)).toBe(`Validation failed with the following errors:\n  [test/p] ${message}`);
  });

  test('as a peer', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', { target: db }).addIngressRule([Peer.workload(labelless(chart))]);
    expect(synthError(chart)).toBe(`Validation failed with the following errors:\n  [test/p] ${message}`);
  });
});
