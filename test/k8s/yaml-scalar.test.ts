import { plainScalarKey, plainScalarValue, taggedScalarKey, taggedScalarValue } from '../../src/k8s/yaml-scalar';

describe('plainScalarValue: what kubectl (go-yaml v2) reads', () => {
  test.each([
    // YAML 1.1 booleans, and what stays a string beside them
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['On', true], ['ON', true],
    ['true', true], ['True', true], ['TRUE', true], ['no', false], ['n', false], ['N', false], ['off', false], ['OFF', false],
    ['false', false], ['False', false], ['tRUE', 'tRUE'], ['yEs', 'yEs'], ['nO', 'nO'], ['o', 'o'], ['t', 't'],
    // null
    ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
    // integers, Go's strconv.ParseInt(s, 0, 64) after removing underscores
    ['0', 0], ['-0', 0], ['+12', 12], ['007', 7], ['0777', 511], ['010', 8], ['-010', -8], ['08', 8], ['09.5', 9.5],
    ['0x1F', 31], ['0X1f', 31], ['-0x1F', -31], ['0o17', 15], ['0O17', 15], ['0b101', 5], ['0B101', 5], ['-0b101', -5],
    ['0b-101', -5], ['0b+101', 5], ['1_000', 1000], ['1__0', 10], ['1_', 1], ['0x_1F', 31], ['_1', '_1'],
    ['0x', '0x'], ['0b', '0b'], ['0o', '0o'], ['0b102', '0b102'], ['0o8', '0o8'], ['0xG', '0xG'], ['+', '+'], ['-', '-'],
    ['9223372036854775807', 9223372036854775807], ['18446744073709551615', 18446744073709551615],
    ['-9223372036854775809', -9223372036854775809], ['+18446744073709551615', 18446744073709551615],
    // floats
    ['1.5', 1.5], ['-.5', -0.5], ['+.5', 0.5], ['.5', 0.5], ['1.', 1], ['1e3', 1000], ['1E-2', 0.01], ['80.0', 80], ['1_0.5', 10.5],
    ['.5_5', 0.55], ['._5', '._5'], ['.5e', '.5e'], ['.', '.'], ['1e309', '1e309'], ['.5e999', '.5e999'], ['1e', '1e'],
    ['.inf', Infinity], ['+.Inf', Infinity], ['-.INF', -Infinity], ['.nan', NaN], ['.NaN', NaN], ['.Nan', '.Nan'], ['inf', 'inf'],
    // what YAML 1.1 had but go-yaml never resolved: base 60, timestamps
    ['1:30', '1:30'], ['190:20:30', '190:20:30'], ['2001-12-14', '2001-12-14'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    // strings
    ['web', 'web'], ['10.0.0.1', '10.0.0.1'], ['1.2.3', '1.2.3'], ['<<', '<<'], ['0x1F-a', '0x1F-a'], ['\u00a0yes', '\u00a0yes'],
  ])('%j', (text, value) => {
    expect(plainScalarValue(text)).toEqual(value);
  });
});

describe('plainScalarKey: the JSON key sigs.k8s.io/yaml writes', () => {
  test.each([
    ['name', 'name'], ['yes', 'true'], ['off', 'false'], ['1', '1'], ['01', '1'], ['0x1F', '31'], ['1_000', '1000'],
    ['1.5', '1.5'], ['0.1', '0.1'], ['1e3', '1000'], ['1e6', '1e+06'], ['123456.0', '123456'], ['1234567.0', '1.234567e+06'],
    ['0.0001', '0.0001'], ['0.00001', '1e-05'], ['3.141592653589793', '3.1415927'], ['-2.5', '-2.5'], ['1e39', '.inf'],
    ['.inf', '.inf'], ['-.inf', '-.inf'], ['.nan', '.nan'], ['-0.0', '-0'],
  ])('%j', (text, key) => {
    expect(plainScalarKey(text)).toBe(key);
  });

  test.each([['~'], ['null'], [''], ['18446744073709551615']])('%j cannot be a key', (text) => {
    expect(plainScalarKey(text)).toBeUndefined();
  });
});

describe('tagged scalars', () => {
  test.each([
    ['!!str', '012', '012'], ['!!int', '12', 12], ['!!int', '0x10', 16], ['!!float', '1', 1], ['!!bool', 'yes', true],
    ['!!null', '~', null], ['!!binary', 'aGVs\nbG8=', 'hello'], ['!!timestamp', '2001-12-14', '2001-12-14'],
    ['!custom', '12', '12'], ['!', 'yes', 'yes'], ['!!set', 'x', 'x'],
  ])('%s %j', (tag, text, value) => {
    expect(taggedScalarValue(tag, text)).toEqual({ value });
  });

  test.each([
    ['!!int', 'abc', 'cannot decode !!str `abc` as a !!int'],
    ['!!int', '1.5', 'cannot decode !!float `1.5` as a !!int'],
    ['!!bool', '1', 'cannot decode !!int `1` as a !!bool'],
    ['!!null', 'x', 'cannot decode !!str `x` as a !!null'],
    ['!!timestamp', 'soon', 'cannot decode !!str `soon` as a !!timestamp'],
    ['!!binary', '*not base64*', '!!binary value contains invalid base64 data'],
  ])('%s %j is refused', (tag, text, error) => {
    expect(taggedScalarValue(tag, text)).toEqual({ error });
  });

  test('keys', () => {
    expect(taggedScalarKey('!!str', 'yes')).toEqual({ key: 'yes' });
    expect(taggedScalarKey('!!int', '0x10')).toEqual({ key: '16' });
    expect(taggedScalarKey('!!null', '')).toEqual({ error: 'a null cannot be a mapping key' });
  });
});
