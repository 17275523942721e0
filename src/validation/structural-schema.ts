/**
 * A custom resource's structural schema and what the API server does with it on create, in its
 * order: pruning of unknown fields (an error under strict field validation), dropping of JSON
 * nulls, the OpenAPI schema validator, `x-kubernetes-list-type: set` duplicates, and the CEL rules
 * (`x-kubernetes-validations`), which are skipped when an earlier error is of a blocking type.
 * Messages are the server's (apiextensions-apiserver and kube-openapi, Kubernetes 1.37).
 */
import { goValue, jsonKind, JsonKind } from './go-value';
import { asObject } from '../k8s/json-values';

/** The types of `field.Error`; the first five block the CEL rules. */
export enum FieldErrorType {
  REQUIRED = 'Required',
  NOT_SUPPORTED = 'NotSupported',
  TOO_LONG = 'TooLong',
  TOO_MANY = 'TooMany',
  TYPE_INVALID = 'TypeInvalid',
  INVALID = 'Invalid',
  DUPLICATE = 'Duplicate',
}

/** Whether an error of this type keeps the server from running the CEL rules. */
export function blocksCel(type: FieldErrorType): boolean {
  return [FieldErrorType.REQUIRED, FieldErrorType.NOT_SUPPORTED, FieldErrorType.TOO_LONG, FieldErrorType.TOO_MANY,
    FieldErrorType.TYPE_INVALID].includes(type);
}

/** The schema keyword an error comes from, so each can carry its own rule id. */
export enum SchemaConstraint {
  TYPE = 'type',
  FORMAT = 'format',
  REQUIRED = 'required',
  ENUM = 'enum',
  BOUNDS = 'minimum/maximum',
  ITEMS = 'minItems/maxItems',
  PROPERTIES = 'minProperties/maxProperties',
  LENGTH = 'maxLength',
  PATTERN = 'pattern',
  DUPLICATE = 'x-kubernetes-list-type',
  CEL = 'x-kubernetes-validations',
}

/** One error as the server reports it: `<field>: <message>`; the field is empty where the server prints `<nil>`. */
export interface SchemaError {
  readonly type: FieldErrorType;
  readonly constraint: SchemaConstraint;
  readonly field: string;
  readonly message: string;
  /** For CEL errors: the rule's own id. */
  readonly rule?: string;
}

/** An `x-kubernetes-validations` rule, written as a function of `self`. */
export interface CelRule {
  /** The rule's message, as the CRD states it. */
  readonly message: string;
  /** The id of the finding it produces. */
  readonly rule: string;
  /** Whether `self` (already valid against the schema) passes the rule. */
  holds(self: unknown): boolean;
}

/** A node of a structural schema, with the keywords the CRDs this library reads use. */
export interface SchemaNode {
  readonly type: 'object' | 'array' | 'string' | 'integer';
  readonly format?: 'int32';
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode;
  readonly required?: readonly string[];
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** `x-kubernetes-list-type: set`. */
  readonly set?: boolean;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly rules?: readonly CelRule[];
}

/** The fields the API server handles itself at the root of every object, outside the schema. */
const ROOT_META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Removes the fields the schema does not know, in place, and returns their paths as the strict
 * decoding error lists them (`spec.egress[0].to[0].nodes`). Inside an array item whose schema
 * has no item schema, or an object whose schema has no properties, every key is unknown.
 */
export function pruneUnknownFields(root: Record<string, unknown>, schema: SchemaNode): string[] {
  const unknown: string[] = [];
  const prune = (value: unknown, node: SchemaNode | undefined, path: string, isRoot: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => prune(item, node?.items, `${path}[${i}]`, false));
      return;
    }
    const object = asObject(value);
    if (!object) return;
    for (const key of Object.keys(object)) {
      if (isRoot && ROOT_META_FIELDS.has(key)) continue;
      const keyPath = childPath(path, key);
      const child = childSchema(node, key);
      if (child) {
        prune(object[key], child, keyPath, false);
      } else {
        unknown.push(keyPath);
        delete object[key];
      }
    }
  };
  prune(root, schema, '', true);
  return unknown;
}

/**
 * The schema of an object's field `key`: its own property, else `additionalProperties`. Own
 * properties only: a key named like a built-in (`constructor`, `__proto__`) is an unknown field.
 */
