import { Testing } from 'cdk8s';
import { AdminAllow, AdminDeny, AdminPass, AdminRuleProps } from '../../src/constructs';
import { ClusterPolicyPeer, ClusterPolicyPort, ClusterPolicySubject, LabelSelector } from '../../src/policy';
import { thrown } from '../thrown';

const dev = ClusterPolicyPeer.namespaces(LabelSelector.of({ labels: { env: 'dev' } }));
const payments = ClusterPolicySubject.namespaceNamed('payments');

test.each([
  ['AdminDeny', AdminDeny, 'Deny'],
  ['AdminAllow', AdminAllow, 'Accept'],
  ['AdminPass', AdminPass, 'Pass'],
])('%s writes one Admin-tier policy with a %s rule per direction given', (_name, Intent, action) => {
  const chart = Testing.chart();
  const intent = new Intent(chart, 'DevToPayments', { priority: 7, subject: payments, sources: [dev], destinations: [ClusterPolicyPeer.networks(['10.0.0.0/8'])], ports: [ClusterPolicyPort.tcp(443)] });
  const [policy] = Testing.synth(chart);
  expect(policy.metadata.name).toBe('dev-to-payments');
  expect(intent.policy.name).toBe('dev-to-payments');
  expect(policy.spec).toEqual({
    tier: 'Admin',
    priority: 7,
    subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } } },
    ingress: [{ name: `${action.toLowerCase()} from namespaces(env=dev)`, action, from: [{ namespaces: { matchLabels: { env: 'dev' } } }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] }],
    egress: [{ name: `${action.toLowerCase()} to networks(10.0.0.0/8)`, action, to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] }],
  });
});

test('one direction only, and the name given', () => {
  const chart = Testing.chart();
  new AdminAllow(chart, 'dns', {
    metadata: { name: 'always-dns', labels: { team: 'platform' } },
    priority: 5,
    subject: ClusterPolicySubject.allNamespaces(),
    destinations: [ClusterPolicyPeer.KUBE_DNS],
    ports: [ClusterPolicyPort.DNS_UDP, ClusterPolicyPort.DNS_TCP],
  });
  const [policy] = Testing.synth(chart);
  expect(policy.metadata).toEqual({ name: 'always-dns', labels: { team: 'platform' } });
  expect(policy.spec.ingress).toBeUndefined();
  expect(policy.spec.egress).toHaveLength(1);
});

test.each([
  [{ priority: 1, subject: payments }, 'sources, destinations: give at least one'],
  [{ priority: 1, subject: payments, sources: [ClusterPolicyPeer.networks(['10.0.0.0/8'])] }, 'cannot be a source'],
  [{ priority: -1, subject: payments, sources: [dev] }, 'priority: -1'],
])('refuses %j', (props, message) => {
  expect(thrown(() => new AdminDeny(Testing.chart(), 'x', props as AdminRuleProps))).toContain(message);
});
