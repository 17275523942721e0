/**
 * Every example of the Kubernetes "Network Policies" page, written with cdk8s-netpol.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 *
 * Run it with `ts-node --project examples/tsconfig.json examples/docs-examples.ts` to write the
 * manifests to `dist/`; test/examples/docs-examples.test.ts compares them with the page.
 */
import { App, Chart } from 'cdk8s';
import {
  AllowAllEgress,
  AllowAllIngress,
  AllowFrom,
  AllowTo,
  DefaultDenyAll,
  DefaultDenyEgress,
  DefaultDenyIngress,
  LabelExpression,
  LabelSelector,
  NetworkPolicy,
  Peer,
  PolicyTarget,
  PortRange,
} from '../src';

/**
 * Adds one chart per docs example to `app`, keyed by the example's name on the page.
 */
export function docsExamples(app: App): Record<string, Chart> {
  const charts: Record<string, Chart> = {};
  const chart = (name: string, namespace?: string) => (charts[name] = new Chart(app, name, { namespace }));

  // "The NetworkPolicy resource": both directions in one policy, so the lower-level construct.
  const policy = new NetworkPolicy(chart('test-network-policy', 'default'), 'test-network-policy', {
    target: PolicyTarget.labels({ role: 'db' }),
  });
  policy.addIngressRule([
    Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']),
    Peer.namespaces(LabelSelector.of({ labels: { project: 'myproject' } })),
    Peer.pods(LabelSelector.of({ labels: { role: 'frontend' } })),
  ], [PortRange.REDIS]);
  policy.addEgressRule([Peer.ipv4('10.0.0.0/24')], [PortRange.tcp(5978)]);

  // "Behavior of to and from selectors": one peer with both selectors (AND) ...
  new AllowFrom(chart('and-peer'), 'alice-clients', {
    target: PolicyTarget.all(),
    sources: [Peer.podsInNamespaces(LabelSelector.of({ labels: { role: 'client' } }), LabelSelector.of({ labels: { user: 'alice' } }))],
  });
  // ... and two peers (OR).
  new AllowFrom(chart('or-peers'), 'alice-or-clients', {
    target: PolicyTarget.all(),
    sources: [Peer.namespaces(LabelSelector.of({ labels: { user: 'alice' } })), Peer.pods(LabelSelector.of({ labels: { role: 'client' } }))],
  });

  // "Default policies"
  new DefaultDenyIngress(chart('default-deny-ingress'), 'default-deny-ingress');
  new AllowAllIngress(chart('allow-all-ingress'), 'allow-all-ingress');
  new DefaultDenyEgress(chart('default-deny-egress'), 'default-deny-egress');
  new AllowAllEgress(chart('allow-all-egress'), 'allow-all-egress');
  new DefaultDenyAll(chart('default-deny-all'), 'default-deny-all');

  // "Targeting a range of ports"
  new AllowTo(chart('multi-port-egress', 'default'), 'multi-port-egress', {
    metadata: { name: 'multi-port-egress' },
    target: PolicyTarget.labels({ role: 'db' }),
    destinations: [Peer.ipv4('10.0.0.0/24')],
    ports: [PortRange.tcpRange(32000, 32768)],
  });

  // "Targeting multiple namespaces by label"
  new AllowTo(chart('egress-namespaces'), 'egress-namespaces', {
    metadata: { name: 'egress-namespaces' },
    target: PolicyTarget.labels({ app: 'myapp' }),
    destinations: [Peer.namespaces(LabelSelector.of({ expressions: [LabelExpression.oneOf('namespace', ['frontend', 'backend'])] }))],
  });

  // "Targeting a Namespace by its name": the page describes it without a manifest.
  new AllowTo(chart('namespace-by-name'), 'egress-backend', {
    target: PolicyTarget.labels({ app: 'myapp' }),
    destinations: [Peer.namespaceNamed('backend')],
  });

  return charts;
}

if (require.main === module) {
  const app = new App();
  docsExamples(app);
  app.synth();
}
