/**
 * YAML scalars as kubectl reads them: kubectl converts YAML to JSON with sigs.k8s.io/yaml, which
 * decodes with go-yaml v2, a YAML 1.1 reader. So `yes`, `on` and `y` are booleans, `0777` is
 * octal, `1_000` is 1000 and `0b101` is 5, while forms go-yaml never resolved (base-60 numbers
 * such as `1:30`, timestamps) stay strings. Numbers are read with Go's `strconv` rules (`0o17`,
 * `0X1F`, signs). Map keys that resolve to something else than a string become strings the way
 * sigs.k8s.io/yaml writes them (`1` and `0x1` become "1", `yes` becomes "true").
 */

/** The plain scalars go-yaml v2 resolves by table, before trying numbers. */
const TABLE: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((t): [string, unknown] => [t, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((t): [string, unknown] => [t, false]),
  ...['', '~', 'null', 'Null', 'NULL'].map((t): [string, unknown] => [t, null]),
  ...['.nan', '.NaN', '.NAN'].map((t): [string, unknown] => [t, NaN]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((t): [string, unknown] => [t, Infinity]),
  ...['-.inf', '-.Inf', '-.INF'].map((t): [string, unknown] => [t, -Infinity]),
]);

/** The key that merges mappings (`<<: *defaults`), when written plain. */
export const MERGE_KEY = '<<';

/** What a plain scalar resolves to, with the Go type that decides how it becomes a map key. */
interface Resolved {
  readonly value: unknown;
  /** `uint` is an integer beyond int64, which sigs.k8s.io/yaml cannot turn into a key. */
  readonly type: 'str' | 'int' | 'uint' | 'float' | 'bool' | 'null';
}

/** go-yaml's float grammar for the digit-led forms (`yamlStyleFloat`). */
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What Go's ParseFloat reads of a text starting with '.': digits, single underscores between them, an exponent. */
const DOT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The value of a plain (unquoted, untagged) scalar. */
export function plainScalarValue(text: string): unknown {
  return resolvePlain(text).value;
}

/**
 * The JSON key a plain scalar key becomes, or undefined when kubectl cannot use it as a key
 * (null, or an integer beyond int64).
 */
export function plainScalarKey(text: string): string | undefined {
  return keyString(resolvePlain(text));
}

/**
 * The value of a scalar with an explicit tag (`!!int "12"`), as go-yaml decodes it; a string
 * with the reason when the tag does not fit the text (`!!int abc`). Tags go-yaml does not
 * resolve (`!custom`, `!`) leave the text a string.
 */
export function taggedScalarValue(tag: string, text: string): { value: unknown } | { error: string } {
  const resolved = resolveTagged(tag, text);
  return 'error' in resolved ? resolved : { value: resolved.value };
}

/** The JSON key of a tagged scalar key, or the reason it cannot be one. */
export function taggedScalarKey(tag: string, text: string): { key: string } | { error: string } {
  const resolved = resolveTagged(tag, text);
  if ('error' in resolved) {
    return resolved;
  }
  const key = keyString(resolved);
  return key === undefined ? { error: `a ${resolved.type === 'null' ? 'null' : 'too large integer'} cannot be a mapping key` } : { key };
}

function resolveTagged(tag: string, text: string): Resolved | { error: string } {
  switch (tag) {
    case '!!str':
      return { value: text, type: 'str' };
    case '!!binary': {
      const compact = text.replace(/[ \t\r\n]+/g, '');
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
        return { error: '!!binary value contains invalid base64 data' };
      }
      return { value: Buffer.from(compact, 'base64').toString('utf8'), type: 'str' };
    }
    case '!!timestamp':
      // go-yaml keeps a timestamp's text when the target is untyped, as it is for JSON.
      return isTimestamp(text) ? { value: text, type: 'str' } : mismatch(resolvePlain(text), text, tag);
    case '!!int':
    case '!!float':
    case '!!bool':
    case '!!null': {
      const resolved = resolvePlain(text);
      const type = resolved.type === 'uint' ? 'int' : resolved.type;
      return type === tag.slice(2) || (tag === '!!float' && type === 'int') ? resolved : mismatch(resolved, text, tag);
    }
    default:
      // A tag go-yaml does not resolve, or the non-specific `!`: the text, as a string.
      return { value: text, type: 'str' };
  }
}

function mismatch(resolved: Resolved, text: string, tag: string): { error: string } {
  return { error: `cannot decode !!${resolved.type === 'uint' ? 'int' : resolved.type} \`${text}\` as a ${tag}` };
}

