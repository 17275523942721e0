import { rfc3339Error } from '../../src/validation/rfc3339';

const LAYOUT = '"2006-01-02T15:04:05Z07:00"';

test.each([
  '2020-01-01T00:00:00Z', '2020-01-01T00:00:00+02:00', '2020-01-01T00:00:00-23:59', '2020-01-01T00:00:00.5Z', '2020-01-01T00:00:00,5Z',
  '2020-01-01T00:00:00.123456789012Z', '2020-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
  // Go's general parser takes a one-digit hour, and offsets up to 24:60.
  '2020-01-01T1:00:00Z', '2020-01-01T00:00:00+24:00', '2020-01-01T00:00:00+01:60',
])('Go accepts %j', (text) => {
  expect(rfc3339Error(text)).toBeUndefined();
});

// The messages are those the real parser gave for these values (test/validation/fixtures).
test.each([
  ['2020-01-01T00:00:00.Z', 'cannot parse ".Z" as "Z07:00"'],
  ['2020-01-01T00:00:00z', 'cannot parse "z" as "Z07:00"'],
  ['2020-01-01t00:00:00Z', 'cannot parse "t00:00:00Z" as "T"'],
  ['2020-01-01', 'cannot parse "" as "T"'],
  ['2020-01-01T00:00', 'cannot parse "" as ":"'],
  ['2020-01-01T00:00:00', 'cannot parse "" as "Z07:00"'],
  ['2020-1-01T00:00:00Z', 'cannot parse "1-01T00:00:00Z" as "01"'],
  ['2020-01-01T00:0:00Z', 'cannot parse "0:00Z" as "04"'],
  ['20a0-01-01T00:00:00Z', 'cannot parse "20a0-01-01T00:00:00Z" as "2006"'],
  ['+020-01-01T00:00:00Z', 'cannot parse "+020-01-01T00:00:00Z" as "2006"'],
  ['2020-01-01T00:00:00+0100', 'cannot parse "+0100" as "Z07:00"'],
  ['2020-01-01T00:00:00+a1:00', 'cannot parse "+a1:00" as "Z07:00"'],
  ['2020-01-01T00:00:00*01:00', 'cannot parse "*01:00" as "Z07:00"'],
  ['', 'cannot parse "" as "2006"'],
  ['2020-01-01T\u00e9', 'cannot parse "\\xc3\\xa9" as "15"'],
])('%j does not parse', (text, detail) => {
  expect(rfc3339Error(text)).toBe(`parsing time ${JSON.stringify(text).replace('\u00e9', '\\xc3\\xa9')} as ${LAYOUT}: ${detail}`);
});

test.each([
  ['2020-13-01T00:00:00Z', 'month out of range'],
  ['2020-00-01T00:00:00Z', 'month out of range'],
  ['2021-02-29T00:00:00Z', 'day out of range'],
  ['1900-02-29T00:00:00Z', 'day out of range'],
  ['2020-04-31T00:00:00Z', 'day out of range'],
  ['2020-01-00T00:00:00Z', 'day out of range'],
  ['2020-01-01T24:00:00Z', 'hour out of range'],
  ['2020-01-01T23:60:00Z', 'minute out of range'],
  ['2020-01-01T23:59:60Z', 'second out of range'],
  ['2020-01-01T00:00:00+25:00', 'time zone offset hour out of range'],
  ['2020-01-01T00:00:00+01:61', 'time zone offset minute out of range'],
  ['2020-01-01T00:00:00Zx', 'extra text: "x"'],
])('%j is out of range', (text, detail) => {
  expect(rfc3339Error(text)).toBe(`parsing time "${text}": ${detail}`);
});
