/**
 * Timestamps as metav1.Time reads them: Go's `time.Parse(time.RFC3339, text)`, whose general
 * parser decides what is accepted and words the error. Worked on UTF-8 bytes, as Go does.
 */

const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** One layout element after its literal prefix, as Go's `nextStdChunk` splits the RFC 3339 layout. */
interface Chunk {
  readonly prefix: string;
  readonly element: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'zone';
  readonly text: string;
}

const CHUNKS: readonly Chunk[] = [
  { prefix: '', element: 'year', text: '2006' },
  { prefix: '-', element: 'month', text: '01' },
  { prefix: '-', element: 'day', text: '02' },
  { prefix: 'T', element: 'hour', text: '15' },
  { prefix: ':', element: 'minute', text: '04' },
  { prefix: ':', element: 'second', text: '05' },
  { prefix: '', element: 'zone', text: 'Z07:00' },
];

/** What went wrong reading one element: a malformed value, or a value out of range. */
type ElementResult = { rest: Buffer; bad?: boolean; range?: string };

/**
 * Go's error text for a timestamp that does not parse, e.g.
 * `parsing time "2020-13-01T00:00:00Z": month out of range`.
 * @returns undefined when Go accepts the text
 */
export function rfc3339Error(text: string): string | undefined {
  const value = Buffer.from(text, 'utf8');
  let rest: Buffer = value;
  const fields = { year: 0, month: -1, day: -1 };
  for (const chunk of CHUNKS) {
    const afterPrefix = skip(rest, chunk.prefix);
    if (afterPrefix === undefined) return cannotParse(value, rest, chunk.prefix);
    const hold = afterPrefix;
    const result = readElement(chunk.element, afterPrefix, fields);
    if (result.range) return `parsing time ${timeQuote(value)}: ${result.range} out of range`;
    if (result.bad) return cannotParse(value, hold, chunk.text);
    rest = result.rest;
  }
  if (rest.length > 0) return `parsing time ${timeQuote(value)}: extra text: ${timeQuote(rest)}`;
  if (fields.day < 1 || fields.day > daysIn(fields.month, fields.year)) return `parsing time ${timeQuote(value)}: day out of range`;
  return undefined;
}

function readElement(element: Chunk['element'], value: Buffer, fields: { year: number; month: number; day: number }): ElementResult {
  switch (element) {
    case 'year': {
      if (value.length < 4 || !isDigit(value, 0)) return { rest: value, bad: true };
      const digits = value.subarray(0, 4);
      if (!digits.every((byte) => byte >= 0x30 && byte <= 0x39)) return { rest: value.subarray(4), bad: true };
      fields.year = Number(digits.toString('latin1'));
      return { rest: value.subarray(4) };
    }
    case 'month': {
      const read = getNumber(value, true);
      if (read.value !== undefined) fields.month = read.value;
      return { rest: read.rest, bad: read.value === undefined, range: read.value !== undefined && (read.value < 1 || read.value > 12) ? 'month' : undefined };
    }
    case 'day': {
      const read = getNumber(value, true);
      if (read.value !== undefined) fields.day = read.value;
      return { rest: read.rest, bad: read.value === undefined };
    }
    case 'hour': {
      const read = getNumber(value, false);
      return { rest: read.rest, bad: read.value === undefined, range: (read.value ?? 0) >= 24 ? 'hour' : undefined };
    }
    case 'minute': {
      const read = getNumber(value, true);
      return { rest: read.rest, bad: read.value === undefined, range: (read.value ?? 0) >= 60 ? 'minute' : undefined };
    }
    case 'second': return readSecond(value);
    case 'zone': return readZone(value);
  }
}

// Seconds may carry a fraction ('.' or ',' then digits) although the layout has none.
function readSecond(value: Buffer): ElementResult {
  const read = getNumber(value, true);
  if (read.value === undefined) return { rest: read.rest, bad: true };
  if (read.value >= 60) return { rest: read.rest, range: 'second' };
  let rest = read.rest;
  if (rest.length >= 2 && (rest[0] === 0x2e || rest[0] === 0x2c) && isDigit(rest, 1)) {
    let n = 2;
    while (n < rest.length && isDigit(rest, n)) n++;
    rest = rest.subarray(n);
  }
  return { rest };
}

function readZone(value: Buffer): ElementResult {
  if (value.length >= 1 && value[0] === 0x5a) return { rest: value.subarray(1) };
  if (value.length < 6 || value[3] !== 0x3a) return { rest: value, bad: true };
  const hours = getNumber(value.subarray(1, 3), true).value;
  const minutes = hours === undefined ? undefined : getNumber(value.subarray(4, 6), true).value;
  let range: string | undefined;
  if ((hours ?? 0) > 24) range = 'time zone offset hour';
  if ((minutes ?? 0) > 60) range = 'time zone offset minute';
  const bad = hours === undefined || minutes === undefined || (value[0] !== 0x2b && value[0] !== 0x2d);
  return { rest: value.subarray(6), bad, range };
}

// Go's getnum: one or two digits, exactly two when fixed.
function getNumber(value: Buffer, fixed: boolean): { value?: number; rest: Buffer } {
  if (!isDigit(value, 0)) return { rest: value };
  if (!isDigit(value, 1)) return fixed ? { rest: value } : { value: value[0] - 0x30, rest: value.subarray(1) };
  return { value: (value[0] - 0x30) * 10 + (value[1] - 0x30), rest: value.subarray(2) };
}

function skip(value: Buffer, prefix: string): Buffer | undefined {
  for (let i = 0; i < prefix.length; i++) {
    if (value.length <= i || value[i] !== prefix.charCodeAt(i)) return undefined;
  }
  return value.subarray(prefix.length);
}

// The prefixes are one character long, so a prefix that failed to match consumed nothing.
function cannotParse(value: Buffer, valueElement: Buffer, layoutElement: string): string {
  return `parsing time ${timeQuote(value)} as ${timeQuote(Buffer.from(LAYOUT))}: cannot parse ${timeQuote(valueElement)} as ${timeQuote(Buffer.from(layoutElement))}`;
}

function isDigit(value: Buffer, i: number): boolean {
  return i < value.length && value[i] >= 0x30 && value[i] <= 0x39;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// The time package's own quoting: every byte outside printable ASCII as \xNN.
function timeQuote(bytes: Buffer): string {
  let out = '"';
  for (const byte of bytes) {
    if (byte >= 0x80 || byte < 0x20) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else out += (byte === 0x22 || byte === 0x5c ? '\\' : '') + String.fromCharCode(byte);
  }
  return out + '"';
}
