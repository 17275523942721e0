import { NAMESPACE_NAME_LABEL } from '../../src/k8s/kinds';
import { LabelExpression, LabelSelector } from '../../src/policy';
import { namespaceNameOf } from '../../src/policy/namespace-name';

test.each([
  ['by name alone', LabelSelector.of({ labels: { [NAMESPACE_NAME_LABEL]: 'shop' } }), 'shop'],
  ['with another label', LabelSelector.of({ labels: { [NAMESPACE_NAME_LABEL]: 'shop', team: 'a' } }), undefined],
  ['with an expression', LabelSelector.of({ labels: { [NAMESPACE_NAME_LABEL]: 'shop' }, expressions: [LabelExpression.exists('team')] }), undefined],
  ['by another label', LabelSelector.of({ labels: { team: 'a' } }), undefined],
  ['every namespace', LabelSelector.all(), undefined],
])('a selector %s names %s', (_name, selector, name) => {
  expect(namespaceNameOf(selector)).toBe(name);
});
