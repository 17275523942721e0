/**
 * Findings shaped like the API server's field errors, so that `<field>: <message>` reads exactly
 * like kubectl's output. Values are rendered as JSON, as servers >= 1.34 do.
 */
import { FindingSeverity, ValidationFinding } from './finding';

/** `Invalid value: <value>: <detail>` */
export function invalid(rule: string, field: string, value: unknown, detail: string): ValidationFinding {
  return error(rule, field, `Invalid value: ${renderValue(value)}: ${detail}`);
}

/** `Required value[: <detail>]` */
export function required(rule: string, field: string, detail?: string): ValidationFinding {
  return error(rule, field, detail ? `Required value: ${detail}` : 'Required value');
}

/** `Forbidden: <detail>` */
export function forbidden(rule: string, field: string, detail: string): ValidationFinding {
  return error(rule, field, `Forbidden: ${detail}`);
}

/** `Unsupported value: <value>: supported values: "A", "B"` */
export function notSupported(rule: string, field: string, value: unknown, supported: readonly string[]): ValidationFinding {
  const choices = supported.map((choice) => JSON.stringify(choice)).join(', ');
  return error(rule, field, `Unsupported value: ${renderValue(value)}: supported values: ${choices}`);
}

/** `Too long: may not be more than <max> bytes` */
export function tooLong(rule: string, field: string, maxBytes: number): ValidationFinding {
  return error(rule, field, `Too long: may not be more than ${maxBytes} bytes`);
}

/** A finding the server would only warn about; the message is the warning text after the field path. */
export function warning(rule: string, field: string, message: string): ValidationFinding {
  return { field, message, severity: FindingSeverity.WARNING, rule };
}

/** A finding of any other shape that makes the server reject the object. */
export function error(rule: string, field: string, message: string): ValidationFinding {
  return { field, message, severity: FindingSeverity.ERROR, rule };
}

function renderValue(value: unknown): string {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
}
