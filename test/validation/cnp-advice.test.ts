import { ClusterNetworkPolicyChannel } from '../../src/validation';
import { cnpAdvice } from '../../src/validation/cnp-advice';
import { CNP_RULE } from '../../src/validation/cnp-rules';

const STANDARD = ClusterNetworkPolicyChannel.STANDARD;
const EXPERIMENTAL = ClusterNetworkPolicyChannel.EXPERIMENTAL;
const spec = (overrides: Record<string, unknown>) => ({ tier: 'Admin', priority: 1, subject: { namespaces: {} }, ...overrides });
const where = (findings: { field: string; rule: string }[]) => findings.map((f) => [f.field, f.rule]);

test.each([
  [{ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, 'spec.subject.namespaces.matchExpressions[0].operator', 'is not a selector operator'],
  [{ matchExpressions: [{ key: 'a', operator: 'In' }] }, 'spec.subject.namespaces.matchExpressions[0].values', 'In needs at least one value'],
  [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b'] }] }, 'spec.subject.namespaces.matchExpressions[0].values', 'Exists takes no values'],
  [{ matchExpressions: [{ key: 'a b', operator: 'Exists' }] }, 'spec.subject.namespaces.matchExpressions[0].key', 'name part must consist'],
  [{ matchLabels: { a: 'b c' } }, 'spec.subject.namespaces.matchLabels', 'value "b c"'],
])('a selector the CRD accepts but that is no label selector: %j', (selector, field, reason) => {
  const findings = cnpAdvice(spec({ subject: { namespaces: selector } }), STANDARD);
  expect(where(findings)).toEqual([[field, CNP_RULE.SELECTOR]]);
  expect(findings[0].message).toContain(reason);
  expect(findings[0].message).toContain('the analysis leaves this policy out');
});

test('selectors are checked wherever they are: subject pods, peers, nodes', () => {
  const bad = { matchExpressions: [{ key: 'a', operator: 'In' }] };
  const findings = cnpAdvice(spec({
    subject: { pods: { namespaceSelector: bad, podSelector: bad } },
    ingress: [{ action: 'Deny', from: [{ namespaces: bad }, { pods: { podSelector: bad } }] }],
    egress: [{ action: 'Deny', to: [{ nodes: bad }] }],
  }), EXPERIMENTAL);
  expect(findings.map((f) => f.field)).toEqual([
    'spec.subject.pods.namespaceSelector.matchExpressions[0].values', 'spec.subject.pods.podSelector.matchExpressions[0].values',
    'spec.ingress[0].from[0].namespaces.matchExpressions[0].values', 'spec.ingress[0].from[1].pods.podSelector.matchExpressions[0].values',
    'spec.egress[0].to[0].nodes.matchExpressions[0].values',
  ]);
});

test.each([
  ['Admin', 'Accept', false],
  ['Admin', 'Deny', true],
  ['Baseline', 'Accept', true],
])('domainNames in a %s %s rule are flagged as not evaluable (documented scope noted: %s)', (tier, action, outOfScope) => {
  const findings = cnpAdvice(spec({ tier, egress: [{ action, to: [{ domainNames: ['example.com'] }] }] }), EXPERIMENTAL);
  expect(where(findings)).toEqual([['spec.egress[0].to[0].domainNames', CNP_RULE.DOMAIN_NAMES]]);
  expect(findings[0].message).toContain('no DNS model');
  expect(findings[0].message.includes('Accept rules of the Admin tier only')).toBe(outOfScope);
});

test.each([['Not A Port'], [''], ['a--b'], ['1234']])('destinationNamedPort %j can name no container port', (name) => {
  const findings = cnpAdvice(spec({ ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ destinationNamedPort: name }] }] }), STANDARD);
  expect(where(findings)).toEqual([['spec.ingress[0].protocols[0].destinationNamedPort', CNP_RULE.NAMED_PORT]]);
});

test('a named port with a networks peer is flagged in the standard channel, whose CRD accepts it', () => {
  const rule = { action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ destinationNamedPort: 'http' }] };
  expect(where(cnpAdvice(spec({ egress: [rule] }), STANDARD))).toEqual([['spec.egress[0]', CNP_RULE.NAMED_PORT]]);
  expect(cnpAdvice(spec({ egress: [rule] }), EXPERIMENTAL)).toEqual([]);
  expect(cnpAdvice(spec({ egress: [{ ...rule, to: [{ pods: { podSelector: {} } }] }] }), STANDARD)).toEqual([]);
});

test('valid selectors, names and values of the wrong type give no advice', () => {
  expect(cnpAdvice(spec({
    subject: { namespaces: { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['d'] }, { key: 1 }] } },
    egress: [{ action: 'Deny', to: [{ namespaces: 'x' }], protocols: [{ destinationNamedPort: 'http' }, { destinationNamedPort: 5 }] }],
  }), STANDARD)).toEqual([]);
  expect(cnpAdvice('x', STANDARD)).toEqual([]);
});
