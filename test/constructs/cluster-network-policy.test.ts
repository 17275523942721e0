import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { synthError } from './synth';
import { ClusterNetworkPolicy, ClusterPolicyRule } from '../../src/constructs';
import { ClusterPolicyAction, ClusterPolicyTier } from '../../src/k8s';
import { ClusterPolicyPeer, ClusterPolicyPort, ClusterPolicySubject, LabelSelector } from '../../src/policy';
import { ClusterNetworkPolicyChannel, ClusterNetworkPolicyValidator, FindingSeverity } from '../../src/validation';
import { runs } from '../property-runs';
import { thrown } from '../thrown';

const ADMIN = ClusterPolicyTier.ADMIN;
const { ACCEPT, DENY, PASS } = ClusterPolicyAction;
const EXPERIMENTAL = ClusterNetworkPolicyChannel.EXPERIMENTAL;
const payments = ClusterPolicySubject.namespaceNamed('payments');

function cnps(chart: Chart): any[] {
  return Testing.synth(chart).filter((o: any) => o.kind === 'ClusterNetworkPolicy');
}

describe('rendering', () => {
  test('rules in order, in both directions, with names and ports', () => {
    const chart = Testing.chart();
    const policy = new ClusterNetworkPolicy(chart, 'PaymentsGuardrail', {
      tier: ADMIN,
      priority: 10,
      subject: payments,
      ingress: [{ name: 'same namespace', action: PASS, peers: [ClusterPolicyPeer.namespaceNamed('payments')] }],
    });
    const everyPod = [ClusterPolicyPeer.allNamespaces()];
    policy.addIngressRule({ action: DENY, peers: everyPod, ports: [ClusterPolicyPort.allTcp(), ClusterPolicyPort.udp(53)] });
    policy.addEgressRule({ action: ACCEPT, peers: [ClusterPolicyPeer.KUBE_DNS], ports: [ClusterPolicyPort.DNS_UDP] });
    policy.addEgressRule({ action: DENY, peers: [ClusterPolicyPeer.networks(['169.254.169.254/32'])] });
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(policy.name).toBe('payments-guardrail');
  });

  test('a cluster-scoped object: the chart\'s namespace is not applied', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    new ClusterNetworkPolicy(chart, 'p', { tier: ADMIN, priority: 1, subject: payments });
    expect(cnps(chart)[0].metadata).toEqual({ name: 'p' });
  });

  test('labels can be added after construction', () => {
    const chart = Testing.chart();
    new ClusterNetworkPolicy(chart, 'p', { tier: ADMIN, priority: 1, subject: payments }).metadata.addLabel('team', 'platform');
    expect(cnps(chart)[0].metadata).toEqual({ name: 'p', labels: { team: 'platform' } });
  });

  test('a policy without rules renders without ingress and egress', () => {
    const chart = Testing.chart();
    new ClusterNetworkPolicy(chart, 'p', { tier: ClusterPolicyTier.BASELINE, priority: 0, subject: ClusterPolicySubject.allNamespaces() });
    expect(cnps(chart)[0].spec).toEqual({ tier: 'Baseline', priority: 0, subject: { namespaces: {} } });
  });

  test('experimental peers in the experimental channel', () => {
    const chart = Testing.chart();
    new ClusterNetworkPolicy(chart, 'p', {
      tier: ADMIN,
      priority: 1,
      subject: payments,
      channel: EXPERIMENTAL,
      egress: [
        { action: ACCEPT, peers: [ClusterPolicyPeer.domainNames(['api.example.com'])] },
        { action: DENY, peers: [ClusterPolicyPeer.allNodes()] },
      ],
    });
    expect(cnps(chart)[0].spec.egress).toEqual([
      { action: 'Accept', to: [{ domainNames: ['api.example.com'] }] },
      { action: 'Deny', to: [{ nodes: {} }] },
    ]);
  });
});

describe('refused at construction, as the API server would', () => {
  const build = (props: Partial<ConstructorParameters<typeof ClusterNetworkPolicy>[2]>, rule?: ClusterPolicyRule, egress = false) => thrown(() => {
    const policy = new ClusterNetworkPolicy(Testing.chart(), 'p', { tier: ADMIN, priority: 1, subject: payments, ...props });
    if (rule) egress ? policy.addEgressRule(rule) : policy.addIngressRule(rule);
  });

  test.each([
    [{ priority: 1001 }, 'priority: 1001 must be an integer from 0 to 1000'],
    [{ priority: 1.5 }, 'priority: 1.5 must be an integer'],
    [{ tier: 'admin' as ClusterPolicyTier }, 'tier: "admin" is not a ClusterPolicyTier'],
    [{ metadata: { namespace: 'x' } }, 'metadata.namespace: a ClusterNetworkPolicy is cluster-scoped'],
    [{ metadata: { name: 'Bad_Name' } }, 'metadata.name "Bad_Name"'],
    [{ channel: 'beta' as ClusterNetworkPolicyChannel }, 'channel: "beta" is not a ClusterNetworkPolicyChannel'],
  ])('props %j', (props, message) => {
    expect(build(props)).toContain(message);
  });

  const ns = ClusterPolicyPeer.allNamespaces();
  test.each([
    [{ action: DENY, peers: [] }, false, 'peers: has 0 entries'],
    [{ action: DENY, peers: Array(26).fill(ns) }, false, 'peers: has 26 entries'],
    [{ action: DENY, peers: [ns], ports: [] }, false, 'ports: has 0 entries; give 1 to 25, or leave ports out'],
    [{ action: 'Allow' as ClusterPolicyAction, peers: [ns] }, false, 'action: "Allow" is not a ClusterPolicyAction'],
    [{ action: DENY, peers: [ns], name: 'n'.repeat(101) }, false, 'is longer than 100 characters'],
    [{ action: DENY, peers: [ClusterPolicyPeer.networks(['10.0.0.0/8'])] }, false, 'networks(10.0.0.0/8) cannot be a source'],
    [{ action: DENY, peers: [ClusterPolicyPeer.allNodes()] }, true, 'all nodes exists only in the CRD\'s experimental channel'],
    [{ action: DENY, peers: [ClusterPolicyPeer.networks(['10.0.0.0/8'])], ports: [ClusterPolicyPort.named('http')] }, true,
      'named(http) cannot be used with networks(10.0.0.0/8): addresses carry no port names'],
  ])('rule %#', (rule, egress, message) => {
    expect(build({}, rule as ClusterPolicyRule, egress)).toContain(message);
  });

  test('domain names only in Admin Accept rules', () => {
    const names = ClusterPolicyPeer.domainNames(['example.com']);
    expect(build({ channel: EXPERIMENTAL }, { action: DENY, peers: [names] }, true)).toContain('domain names are for Accept rules of the Admin tier only');
    expect(build({ channel: EXPERIMENTAL, tier: ClusterPolicyTier.BASELINE }, { action: ACCEPT, peers: [names] }, true)).toContain('of the Baseline tier');
  });

  test('at most 25 rules per direction', () => {
    const policy = new ClusterNetworkPolicy(Testing.chart(), 'p', { tier: ADMIN, priority: 1, subject: payments });
    for (let i = 0; i < 25; i++) policy.addEgressRule({ action: DENY, peers: [ns] });
    expect(thrown(() => policy.addEgressRule({ action: DENY, peers: [ns] }))).toContain('already has 25 egress rules');
  });
});

