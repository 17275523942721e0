import { asArray, asInt32, asObject, asString, asStruct, isAbsent, isInt32 } from '../../src/k8s/json-values';

test.each([
  [undefined, true], [null, true], [0, false], ['', false], [false, false], [{}, false],
])('isAbsent(%j) is %s', (value, expected) => {
  expect(isAbsent(value)).toBe(expected);
});

test('asObject accepts only plain objects', () => {
  expect(asObject({ a: 1 })).toEqual({ a: 1 });
  for (const value of [null, undefined, [], 'x', 1]) expect(asObject(value)).toBeUndefined();
});

test('asStruct reads null as the zero struct', () => {
  expect(asStruct(null)).toEqual({});
  expect(asStruct({ a: 1 })).toEqual({ a: 1 });
  expect(asStruct('x')).toBeUndefined();
  expect(asStruct(undefined)).toBeUndefined();
});

test('asArray accepts only arrays', () => {
  expect(asArray([1])).toEqual([1]);
  expect(asArray({ 0: 1 })).toBeUndefined();
  expect(asArray(null)).toBeUndefined();
});

test('asString reads absent and null as ""', () => {
  expect(asString('a')).toBe('a');
  expect(asString(null)).toBe('');
  expect(asString(1)).toBeUndefined();
  expect(asString(undefined)).toBe('');
});

test.each([
  [0, true], [-1, true], [2147483647, true], [-2147483648, true],
  [2147483648, false], [-2147483649, false], [80.5, false], [NaN, false], [Infinity, false], ['80', false], [null, false],
])('isInt32(%j) is %s', (value, expected) => {
  expect(isInt32(value)).toBe(expected);
  expect(asInt32(value)).toBe(expected ? value : undefined);
});
