import { NAMESPACE_NAME_LABEL } from '../../src/k8s/kinds';
import { LabelExpression, LabelSelector } from '../../src/policy';
import { namespaceNameOf, namespaceNameSelector } from '../../src/policy/namespace-name';
import { thrown } from '../thrown';

test.each([
  ['by name alone', LabelSelector.of({ labels: { [NAMESPACE_NAME_LABEL]: 'shop' } }), 'shop'],
  ['with another label', LabelSelector.of({ labels: { [NAMESPACE_NAME_LABEL]: 'shop', team: 'a' } }), undefined],
  ['with an expression', LabelSelector.of({ labels: { [NAMESPACE_NAME_LABEL]: 'shop' }, expressions: [LabelExpression.exists('team')] }), undefined],
  ['by another label', LabelSelector.of({ labels: { team: 'a' } }), undefined],
  ['every namespace', LabelSelector.all(), undefined],
])('a selector %s names %s', (_name, selector, name) => {
  expect(namespaceNameOf(selector)).toBe(name);
});

test('namespaceNameSelector selects by the name label, and refuses what is no namespace name', () => {
  expect(namespaceNameSelector('S', 'shop')._toKube()).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'shop' } });
  expect(thrown(() => namespaceNameSelector('S', 'Shop', 'namespace'))).toContain('NP-INPUT[S]: namespace "Shop": a lowercase RFC 1123 label');
});
