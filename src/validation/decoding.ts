/**
 * What happens to a NetworkPolicy's JSON before validation, as Go's decoders do it:
 *
 * - kubectl decodes `metadata` into ObjectMeta before sending (types and timestamps, unknown fields
 *   ignored), and stops at its first error;
 * - the API server decodes the whole object, strictly (kubectl asks for strict field validation).
 *   It reports the first type error (an error raised by a custom decoder, e.g. a port or a timestamp,
 *   ends decoding and wins over an earlier one); only when there is none does it report the unknown
 *   fields, every one of them up to 100.
 *
 * kubectl sends the object with its keys sorted, so keys are visited in Go's sorted order, and Go's
 * messages name the innermost struct and the JSON field names without list indexes.
 */
import { stageError } from './field-errors';
import { ValidationFinding, ValidationStage } from './finding';
import { rfc3339Error } from './rfc3339';
import { RULE } from './rules';
import { compareGoStrings, goQuote } from '../k8s/go-text';
import { asObject } from '../k8s/json-values';

/** A Go type that the standard decoder fills, and that messages name. */
type NamedType =
  | { readonly kind: 'string'; readonly name: string }
  | { readonly kind: 'int'; readonly name: 'int32' | 'int64' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'slice'; readonly items: NamedType }
  | { readonly kind: 'map'; readonly items: NamedType }
  | { readonly kind: 'struct'; readonly name: string; readonly fields: Readonly<Record<string, GoType>> };

/** A Go type, as far as decoding JSON into it is concerned. */
type GoType =
  | NamedType
  // intstr.IntOrString and metav1.Time decode themselves; their errors end decoding.
  | { readonly kind: 'intOrString' }
  | { readonly kind: 'time' }
  // metav1.FieldsV1 keeps any JSON.
  | { readonly kind: 'raw' };

const STRING: NamedType = { kind: 'string', name: 'string' };
const INT32: NamedType = { kind: 'int', name: 'int32' };
const INT64: NamedType = { kind: 'int', name: 'int64' };
const BOOL: NamedType = { kind: 'bool' };
const UID: NamedType = { kind: 'string', name: 'types.UID' };
const STRINGS: NamedType = { kind: 'slice', items: STRING };
const STRING_MAP: NamedType = { kind: 'map', items: STRING };

const LABEL_SELECTOR: NamedType = {
  kind: 'struct',
  name: 'v1.LabelSelector',
  fields: {
    matchLabels: STRING_MAP,
    matchExpressions: {
      kind: 'slice',
      items: {
        kind: 'struct',
        name: 'v1.LabelSelectorRequirement',
        fields: { key: STRING, operator: { kind: 'string', name: 'v1.LabelSelectorOperator' }, values: STRINGS },
      },
    },
  },
};

const PORTS: NamedType = {
  kind: 'slice',
  items: {
    kind: 'struct',
    name: 'v1.NetworkPolicyPort',
    fields: { protocol: { kind: 'string', name: 'v1.Protocol' }, port: { kind: 'intOrString' }, endPort: INT32 },
  },
};

const PEERS: NamedType = {
  kind: 'slice',
  items: {
    kind: 'struct',
    name: 'v1.NetworkPolicyPeer',
    fields: {
      podSelector: LABEL_SELECTOR,
      namespaceSelector: LABEL_SELECTOR,
      ipBlock: { kind: 'struct', name: 'v1.IPBlock', fields: { cidr: STRING, except: STRINGS } },
    },
  },
};

const OBJECT_META: GoType = {
  kind: 'struct',
  name: 'v1.ObjectMeta',
  fields: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: UID,
    resourceVersion: STRING,
    generation: INT64,
    creationTimestamp: { kind: 'time' },
    deletionTimestamp: { kind: 'time' },
    deletionGracePeriodSeconds: INT64,
    labels: STRING_MAP,
    annotations: STRING_MAP,
    ownerReferences: {
      kind: 'slice',
      items: {
        kind: 'struct',
        name: 'v1.OwnerReference',
        fields: { apiVersion: STRING, kind: STRING, name: STRING, uid: UID, controller: BOOL, blockOwnerDeletion: BOOL },
      },
    },
    finalizers: STRINGS,
    managedFields: {
      kind: 'slice',
      items: {
        kind: 'struct',
        name: 'v1.ManagedFieldsEntry',
        fields: {
          manager: STRING,
          operation: { kind: 'string', name: 'v1.ManagedFieldsOperationType' },
          apiVersion: STRING,
          time: { kind: 'time' },
          fieldsType: STRING,
          fieldsV1: { kind: 'raw' },
          subresource: STRING,
        },
      },
    },
  },
};

