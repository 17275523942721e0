import { FindingSeverity, ValidationStage } from '../../src/validation/finding';
import { labelSelectorFindings } from '../../src/validation/label-selector';

const P = 'spec.podSelector';
const summary = (selector: unknown) => labelSelectorFindings(selector, P).map((f) => [f.field, f.rule, f.message]);
const expr = (key: unknown, operator: unknown, values?: unknown) => ({ matchExpressions: [{ key, operator, values }] });

describe('valid selectors', () => {
  test.each([
    [{}], [null], [undefined],
    [{ matchLabels: { 'app': 'web', 'tier': '', 'example.com/App': 'x', 'kubernetes.io/metadata.name': 'prod' } }],
    [expr('env', 'In', ['prod', 'staging'])], [expr('env', 'NotIn', [''])],
    [expr('env', 'Exists')], [expr('env', 'DoesNotExist', [])], [expr('env', 'Exists', null)],
    [expr('example.com/env', 'In', ['MyValue', 'my_value', '12345'])],
  ])('%j', (selector) => {
    expect(labelSelectorFindings(selector, P)).toEqual([]);
  });
});

describe('R10: matchLabels', () => {
  test.each([
    ['example.com/app/name', 'web', /^Invalid value: "example.com\/app\/name": a valid label key must consist of/],
    ['Example.com/app', 'web', /^Invalid value: "Example.com\/app": prefix part a lowercase RFC 1123 subdomain must consist of/],
    ['/app', 'web', /^Invalid value: "\/app": prefix part must be non-empty$/],
    ['app', 'v'.repeat(64), /^Invalid value: "v{64}": must be no more than 63 bytes$/],
    ['app', 'web server', /^Invalid value: "web server": a valid label must be an empty string/],
  ])('%j: %j', (key, value, message) => {
    expect(summary({ matchLabels: { [key]: value } })).toEqual([[`${P}.matchLabels`, 'NP-VAL-SELECTOR-LABELS', expect.stringMatching(message)]]);
  });
});

describe('R11: operator', () => {
  test.each(['in', 'Gt', 'Lt', '', 'Equals'])('%j is not an operator', (operator) => {
    expect(summary(expr('env', operator, ['1']))).toEqual([[
      `${P}.matchExpressions[0].operator`, 'NP-VAL-SELECTOR-OPERATOR', `Invalid value: "${operator}": not a valid selector operator`,
    ]]);
  });

  test('a missing operator is ""', () => {
    expect(summary({ matchExpressions: [{ key: 'env', values: ['a'] }] })).toEqual([
      [`${P}.matchExpressions[0].operator`, 'NP-VAL-SELECTOR-OPERATOR', expect.stringMatching(/^Invalid value: "": /)],
    ]);
  });
});

describe('R12: In and NotIn need values', () => {
  test.each([['In', []], ['NotIn', []], ['In', undefined], ['In', null]])('%s with %j', (operator, values) => {
    expect(labelSelectorFindings(expr('env', operator, values), P)).toEqual([{
      field: `${P}.matchExpressions[0].values`,
      message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
      severity: FindingSeverity.ERROR,
      rule: 'NP-VAL-SELECTOR-VALUES-REQUIRED',
      stage: ValidationStage.VALIDATE,
    }]);
  });
});

describe('R13: Exists and DoesNotExist take no values', () => {
  test.each(['Exists', 'DoesNotExist'])('%s with a value', (operator) => {
    expect(summary(expr('env', operator, ['x']))).toEqual([[
      `${P}.matchExpressions[0].values`, 'NP-VAL-SELECTOR-VALUES-FORBIDDEN', "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]]);
  });
});

describe('R14a: key', () => {
  test('a key with a space', () => {
    expect(summary(expr('bad key', 'Exists'))).toEqual([
      [`${P}.matchExpressions[0].key`, 'NP-VAL-SELECTOR-KEY', expect.stringMatching(/^Invalid value: "bad key": name part must consist of/)],
    ]);
  });

  test('a missing key is "" and gets both name-part messages', () => {
    expect(summary({ matchExpressions: [{ operator: 'Exists' }] })).toEqual([
      [`${P}.matchExpressions[0].key`, 'NP-VAL-SELECTOR-KEY', 'Invalid value: "": name part must be non-empty'],
      [`${P}.matchExpressions[0].key`, 'NP-VAL-SELECTOR-KEY', expect.stringMatching(/^Invalid value: "": name part must consist of/)],
    ]);
  });
});

describe('R14b: values are label values', () => {
  test('each bad value at its index', () => {
    expect(labelSelectorFindings(expr('env', 'In', ['prod', 'prod env', '-x']), 'spec.ingress[0].from[0].namespaceSelector').map((f) => [f.field, f.rule])).toEqual([
      ['spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values[1]', 'NP-VAL-SELECTOR-VALUE'],
      ['spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values[2]', 'NP-VAL-SELECTOR-VALUE'],
    ]);
  });

  test('values with a bad operator are still checked', () => {
    expect(summary(expr('env', 'Gt', ['a b'])).map(([field]) => field)).toEqual([
      `${P}.matchExpressions[0].operator`, `${P}.matchExpressions[0].values[0]`,
    ]);
  });
});

test('order: matchLabels, then each expression (operator or values, key, each value)', () => {
  const findings = labelSelectorFindings({
    matchExpressions: [{ key: 'a b', operator: 'In', values: [] }, { key: 'k', operator: 'x', values: ['a b'] }],
    matchLabels: { 'a b': 'c' },
  }, P);
  expect(findings.map((f) => f.field)).toEqual([
    `${P}.matchLabels`,
    `${P}.matchExpressions[0].values`, `${P}.matchExpressions[0].key`,
    `${P}.matchExpressions[1].operator`, `${P}.matchExpressions[1].values[0]`,
  ]);
});

test('parts of the wrong type are left to the decoding check', () => {
  expect(labelSelectorFindings({ matchExpressions: [{ key: 1, operator: 'In', values: 'prod' }, 'x'], matchLabels: ['a'] }, P)).toEqual([]);
  expect(labelSelectorFindings('app=web', P)).toEqual([]);
});
