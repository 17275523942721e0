/**
 * Findings shaped like the API server's field errors, so that `<field>: <message>` reads exactly
 * like kubectl's output. Values print as Go prints them: strings with `%q`, numbers and booleans
 * as they are, and anything else (lists, objects, and strings of a named Go type such as a
 * protocol) as Go's JSON.
 */
import { FindingSeverity, ValidationFinding, ValidationStage } from './finding';
import { goJson, goQuote } from '../k8s/go-text';

/** A value of a Go named type (a list, a struct, `Protocol`, `PolicyType`...), which prints as JSON. */
export class JsonValue {
  public constructor(public readonly value: unknown) {}
}

/** A value the server shows in an error: a plain string, number or boolean, or a `JsonValue`. */
export type ShownValue = string | number | boolean | JsonValue;

/** `Invalid value: <value>: <detail>` */
export function invalid(rule: string, field: string, value: ShownValue, detail: string): ValidationFinding {
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

/** `Unsupported value: <value>: supported values: "A", "B"`; the value is of a named string type, so it prints as JSON. */
export function notSupported(rule: string, field: string, value: string, supported: readonly string[]): ValidationFinding {
  const choices = supported.map(goQuote).join(', ');
  return error(rule, field, `Unsupported value: ${goJson(value)}: supported values: ${choices}`);
}

/** `Too long: may not be more than <max> bytes` */
export function tooLong(rule: string, field: string, maxBytes: number): ValidationFinding {
  return error(rule, field, `Too long: may not be more than ${maxBytes} bytes`);
}

/** A finding the server would only warn about; the message is the warning text after the field path. */
export function warning(rule: string, field: string, message: string): ValidationFinding {
  return { field, message, severity: FindingSeverity.WARNING, rule, stage: ValidationStage.VALIDATE };
}

/** A validation error of any other shape. */
export function error(rule: string, field: string, message: string): ValidationFinding {
  return stageError(ValidationStage.VALIDATE, rule, field, message);
}

/** An error found before validation, by kubectl or by the server's decoder. */
export function stageError(stage: ValidationStage, rule: string, field: string, message: string): ValidationFinding {
  return { field, message, severity: FindingSeverity.ERROR, rule, stage };
}

function renderValue(value: ShownValue): string {
  if (value instanceof JsonValue) return goJson(value.value);
  return typeof value === 'string' ? goQuote(value) : String(value);
}
