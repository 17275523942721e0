import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { onlyPolicy, policies, synthError } from './synth';
import { AllowConnection, AllowFrom, NetworkPolicy, PolicyTarget } from '../../src/constructs';
import { LabelSelector, Peer, PortRange } from '../../src/policy';
import { FindingSeverity, NetworkPolicyValidator } from '../../src/validation';
import { thrown } from '../thrown';

/**
 * The faults of cdk8s-plus-27's NetworkPolicy API, each shown happening there and not here.
 */

function errors(manifest: any): string[] {
  return NetworkPolicyValidator.check(manifest).filter(f => f.severity === FindingSeverity.ERROR).map(f => NetworkPolicyValidator.format(f));
}

describe('1. "all TCP ports" is not port 0', () => {
  test('cdk8s-plus-27 renders port 0, which the API server rejects', () => {
    const chart = Testing.chart();
    const policy = new kplus.NetworkPolicy(chart, 'p');
    policy.addIngressRule(kplus.Pods.all(chart, 'all'), [kplus.NetworkPolicyPort.allTcp()]);
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.ingress[0].ports).toEqual([{ port: 0, endPort: 65535, protocol: 'TCP' }]);
    expect(errors(manifest)).toContain('spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
  });

  test('ours renders the protocol alone', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', { target: PolicyTarget.all() }).addIngressRule([Peer.allPods()], [PortRange.allTcp(), PortRange.allUdp()]);
    expect(onlyPolicy(chart).spec.ingress[0].ports).toEqual([{ protocol: 'TCP' }, { protocol: 'UDP' }]);
  });
});

describe('2. a UDP container port stays UDP', () => {
  const udpServer = (chart: Chart) => new kplus.Deployment(chart, 'syslog', {
    containers: [{ image: 'syslog', ports: [{ number: 514, protocol: kplus.Protocol.UDP }] }],
  });

  test('cdk8s-plus-27 allows it as TCP', () => {
    const chart = Testing.chart();
    const client = new kplus.Deployment(chart, 'client', { containers: [{ image: 'client' }] });
    client.connections.allowTo(udpServer(chart));
    expect(Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy').map((p: any) => (p.spec.egress ?? p.spec.ingress)[0].ports))
      .toEqual([[{ port: 514, protocol: 'TCP' }], [{ port: 514, protocol: 'TCP' }]]);
  });

  test('ours allows it as UDP, on both sides', () => {
    const chart = Testing.chart();
    const client = new kplus.Deployment(chart, 'client', { containers: [{ image: 'client' }] });
    new AllowConnection(chart, 'logs', { source: PolicyTarget.workload(client), destination: PolicyTarget.workload(udpServer(chart)) });
    expect(policies(chart).map(p => (p.spec.egress ?? p.spec.ingress)[0].ports)).toEqual([[{ protocol: 'UDP', port: 514 }], [{ protocol: 'UDP', port: 514 }]]);
  });
});

describe('3. adding the same rule twice', () => {
  test('cdk8s-plus-27 throws on a second allowTo to the same peer', () => {
    const chart = Testing.chart();
    const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }] });
    const redis = new kplus.Deployment(chart, 'redis', { containers: [{ image: 'redis', portNumber: 6379 }] });
    web.connections.allowTo(redis);
    expect(() => web.connections.allowTo(redis, { ports: [kplus.NetworkPolicyPort.tcp(6380)] })).toThrow(/There is already a Construct with name/);
  });

  test('ours keeps one rule, and adds a rule with other ports beside it', () => {
    const chart = Testing.chart();
    const redis = PolicyTarget.labels({ app: 'redis' });
    const web = Peer.pods(LabelSelector.of({ labels: { app: 'web' } }));
    const allow = new AllowFrom(chart, 'web-to-redis', { target: redis, sources: [web], ports: [PortRange.REDIS] });
    allow.policy.addIngressRule([web], [PortRange.REDIS]);
    allow.policy.addIngressRule([web], [PortRange.tcp(6380)]);
    allow.policy.addIngressRule([web], [PortRange.tcp(6380)]);
    expect(onlyPolicy(chart).spec.ingress.map((rule: any) => rule.ports)).toEqual([[{ protocol: 'TCP', port: 6379 }], [{ protocol: 'TCP', port: 6380 }]]);
  });
});

describe('4. a policy without rules', () => {
  test('cdk8s-plus-27 emits it without policyTypes: Kubernetes then denies all ingress', () => {
    const chart = Testing.chart();
    new kplus.NetworkPolicy(chart, 'p', { selector: kplus.Pods.select(chart, 'web', { labels: { app: 'web' } }) });
    expect(Testing.synth(chart)[0].spec).toEqual({ podSelector: { matchLabels: { app: 'web' } } });
  });

  test('ours fails synthesis and says how to isolate on purpose', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'p', { target: PolicyTarget.labels({ app: 'web' }) });
    expect(synthError(chart)).toContain('the policy has no rules and no policyTypes, so Kubernetes would isolate ingress of pods(app=web) and allow nothing');
  });
});

describe('5. CIDRs are parsed, not matched by a regex', () => {
  test.each([
    ['an out-of-range IPv4 CIDR', () => kplus.NetworkPolicyIpBlock.ipv4(Testing.chart(), 'b', '999.999.999.999/99'), () => Peer.ipv4('999.999.999.999/99')],
    ['an exclusion outside the CIDR', () => kplus.NetworkPolicyIpBlock.ipv4(Testing.chart(), 'b', '10.0.0.0/16', ['192.168.0.0/24']),
      () => Peer.ipv4('10.0.0.0/16', ['192.168.0.0/24'])],
    ['host bits set', () => kplus.NetworkPolicyIpBlock.ipv4(Testing.chart(), 'b', '10.0.0.1/8'), () => Peer.ipv4('10.0.0.1/8')],
  ])('%s: cdk8s-plus-27 accepts it, ours rejects it', (_name, theirs, ours) => {
    expect(theirs).not.toThrow();
    expect(thrown(ours)).toMatch(/^NP-INPUT\[Peer\.ipv4\]: /);
  });

  test('a valid upper-case IPv6 CIDR: cdk8s-plus-27 rejects it, ours accepts it', () => {
    expect(() => kplus.NetworkPolicyIpBlock.ipv6(Testing.chart(), 'b', 'FD00::/8')).toThrow(/Invalid IPv6 CIDR/);
    expect(Peer.ipv6('FD00::/8').cidr).toBe('fd00::/8');
  });
});
