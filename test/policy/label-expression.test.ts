import { LabelExpression } from '../../src/policy';
import { thrown } from '../thrown';

describe('rendering', () => {
  test.each([
    ['in', () => LabelExpression.in('env', ['prod', 'staging']), { key: 'env', operator: 'In', values: ['prod', 'staging'] }],
    ['notIn', () => LabelExpression.notIn('env', ['dev']), { key: 'env', operator: 'NotIn', values: ['dev'] }],
    ['exists', () => LabelExpression.exists('app'), { key: 'app', operator: 'Exists' }],
    ['doesNotExist', () => LabelExpression.doesNotExist('canary'), { key: 'canary', operator: 'DoesNotExist' }],
    ['in with a prefixed key and an empty value', () => LabelExpression.in('example.com/tier', ['']), { key: 'example.com/tier', operator: 'In', values: [''] }],
  ])('%s', (_name, build, json) => {
    expect(build()._toKube()).toEqual(json);
  });

  test('accessors expose key, operator and values', () => {
    const e = LabelExpression.notIn('env', ['dev', 'test']);
    expect([e.key, e.operator, e.values]).toEqual(['env', 'NotIn', ['dev', 'test']]);
    expect(LabelExpression.exists('app').values).toBeUndefined();
  });

  test('later changes to the input array do not leak in', () => {
    const values = ['a'];
    const e = LabelExpression.in('k', values);
    values.push('b');
    expect(e._toKube()).toEqual({ key: 'k', operator: 'In', values: ['a'] });
  });
});

test.each([
  [LabelExpression.in('tier', ['a', 'b']), 'tier in (a,b)'],
  [LabelExpression.notIn('tier', ['a']), 'tier notin (a)'],
  [LabelExpression.exists('tier'), 'tier'],
  [LabelExpression.doesNotExist('tier'), '!tier'],
])('toString of %j is %s', (e, text) => {
  expect(e.toString()).toBe(text);
});

describe('errors name the factory, the field and the fix', () => {
  test.each([
    ['in with a space in the key', () => LabelExpression.in('bad key', ['a']), 'NP-INPUT[LabelExpression.in]: key "bad key": name part must consist of alphanumeric characters'],
    ['notIn with two slashes in the key', () => LabelExpression.notIn('a/b/c', ['a']), 'NP-INPUT[LabelExpression.notIn]: key "a/b/c": a valid label key must consist of'],
    ['exists with an empty key', () => LabelExpression.exists(''), 'NP-INPUT[LabelExpression.exists]: key "": name part must be non-empty'],
    ['doesNotExist with an upper-case prefix', () => LabelExpression.doesNotExist('Example.com/x'), 'NP-INPUT[LabelExpression.doesNotExist]: key "Example.com/x": prefix part a lowercase RFC 1123 subdomain'],
    ['in with an invalid value', () => LabelExpression.in('env', ['prod', 'prod env']), 'NP-INPUT[LabelExpression.in]: values[1] "prod env": a valid label must be an empty string or consist of'],
    ['in with no values', () => LabelExpression.in('env', []),
      'NP-INPUT[LabelExpression.in]: values: In needs at least one value (to test only that the label is present, use LabelExpression.exists("env"))'],
    ['notIn with no values', () => LabelExpression.notIn('env', []), 'NP-INPUT[LabelExpression.notIn]: values: NotIn needs at least one value'],
  ])('%s', (_name, build, start) => {
    expect(thrown(build).slice(0, start.length)).toBe(start);
  });

  test('every problem is reported at once', () => {
    expect(() => LabelExpression.in('bad key', ['x y'])).toThrow(/key "bad key": .*; values\[0\] "x y": /);
  });
});

describe('_key', () => {
  test('equal for the same expression built twice, whatever the order or repetition of values', () => {
    expect(LabelExpression.in('k', ['b', 'a', 'b'])._key()).toBe(LabelExpression.in('k', ['a', 'b'])._key());
  });

  test.each([
    ['operator', LabelExpression.in('k', ['a']), LabelExpression.notIn('k', ['a'])],
    ['key', LabelExpression.exists('k'), LabelExpression.exists('j')],
    ['values', LabelExpression.in('k', ['a']), LabelExpression.in('k', ['a', 'b'])],
    ['exists vs doesNotExist', LabelExpression.exists('k'), LabelExpression.doesNotExist('k')],
  ])('differs by %s', (_name, a, b) => {
    expect(a._key()).not.toBe(b._key());
  });
});
