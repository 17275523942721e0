/**
 * JSON values as the API server sees and prints them. The server decodes a custom resource into
 * Go values (a JSON number becomes an int64 when it is an integer that fits, a float64 otherwise)
 * and its field errors print simple values with `%v` or `%q` and the rest as JSON.
 */

/** The JSON type names the OpenAPI validator uses for a decoded value. */
export type JsonKind = 'null' | 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

const INT64_LIMIT = 2 ** 63;

/** The kind of a decoded JSON value; `integer` is Go's int64, `number` its float64. */
export function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string': return 'string';
    case 'boolean': return 'boolean';
    case 'number': return Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT ? 'integer' : 'number';
    default: return 'object';
  }
}

/** A value as a field error prints it: numbers and booleans with `%v`, strings with `%q`, the rest as Go's JSON. */
export function goValue(value: unknown): string {
  switch (jsonKind(value)) {
    case 'integer': return String(value);
    case 'number': return goFloat(value as number);
    case 'boolean': return String(value);
    case 'string': return JSON.stringify(value);
    default: return goJson(value);
  }
}

/**
 * A float64 as Go's `%v` prints it: the shortest digits, in exponent form when the exponent is
 * below -4 or at least 6 (`1e+06`, `1.5`, `1e-05`).
 */
export function goFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) return String(value);
  const digits = String(Math.abs(exponent)).padStart(2, '0');
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
}

/** Go's `json.Marshal` of a decoded value: object keys sorted, `<`, `>` and `&` escaped. */
export function goJson(value: unknown): string {
  const sorted = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sorted);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.keys(item).sort().map((key) => [key, sorted((item as Record<string, unknown>)[key])]));
    }
    return item;
  };
  return (JSON.stringify(sorted(value)) ?? 'null')
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
