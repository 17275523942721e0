import { LabelSelector } from '../../src/policy';
import { describeNamespaces, namespacedPod, namespacesNamedSelector } from '../../src/policy/cluster-policy-selectors';

test('namespacedPod leaves namespaceSelector out when every namespace is meant', () => {
  expect(namespacedPod(LabelSelector.all(), undefined)).toEqual({ podSelector: {} });
  expect(namespacedPod(LabelSelector.all(), LabelSelector.all())).toEqual({ namespaceSelector: {}, podSelector: {} });
});

test('namespacesNamedSelector: one name by label, several with In, duplicates once', () => {
  expect(namespacesNamedSelector('s', ['a'])._toKube()).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'a' } });
  expect(namespacesNamedSelector('s', ['a', 'b', 'b'])._toKube())
    .toEqual({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] }] });
});

test.each([
  [LabelSelector.all(), 'all namespaces'],
  [LabelSelector.of({ labels: { 'kubernetes.io/metadata.name': 'x' } }), 'namespace(x)'],
  [LabelSelector.of({ labels: { env: 'dev' } }), 'namespaces(env=dev)'],
])('describeNamespaces(%s)', (selector, text) => {
  expect(describeNamespaces(selector)).toBe(text);
});
