/**
 * Loose reads of manifest JSON for the semantic checks. Type mismatches are reported once by the
 * decoding check, so these readers return undefined for a wrong type and the semantic checks skip it.
 * JSON null decodes to Go's zero value, so null reads as absent, as an empty object or as "".
 */

/** A JSON object as a record. */
export type JsonObject = Record<string, unknown>;

/** True for undefined and null: the field is absent for the API server. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** A plain object, or undefined for anything else (null included). */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as JsonObject : undefined;
}

/** An array, or undefined for anything else. */
export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** An object field or array item of a struct type: null is the zero struct. */
export function asStruct(value: unknown): JsonObject | undefined {
  return value === null ? {} : asObject(value);
}

/** A string field or item: absent and null are "", as in Go. */
export function asString(value: unknown): string | undefined {
  if (isAbsent(value)) return '';
  return typeof value === 'string' ? value : undefined;
}

/** An int32 field: an integer that fits 32 bits, or undefined. */
export function asInt32(value: unknown): number | undefined {
  return isInt32(value) ? value : undefined;
}

/** Whether the value is a JSON number that Go decodes into an int32. */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}