export function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  const properties = node?.properties;
  const own = properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
  return own ?? node?.additionalProperties;
}

/** Removes object fields whose value is JSON null, in place: the server treats them as absent. */
export function dropNulls(value: unknown, node: SchemaNode): void {
  if (Array.isArray(value)) {
    if (node.items) value.forEach((item) => dropNulls(item, node.items!));
    return;
  }
  const object = asObject(value);
  if (!object) return;
  for (const key of Object.keys(object)) {
    const child = childSchema(node, key);
    if (!child) continue;
    if (object[key] === null) delete object[key];
    else dropNulls(object[key], child);
  }
}

/** The OpenAPI schema validator's errors for `value` at `path` (kube-openapi's checks, in its order). */
export function schemaErrors(value: unknown, node: SchemaNode, path: string): SchemaError[] {
  const errors: SchemaError[] = [];
  const push = (type: FieldErrorType, constraint: SchemaConstraint, field: string, message: string): void => {
    errors.push({ type, constraint, field, message });
  };
  const kind = jsonKind(value);
  if (kind === 'null') {
    push(FieldErrorType.TYPE_INVALID, SchemaConstraint.TYPE, path, typeMessage(path, node.type, 'null'));
    return errors;
  }
  const expected = expectedType(node, kind);
  if (expected !== undefined) {
    push(FieldErrorType.TYPE_INVALID, SchemaConstraint.TYPE, path, typeMessage(path, expected, actualTypeName(node, kind)));
  }
  if (kind === 'string') {
    const text = value as string;
    if (node.maxLength !== undefined && [...text].length > node.maxLength) {
      push(FieldErrorType.TOO_LONG, SchemaConstraint.LENGTH, path, `Too long: may not be more than ${node.maxLength} bytes`);
    }
    if (node.pattern !== undefined && !new RegExp(node.pattern).test(text)) {
      push(FieldErrorType.INVALID, SchemaConstraint.PATTERN, path,
        `Invalid value: ${goValue(text)}: ${path} in body should match '${node.pattern}'`);
    }
  }
  if (kind === 'integer' || kind === 'number') {
    const number = value as number;
    if (node.format === 'int32' && !(kind === 'integer' && number >= -(2 ** 31) && number < 2 ** 31)) {
      push(FieldErrorType.INVALID, SchemaConstraint.FORMAT, '', `Invalid value: "": Checked value must be of type integer with format int32 in ${path}`);
    }
    if (node.minimum !== undefined && number < node.minimum) {
      push(FieldErrorType.INVALID, SchemaConstraint.BOUNDS, path,
        `Invalid value: ${goValue(number)}: ${path} in body should be greater than or equal to ${node.minimum}`);
    }
    if (node.maximum !== undefined && number > node.maximum) {
      push(FieldErrorType.INVALID, SchemaConstraint.BOUNDS, path,
        `Invalid value: ${goValue(number)}: ${path} in body should be less than or equal to ${node.maximum}`);
    }
  }
  if (kind === 'array') {
    const items = value as unknown[];
    if (node.minItems !== undefined && items.length < node.minItems) {
      push(FieldErrorType.INVALID, SchemaConstraint.ITEMS, path,
        `Invalid value: ${items.length}: ${path} in body should have at least ${node.minItems} items`);
    }
    if (node.maxItems !== undefined && items.length > node.maxItems) {
      push(FieldErrorType.TOO_MANY, SchemaConstraint.ITEMS, path, tooMany(items.length, node.maxItems));
    }
    if (node.items) {
      items.forEach((item, i) => errors.push(...schemaErrors(item, node.items!, `${path}[${i}]`)));
    }
  }
  if (node.enum !== undefined && !(kind === 'string' && node.enum.includes(value as string))) {
    push(FieldErrorType.NOT_SUPPORTED, SchemaConstraint.ENUM, path,
      `Unsupported value: ${goValue(value)}: supported values: ${node.enum.map((choice) => JSON.stringify(choice)).join(', ')}`);
  }
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    const count = Object.keys(object).length;
    if (node.maxProperties !== undefined && count > node.maxProperties) {
      push(FieldErrorType.TOO_MANY, SchemaConstraint.PROPERTIES, path, tooMany(count, node.maxProperties));
    }
    if (node.minProperties !== undefined && count < node.minProperties) {
      push(FieldErrorType.INVALID, SchemaConstraint.PROPERTIES, path,
        `Invalid value: ${count}: ${path} in body should have at least ${node.minProperties} properties`);
    }
    for (const key of node.required ?? []) {
      if (!(key in object)) push(FieldErrorType.REQUIRED, SchemaConstraint.REQUIRED, childPath(path, key), 'Required value');
    }
    for (const [key, child] of Object.entries(object)) {
      const childNode = childSchema(node, key);
      if (childNode) errors.push(...schemaErrors(child, childNode, childPath(path, key)));
    }
  }
  return errors;
}

