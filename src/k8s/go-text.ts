/**
 * Text as Kubernetes' Go code prints it in messages: `%q` (strconv.Quote) for strings, and
 * encoding/json for everything else. Both work on UTF-8 bytes, so a value that the server cut
 * mid-character (a generated name) is quoted byte by byte, as Go does.
 */

/** Go's `%q` of a string: printable characters as they are, the rest escaped. */
export function goQuote(text: string): string {
  return goQuoteBytes(Buffer.from(text, 'utf8'));
}

/** Go's `%q` of raw bytes, which need not be valid UTF-8 (invalid bytes print as `\xNN`). */
export function goQuoteBytes(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length;) {
    const rune = decodeRune(bytes, i);
    i += rune.width;
    if (rune.codePoint === undefined) {
      out += `\\x${hex(bytes[i - 1], 2)}`;
      continue;
    }
    out += quoteRune(rune.codePoint);
  }
  return out + '"';
}

/**
 * Go's `json.Marshal` of a JSON value: HTML-sensitive characters escaped, object keys in the
 * order given (Go structs print their fields in declaration order, so callers build objects in
 * that order).
 */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${goJsonString(key)}:${goJson(item)}`)
    .join(',')}}`;
}

/**
 * A JSON value as Go decodes it: every string, keys included, with each lone UTF-16 surrogate
 * replaced by U+FFFD. Other values are returned as they are.
 */
export function asGoDecodes(value: unknown): unknown {
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('utf8');
  if (Array.isArray(value)) return value.map(asGoDecodes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [asGoDecodes(key), asGoDecodes(item)]));
  }
  return value;
}

/** Orders keys as Go sorts map keys before encoding them: by their UTF-8 bytes. */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Go's `strings.ToLower`: each character by its simple lower-case mapping, without the context rules
 * (Greek final sigma) or the expansions (U+0130 becomes "i", not "i" and a combining dot) of JavaScript's.
 */
export function goToLower(text: string): string {
  return Array.from(text, (char) => String.fromCodePoint(char.toLowerCase().codePointAt(0)!)).join('');
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function quoteRune(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  if (char === '"' || char === '\\') return `\\${char}`;
  if (PRINTABLE.test(char)) return char;
  if (SHORT_ESCAPES[codePoint]) return SHORT_ESCAPES[codePoint];
  if (codePoint < 0x20 || codePoint === 0x7f) return `\\x${hex(codePoint, 2)}`;
  return codePoint < 0x10000 ? `\\u${hex(codePoint, 4)}` : `\\U${hex(codePoint, 8)}`;
}

function goJsonString(text: string): string {
  let out = '"';
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length;) {
    const rune = decodeRune(bytes, i);
    i += rune.width;
    const codePoint = rune.codePoint ?? 0xfffd;
    out += jsonEscape(codePoint) ?? String.fromCodePoint(codePoint);
  }
  return out + '"';
}

function jsonEscape(codePoint: number): string | undefined {
  switch (codePoint) {
    case 0x22: return '\\"';
    case 0x5c: return '\\\\';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    default:
      if (codePoint < 0x20 || codePoint === 0x3c || codePoint === 0x3e || codePoint === 0x26 || codePoint === 0x2028 || codePoint === 0x2029) {
        return `\\u${hex(codePoint, 4)}`;
      }
      return undefined;
  }
}

/** One rune of UTF-8 as Go's utf8.DecodeRune reads it; `codePoint` is undefined for an invalid byte (width 1). */
function decodeRune(bytes: Uint8Array, start: number): { codePoint?: number; width: number } {
  const first = bytes[start];
  if (first < 0x80) return { codePoint: first, width: 1 };
  const width = first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
  if (width === 0 || start + width > bytes.length) return { width: 1 };
  // The lead byte keeps its low 7 - width bits, each continuation byte (10xxxxxx) its low 6.
  let codePoint = first % 2 ** (7 - width);
  for (let k = 1; k < width; k++) {
    const next = bytes[start + k];
    if (next < 0x80 || next > 0xbf) return { width: 1 };
    codePoint = codePoint * 64 + (next - 0x80);
  }
  const minimum = [0, 0, 0x80, 0x800, 0x10000][width];
  if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return { width: 1 };
  return { codePoint, width };
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}