/** The v1 object; `status` is absent on purpose (an unknown field since Kubernetes 1.28). */
const NETWORK_POLICY: GoType = {
  kind: 'struct',
  name: 'v1.NetworkPolicy',
  fields: {
    apiVersion: STRING,
    kind: STRING,
    metadata: OBJECT_META,
    spec: {
      kind: 'struct',
      name: 'v1.NetworkPolicySpec',
      fields: {
        podSelector: LABEL_SELECTOR,
        ingress: { kind: 'slice', items: { kind: 'struct', name: 'v1.NetworkPolicyIngressRule', fields: { ports: PORTS, from: PEERS } } },
        egress: { kind: 'slice', items: { kind: 'struct', name: 'v1.NetworkPolicyEgressRule', fields: { ports: PORTS, to: PEERS } } },
        policyTypes: { kind: 'slice', items: { kind: 'string', name: 'v1.PolicyType' } },
      },
    },
  },
};

/** What kubectl decodes before sending: the metadata, into ObjectMeta. */
const METADATA_ONLY: GoType = { kind: 'struct', name: 'resource.metadataOnlyObject', fields: { metadata: OBJECT_META } };

/** kubectl's findings: `metadata` that does not decode. The first one is what kubectl reports. */
export function clientDecodingFindings(manifest: Record<string, unknown>): ValidationFinding[] {
  const state = walk({ metadata: manifest.metadata }, METADATA_ONLY, { strict: false, skipTypesUnder: [] });
  return typeErrorFindings(state, ValidationStage.CLIENT);
}

/**
 * The `metadata` of a custom resource: what kubectl cannot decode into ObjectMeta (it reports the
 * first type error), then the fields ObjectMeta does not have, which the server's strict decoding
 * refuses.
 */
export function objectMetaDecodingFindings(metadata: unknown): ValidationFinding[] {
  const state = walk({ metadata }, METADATA_ONLY, { strict: true, skipTypesUnder: [] });
  return [...typeErrorFindings(state, ValidationStage.CLIENT), ...unknownFieldFindings(state)];
}

/**
 * The server's findings: type errors outside `apiVersion`, `kind` and `metadata` (kubectl reports
 * those), then unknown fields.
 * The first type error is the one the server reports; with none, it reports every unknown field.
 */
export function serverDecodingFindings(manifest: Record<string, unknown>): ValidationFinding[] {
  const state = walk(manifest, NETWORK_POLICY, { strict: true, skipTypesUnder: ['apiVersion', 'kind', 'metadata'] });
  return [...typeErrorFindings(state, ValidationStage.DECODE), ...unknownFieldFindings(state)];
}

function unknownFieldFindings(state: WalkState): ValidationFinding[] {
  return state.unknownFields.map((path) =>
    stageError(ValidationStage.DECODE, RULE.UNKNOWN_FIELD, path, `strict decoding error: unknown field ${goQuote(path)}`));
}

interface TypeError {
  readonly field: string;
  readonly message: string;
  /** Raised by a custom decoder (a port, a timestamp): decoding stops there. */
  readonly ends: boolean;
  readonly rule: string;
}

interface WalkState {
  readonly typeErrors: TypeError[];
  readonly unknownFields: string[];
}

interface WalkOptions {
  readonly strict: boolean;
  /** Top-level fields whose type errors another stage reports. */
  readonly skipTypesUnder: readonly string[];
}

/** Where the decoder is: Go's error context (innermost struct, JSON names) and the full path. */
interface Position {
  readonly struct: string;
  readonly names: readonly string[];
  readonly path: string;
}

const MAX_STRICT_ERRORS = 100;

function walk(root: Record<string, unknown>, type: GoType, options: WalkOptions): WalkState {
  const state: WalkState = { typeErrors: [], unknownFields: [] };
  decode(root, type, { struct: '', names: [], path: '' }, state, options);
  return state;
}

