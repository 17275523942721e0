import { LabelSelector } from '../../src/policy';
import { ClusterPolicySubject } from '../../src/policy/cluster-policy-subject';
import { thrown } from '../thrown';

const nameLabel = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

test.each([
  [ClusterPolicySubject.allNamespaces(), { namespaces: {} }, 'all namespaces'],
  [ClusterPolicySubject.namespaces(LabelSelector.of({ labels: { env: 'prod' } })), { namespaces: { matchLabels: { env: 'prod' } } }, 'namespaces(env=prod)'],
  [ClusterPolicySubject.namespaceNamed('payments'), { namespaces: nameLabel('payments') }, 'namespace(payments)'],
  [ClusterPolicySubject.namespacesNamed(['payments']), { namespaces: nameLabel('payments') }, 'namespace(payments)'],
  [ClusterPolicySubject.pods(LabelSelector.of({ labels: { app: 'db' } })), { pods: { podSelector: { matchLabels: { app: 'db' } } } }, 'pods(app=db) in every namespace'],
  [ClusterPolicySubject.podsInNamespaces(LabelSelector.all(), LabelSelector.of({ labels: { env: 'prod' } })),
    { pods: { namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: {} } }, 'pods(*) in namespaces(env=prod)'],
  [ClusterPolicySubject.podsInNamespaceNamed('shop', LabelSelector.of({ labels: { app: 'db' } })),
    { pods: { namespaceSelector: nameLabel('shop'), podSelector: { matchLabels: { app: 'db' } } } }, 'pods(app=db) in namespace(shop)'],
])('%s', (subject, json, text) => {
  expect(subject._toKube()).toEqual(json);
  expect(subject.toString()).toBe(text);
});

test('names are namespace names', () => {
  expect(thrown(() => ClusterPolicySubject.namespacesNamed(['ok', 'Not OK']))).toContain('name "Not OK"');
});