describe('checked on synth', () => {
  test('a patch the API server would refuse fails synthesis with its field path', () => {
    const chart = Testing.chart();
    const policy = new ClusterNetworkPolicy(chart, 'p', { tier: ADMIN, priority: 1, subject: payments });
    policy.apiObject.addJsonPatch(JsonPatch.replace('/spec/priority', 5000));
    expect(synthError(chart)).toContain('NP-VAL[p]: spec.priority: Invalid value: 5000: spec.priority in body should be less than or equal to 1000');
  });

  test('names are unique among the app\'s ClusterNetworkPolicies, raw ones included', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'raw', { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'p' } });
    new ClusterNetworkPolicy(chart, 'p', { tier: ADMIN, priority: 1, subject: payments });
    expect(synthError(chart)).toContain('NP-INPUT[p]: metadata.name: "p" is also the name of');
  });

  test('a NetworkPolicy of the same name is no clash', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'np', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'x' }, spec: { podSelector: {} } });
    new ClusterNetworkPolicy(chart, 'p', { tier: ADMIN, priority: 1, subject: payments });
    expect(() => Testing.synth(chart)).not.toThrow();
  });
});

test('property: whatever the factories and rules build, the API server accepts it', () => {
  const selector = fc.constantFrom(LabelSelector.all(), LabelSelector.of({ labels: { app: 'a' } }));
  const podPeer = fc.oneof(
    fc.constant(ClusterPolicyPeer.allNamespaces()),
    fc.constantFrom('a', 'kube-system').map((n) => ClusterPolicyPeer.namespaceNamed(n)),
    selector.map((s) => ClusterPolicyPeer.pods(s)),
    fc.tuple(selector, selector).map(([p, n]) => ClusterPolicyPeer.podsInNamespaces(p, n)),
  );
  const addressPeer = fc.oneof(
    fc.uniqueArray(fc.constantFrom('10.0.0.0/8', '0.0.0.0/0', '::/0', '192.168.1.1/32'), { minLength: 1, maxLength: 3 })
      .map((c) => ClusterPolicyPeer.networks(c)),
    selector.map((s) => ClusterPolicyPeer.nodes(s)),
  );
  const numbered = fc.oneof(
    fc.integer({ min: 1, max: 65535 }).map((p) => ClusterPolicyPort.tcp(p)),
    fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }))
      .map(([a, b]) => ClusterPolicyPort.udpRange(Math.min(a, b), Math.max(a, b))),
    fc.constant(ClusterPolicyPort.allSctp()),
  );
  const ports = fc.option(fc.array(fc.oneof(numbered, fc.constant(ClusterPolicyPort.named('http'))), { minLength: 1, maxLength: 3 }), { nil: undefined });
  const action = fc.constantFrom(ACCEPT, DENY, PASS);
  const ingressRule = fc.record({ action, peers: fc.array(podPeer, { minLength: 1, maxLength: 3 }), ports });
  const egressRule = fc.oneof(ingressRule, fc.record({
    action,
    peers: fc.array(fc.oneof(podPeer, addressPeer), { minLength: 1, maxLength: 3 }),
    ports: fc.option(fc.array(numbered, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  }));
  fc.assert(fc.property(
    fc.constantFrom(ClusterPolicyTier.ADMIN, ClusterPolicyTier.BASELINE), fc.integer({ min: 0, max: 1000 }),
    fc.array(ingressRule, { maxLength: 3 }), fc.array(egressRule, { maxLength: 3 }),
    (tier, priority, ingress, egress) => {
      const chart = Testing.chart();
      const policy = new ClusterNetworkPolicy(chart, 'p', { tier, priority, subject: payments, channel: EXPERIMENTAL, ingress, egress });
      const findings = ClusterNetworkPolicyValidator.check(policy.apiObject.toJson(), { channel: EXPERIMENTAL });
      expect(findings.filter((f) => f.severity === FindingSeverity.ERROR)).toEqual([]);
    }), { numRuns: runs(150) });
});