// Go reports the error that ended decoding, or else the first one it saved.
function typeErrorFindings(state: WalkState, stage: ValidationStage): ValidationFinding[] {
  const winner = state.typeErrors.find((e) => e.ends) ?? state.typeErrors[0];
  const ordered = winner ? [winner, ...state.typeErrors.filter((e) => e !== winner)] : [];
  return ordered.map((e) => stageError(stage, e.rule, e.field, e.message));
}

function decode(value: unknown, type: GoType, at: Position, state: WalkState, options: WalkOptions): void {
  // null decodes to the zero value of any Go type; undefined is how JS spells an absent field.
  if (value === undefined || value === null || type.kind === 'raw') return;
  const typeError = (got: string, typeName: string, ends = false, rule: string = RULE.TYPE) => {
    if (options.skipTypesUnder.includes(at.names[0])) return;
    const message = `json: cannot unmarshal ${got} into Go struct field ${at.struct}.${at.names.join('.')} of type ${typeName}`;
    state.typeErrors.push({ field: at.path, message, ends, rule });
  };
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string') typeError(jsonKind(value), type.name);
      return;
    case 'bool':
      if (typeof value !== 'boolean') typeError(jsonKind(value), 'bool');
      return;
    case 'int':
      if (!fitsInt(value, type.name)) typeError(jsonKind(value, true), type.name);
      return;
    case 'intOrString':
      if (typeof value !== 'string' && !fitsInt(value, 'int32')) typeError(jsonKind(value, true), 'int32', true);
      return;
    case 'time':
      decodeTime(value, at, state, options, typeError);
      return;
    case 'slice':
      if (!Array.isArray(value)) {
        typeError(jsonKind(value), goTypeName(type));
        return;
      }
      value.forEach((item, i) => decode(item, type.items, { ...at, path: `${at.path}[${i}]` }, state, options));
      return;
    case 'map':
    case 'struct': {
      const object = asObject(value);
      if (!object) {
        typeError(jsonKind(value), goTypeName(type));
        return;
      }
      for (const key of Object.keys(object).sort(compareGoStrings)) {
        if (type.kind === 'map') {
          decode(object[key], type.items, { ...at, path: `${at.path}[${key}]` }, state, options);
          continue;
        }
        const path = at.path ? `${at.path}.${key}` : key;
        // Own fields only: a key named like a built-in (`constructor`, `__proto__`) is an unknown field.
        const field = Object.prototype.hasOwnProperty.call(type.fields, key) ? type.fields[key] : undefined;
        if (field !== undefined) {
          decode(object[key], field, { struct: type.name.split('.').pop()!, names: [...at.names, key], path }, state, options);
        } else if (options.strict && state.unknownFields.length < MAX_STRICT_ERRORS) {
          state.unknownFields.push(path);
        }
      }
      return;
    }
  }
}

function decodeTime(value: unknown, at: Position, state: WalkState, options: WalkOptions,
  typeError: (got: string, typeName: string, ends?: boolean, rule?: string) => void): void {
  if (typeof value !== 'string') {
    typeError(jsonKind(value), 'string', true);
    return;
  }
  const problem = rfc3339Error(value);
  if (problem === undefined || options.skipTypesUnder.includes(at.names[0])) return;
  state.typeErrors.push({ field: at.path, message: problem, ends: true, rule: RULE.TIMESTAMP });
}

function fitsInt(value: unknown, name: 'int32' | 'int64'): boolean {
  if (typeof value !== 'number' || !Number.isInteger(value)) return false;
  const bits = name === 'int32' ? 31 : 63;
  return value >= -(2 ** bits) && value < 2 ** bits;
}

/** How Go names a JSON value in a type error; numbers show their text where an integer was expected. */
function jsonKind(value: unknown, showNumber = false): string {
  if (typeof value === 'number') return showNumber ? `number ${String(value)}` : 'number';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'array' : 'object';
}

function goTypeName(type: NamedType): string {
  switch (type.kind) {
    case 'slice': return `[]${goTypeName(type.items)}`;
    case 'map': return `map[string]${goTypeName(type.items)}`;
    case 'bool': return 'bool';
    default: return type.name;
  }
}