function resolvePlain(text: string): Resolved {
  const c = text.charCodeAt(0);
  // Only texts starting with these can be anything but a string (go-yaml's resolve table).
  const hint = text === '' ? 'N'
    : c === 0x2b || c === 0x2d ? 'S'
      : c >= 0x30 && c <= 0x39 ? 'D'
        : c === 0x2e ? '.'
          : 'yYnNtTfFoO~'.includes(text[0]) ? 'M' : '';
  if (hint === '') {
    return { value: text, type: 'str' };
  }
  if (TABLE.has(text)) {
    const value = TABLE.get(text);
    return { value, type: value === null ? 'null' : typeof value === 'boolean' ? 'bool' : 'float' };
  }
  if (hint === '.') {
    return DOT_FLOAT.test(text) ? finiteFloat(Number(text.replace(/_/g, '')), text) : { value: text, type: 'str' };
  }
  if (hint !== 'S' && hint !== 'D') {
    return { value: text, type: 'str' };
  }
  const plain = text.replace(/_/g, '');
  const integer = goParseInteger(plain);
  if (integer !== undefined) {
    return integer;
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const float = finiteFloat(Number(plain), text);
    if (float.type === 'float') {
      return float;
    }
  }
  // go-yaml's own binary branch also reads a sign after the prefix (`0b-1`).
  const binary = /^0b([-+]?)([01]+)$/.exec(plain);
  if (binary) {
    const magnitude = BigInt(`0b${binary[2]}`);
    const negative = binary[1] === '-';
    if (magnitude <= (binary[1] === '' ? UINT64_MAX : negative ? INT64_MAX + 1n : INT64_MAX)) {
      return { value: negative ? -Number(magnitude) || 0 : Number(magnitude), type: magnitude > INT64_MAX && !negative ? 'uint' : 'int' };
    }
  }
  return { value: text, type: 'str' };
}

/** A float Go's ParseFloat accepts; out of range (Inf) it fails, and the text stays a string. */
function finiteFloat(value: number, text: string): Resolved {
  return Number.isFinite(value) ? { value, type: 'float' } : { value: text, type: 'str' };
}

/**
 * `strconv.ParseInt(text, 0, 64)`, then `strconv.ParseUint(text, 0, 64)`: an optional sign, a
 * base prefix (`0x`, `0o`, `0b`, or a leading `0` for octal), digits of that base.
 */
function goParseInteger(text: string): Resolved | undefined {
  const signed = text.startsWith('+') || text.startsWith('-');
  let digits = signed ? text.slice(1) : text;
  let base = 10;
  if (digits.startsWith('0') && digits.length > 1) {
    const prefix = digits[1].toLowerCase();
    const named = digits.length >= 3 ? { x: 16, o: 8, b: 2 }[prefix] : undefined;
    base = named ?? 8;
    digits = digits.slice(named ? 2 : 1);
  }
  const pattern = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) {
    return undefined;
  }
  const magnitude = BigInt(base === 10 ? digits : `0${{ 16: 'x', 8: 'o', 2: 'b' }[base]}${digits}`);
  const negative = text.startsWith('-');
  if (signed ? magnitude > (negative ? INT64_MAX + 1n : INT64_MAX) : magnitude > UINT64_MAX) {
    return undefined;
  }
  // Go's integers have no negative zero.
  const value = negative ? -Number(magnitude) || 0 : Number(magnitude);
  return { value, type: magnitude > INT64_MAX && !signed ? 'uint' : 'int' };
}

/** go-yaml's timestamp formats start with four digits and a dash. */
function isTimestamp(text: string): boolean {
  return /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]| )[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2})?)?$/.test(text);
}

/** How sigs.k8s.io/yaml turns a decoded key into a JSON key. */
function keyString(resolved: Resolved): string | undefined {
  switch (resolved.type) {
    case 'str':
      return resolved.value as string;
    case 'int':
      return String(resolved.value);
    case 'bool':
      return resolved.value ? 'true' : 'false';
    case 'float':
      return goFloat32Text(resolved.value as number);
    default:
      return undefined;
  }
}

/** `strconv.FormatFloat(v, 'g', -1, 32)`, with YAML's spellings of infinities and NaN. */
function goFloat32Text(value: number): string {
  const single = Math.fround(value);
  if (Number.isNaN(single)) {
    return '.nan';
  }
  if (!Number.isFinite(single)) {
    return single > 0 ? '.inf' : '-.inf';
  }
  if (single === 0) {
    return Object.is(single, -0) ? '-0' : '0';
  }
  // The fewest significant digits that read back as the same float32.
  let exponential = '';
  for (let precision = 1; precision <= 9; precision++) {
    exponential = single.toExponential(precision - 1);
    if (Math.fround(Number(exponential)) === single) {
      break;
    }
  }
  const [mantissa, exponentText] = exponential.split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) {
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}
