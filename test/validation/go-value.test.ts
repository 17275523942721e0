import { goFloat, goJson, goValue, jsonKind } from '../../src/validation/go-value';

test.each([
  [null, 'null'], ['x', 'string'], [7, 'integer'], [-(2 ** 63), 'integer'], [2 ** 63, 'number'], [1.5, 'number'], [1e20, 'number'],
  [true, 'boolean'], [[], 'array'], [{}, 'object'],
])('jsonKind(%j) is %s, as Go decodes it (int64 when the integer fits, float64 otherwise)', (value, kind) => {
  expect(jsonKind(value)).toBe(kind);
});

// Printed by Go 1.26: fmt.Printf("%v\n", v)
test.each([
  [1e20, '1e+20'], [1234567, '1.234567e+06'], [100000, '100000'], [1e6, '1e+06'], [123456.5, '123456.5'], [-0.5, '-0.5'],
  [0.0001, '0.0001'], [0.00001, '1e-05'], [1.5, '1.5'], [1e21, '1e+21'], [2.5e-5, '2.5e-05'], [0, '0'],
])('goFloat(%d) prints as Go\'s %%v: %s', (value, text) => {
  expect(goFloat(value)).toBe(text);
});

test('goValue prints numbers and booleans plainly, strings quoted and the rest as JSON with sorted keys', () => {
  expect([goValue(7), goValue(1.5), goValue(true), goValue('a"b'), goValue({ b: 1, a: ['<x>'] })])
    .toEqual(['7', '1.5', 'true', '"a\\"b"', '{"a":["\\u003cx\\u003e"],"b":1}']);
  expect(goJson([])).toBe('[]');
});