/**
 * `x-kubernetes-list-type: set` duplicates: each repeated value once, at the index where it
 * first repeats.
 */
export function duplicateErrors(value: unknown, node: SchemaNode, path: string): SchemaError[] {
  const errors: SchemaError[] = [];
  if (Array.isArray(value) && node.set) {
    const seen = new Set<string>();
    const reported = new Set<string>();
    value.forEach((item, i) => {
      const key = JSON.stringify(item);
      if (seen.has(key) && !reported.has(key)) {
        reported.add(key);
        errors.push({ type: FieldErrorType.DUPLICATE, constraint: SchemaConstraint.DUPLICATE, field: `${path}[${i}]`, message: `Duplicate value: ${goValue(item)}` });
      }
      seen.add(key);
    });
  }
  forEachChild(value, node, path, (child, childNode, at) => errors.push(...duplicateErrors(child, childNode, at)));
  return errors;
}

/**
 * The errors of the CEL rules, on a value with no blocking schema error (so every value has its
 * schema's type). A rule on a string shows the value; a rule on an object does not.
 */
export function celErrors(value: unknown, node: SchemaNode, path: string): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const rule of node.rules ?? []) {
    if (!rule.holds(value)) {
      const shown = node.type === 'string' ? `${goValue(value)}: ` : '';
      errors.push({ type: FieldErrorType.INVALID, constraint: SchemaConstraint.CEL, field: path, message: `Invalid value: ${shown}${rule.message}`, rule: rule.rule });
    }
  }
  forEachChild(value, node, path, (child, childNode, at) => errors.push(...celErrors(child, childNode, at)));
  return errors;
}

/** Calls `visit` on each item of a list, or each field of an object, that the schema describes. */
function forEachChild(value: unknown, node: SchemaNode, path: string, visit: (child: unknown, childNode: SchemaNode, at: string) => void): void {
  if (Array.isArray(value)) {
    if (node.items) value.forEach((item, i) => visit(item, node.items!, `${path}[${i}]`));
    return;
  }
  for (const [key, child] of Object.entries(asObject(value) ?? {})) {
    const childNode = childSchema(node, key);
    if (childNode) visit(child, childNode, childPath(path, key));
  }
}

/** The cause the server adds when a blocking error kept it from running the CEL rules. */
export const CEL_SKIPPED_MESSAGE = 'Invalid value: null: some validation rules were not checked because the object was invalid; '
  + 'correct the existing errors to complete validation';

function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** `field.TooMany`: "item" when at most one is allowed. */
function tooMany(count: number, max: number): string {
  return `Too many: ${count}: must have at most ${max} ${max === 1 ? 'item' : 'items'}`;
}

function typeMessage(path: string, expected: string, actual: string): string {
  return `Invalid value: ${JSON.stringify(actual)}: ${path} in body must be of type ${expected}: ${JSON.stringify(actual)}`;
}

/**
 * The type the value should have had, or undefined when it has it. A formatted integer field
 * names its format when given a float, a boolean or an object (kube-openapi checks the format
 * first for values that are neither strings nor arrays).
 */
function expectedType(node: SchemaNode, kind: JsonKind): string | undefined {
  if (node.format !== undefined && kind !== 'string' && kind !== 'array' && kind !== 'integer') {
    return node.format;
  }
  // kube-openapi also takes an integral float64 within ±2^53 as an integer; JSON decoding in
  // JavaScript gives such a value kind `integer` already.
  return node.type === kind ? undefined : node.type;
}

/** The type name shown: kube-openapi shows a Go format for numbers (`float64`) and none for booleans and objects against a format. */
function actualTypeName(node: SchemaNode, kind: JsonKind): string {
  if (node.format !== undefined && kind !== 'string' && kind !== 'array' && kind !== 'integer') {
    return kind === 'number' ? 'float64' : '';
  }
  return kind;
}
