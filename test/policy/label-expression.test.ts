import { LabelExpression } from '../../src/policy';
import { thrown } from '../thrown';

describe('rendering', () => {
  test.each([
    ['oneOf', () => LabelExpression.oneOf('env', ['prod', 'staging']), { key: 'env', operator: 'In', values: ['prod', 'staging'] }],
    ['noneOf', () => LabelExpression.noneOf('env', ['dev']), { key: 'env', operator: 'NotIn', values: ['dev'] }],
    ['exists', () => LabelExpression.exists('app'), { key: 'app', operator: 'Exists' }],
    ['doesNotExist', () => LabelExpression.doesNotExist('canary'), { key: 'canary', operator: 'DoesNotExist' }],
    ['oneOf with a prefixed key and an empty value', () => LabelExpression.oneOf('example.com/tier', ['']), { key: 'example.com/tier', operator: 'In', values: [''] }],
  ])('%s', (_name, build, json) => {
    expect(build()._toKube()).toEqual(json);
  });

  test('accessors expose key, operatorName and values', () => {
    const e = LabelExpression.noneOf('env', ['dev', 'test']);
    expect([e.key, e.operatorName, e.values]).toEqual(['env', 'NotIn', ['dev', 'test']]);
    expect(LabelExpression.exists('app').values).toBeUndefined();
  });

  test('later changes to the input array do not leak in', () => {
    const values = ['a'];
    const e = LabelExpression.oneOf('k', values);
    values.push('b');
    expect(e._toKube()).toEqual({ key: 'k', operator: 'In', values: ['a'] });
  });
});

test.each([
  [LabelExpression.oneOf('tier', ['a', 'b']), 'tier in (a,b)'],
  [LabelExpression.noneOf('tier', ['a']), 'tier notin (a)'],
  [LabelExpression.exists('tier'), 'tier'],
  [LabelExpression.doesNotExist('tier'), '!tier'],
])('toString of %j is %s', (e, text) => {
  expect(e.toString()).toBe(text);
});

describe('errors name the factory, the field and the fix', () => {
  test.each([
    ['oneOf with a space in the key', () => LabelExpression.oneOf('bad key', ['a']), 'NP-INPUT[LabelExpression.oneOf]: key "bad key": name part must consist of alphanumeric characters'],
    ['noneOf with two slashes in the key', () => LabelExpression.noneOf('a/b/c', ['a']), 'NP-INPUT[LabelExpression.noneOf]: key "a/b/c": a valid label key must consist of'],
    ['exists with an empty key', () => LabelExpression.exists(''), 'NP-INPUT[LabelExpression.exists]: key "": name part must be non-empty'],
    ['doesNotExist with an upper-case prefix', () => LabelExpression.doesNotExist('Example.com/x'), 'NP-INPUT[LabelExpression.doesNotExist]: key "Example.com/x": prefix part a lowercase RFC 1123 subdomain'],
    ['oneOf with an invalid value', () => LabelExpression.oneOf('env', ['prod', 'prod env']), 'NP-INPUT[LabelExpression.oneOf]: values[1] "prod env": a valid label must be an empty string or consist of'],
    ['oneOf with no values', () => LabelExpression.oneOf('env', []),
      'NP-INPUT[LabelExpression.oneOf]: values: In needs at least one value (to test only that the label is present, use LabelExpression.exists("env"))'],
    ['noneOf with no values', () => LabelExpression.noneOf('env', []), 'NP-INPUT[LabelExpression.noneOf]: values: NotIn needs at least one value'],
  ])('%s', (_name, build, start) => {
    expect(thrown(build).slice(0, start.length)).toBe(start);
  });

  test('every problem is reported at once', () => {
    expect(() => LabelExpression.oneOf('bad key', ['x y'])).toThrow(/key "bad key": .*; values\[0\] "x y": /);
  });
});

describe('_key', () => {
  test('equal for the same expression built twice, whatever the order or repetition of values', () => {
    expect(LabelExpression.oneOf('k', ['b', 'a', 'b'])._key()).toBe(LabelExpression.oneOf('k', ['a', 'b'])._key());
  });

  test.each([
    ['operator', LabelExpression.oneOf('k', ['a']), LabelExpression.noneOf('k', ['a'])],
    ['key', LabelExpression.exists('k'), LabelExpression.exists('j')],
    ['values', LabelExpression.oneOf('k', ['a']), LabelExpression.oneOf('k', ['a', 'b'])],
    ['exists vs doesNotExist', LabelExpression.exists('k'), LabelExpression.doesNotExist('k')],
  ])('differs by %s', (_name, a, b) => {
    expect(a._key()).not.toBe(b._key());
  });
});
