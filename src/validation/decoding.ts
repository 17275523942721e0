/**
 * What the API server's decoder accepts for a networking.k8s.io/v1 NetworkPolicy: the JSON type of
 * every field and, under strict field validation (kubectl's default), no unknown or wrongly-cased
 * fields. The server stops at this stage with HTTP 400; the validator reports these findings
 * first and still runs the semantic checks on everything that decoded.
 */
import { error } from './field-errors';
import { ValidationFinding } from './finding';
import { RULE } from './rules';
import { asObject, isAbsent, isInt32 } from '../k8s/json-values';

/** A scalar Go type, a list, a struct with known fields, or a map of strings. */
type Shape = Scalar | ListShape | StructShape | 'stringMap' | 'anything';
type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'intOrString';
interface ListShape { readonly items: Shape }
interface StructShape { readonly fields: Readonly<Record<string, Shape>> }

const LABEL_SELECTOR: StructShape = {
  fields: {
    matchLabels: 'stringMap',
    matchExpressions: { items: { fields: { key: 'string', operator: 'string', values: { items: 'string' } } } },
  },
};

const PORT: StructShape = { fields: { protocol: 'string', port: 'intOrString', endPort: 'int32' } };

const PEER: StructShape = {
  fields: {
    podSelector: LABEL_SELECTOR,
    namespaceSelector: LABEL_SELECTOR,
    ipBlock: { fields: { cidr: 'string', except: { items: 'string' } } },
  },
};

const OBJECT_META: StructShape = {
  fields: {
    name: 'string',
    generateName: 'string',
    namespace: 'string',
    selfLink: 'string',
    uid: 'string',
    resourceVersion: 'string',
    generation: 'int64',
    creationTimestamp: 'string',
    deletionTimestamp: 'string',
    deletionGracePeriodSeconds: 'int64',
    labels: 'stringMap',
    annotations: 'stringMap',
    ownerReferences: {
      items: { fields: { apiVersion: 'string', kind: 'string', name: 'string', uid: 'string', controller: 'bool', blockOwnerDeletion: 'bool' } },
    },
    finalizers: { items: 'string' },
    managedFields: {
      items: {
        fields: {
          manager: 'string',
          operation: 'string',
          apiVersion: 'string',
          time: 'string',
          fieldsType: 'string',
          fieldsV1: 'anything',
          subresource: 'string',
        },
      },
    },
  },
};

/** The v1 object; `status` is absent on purpose (an unknown field since Kubernetes 1.28). */
const NETWORK_POLICY: StructShape = {
  fields: {
    apiVersion: 'string',
    kind: 'string',
    metadata: OBJECT_META,
    spec: {
      fields: {
        podSelector: LABEL_SELECTOR,
        ingress: { items: { fields: { ports: { items: PORT }, from: { items: PEER } } } },
        egress: { items: { fields: { ports: { items: PORT }, to: { items: PEER } } } },
        policyTypes: { items: 'string' },
      },
    },
  },
};

const EXPECTED: Readonly<Record<Scalar | 'stringMap' | 'list' | 'struct', { goType: string; expected: string }>> = {
  string: { goType: 'string', expected: 'a string' },
  int32: { goType: 'int32', expected: 'an integer (a JSON number without fraction, not a string)' },
  int64: { goType: 'int64', expected: 'an integer' },
  bool: { goType: 'bool', expected: 'true or false' },
  intOrString: { goType: 'int32', expected: 'an integer port number or a port name string' },
  stringMap: { goType: 'map[string]string', expected: 'an object whose values are strings' },
  list: { goType: 'array', expected: 'an array' },
  struct: { goType: 'struct', expected: 'an object' },
};

/** Type and unknown-field findings for a whole NetworkPolicy manifest, in document order. */
export function decodingFindings(manifest: unknown): ValidationFinding[] {
  return check(manifest, NETWORK_POLICY, '');
}

function check(value: unknown, shape: Shape, path: string): ValidationFinding[] {
  // null decodes to the zero value of any Go type; undefined is how JS spells an absent field.
  if (isAbsent(value) || shape === 'anything') return [];
  if (typeof shape === 'string') return checkScalar(value, shape, path);
  if ('items' in shape) {
    if (!Array.isArray(value)) return [typeError(value, 'list', path)];
    return value.flatMap((item, i) => check(item, shape.items, `${path}[${i}]`));
  }
  const object = asObject(value);
  if (!object) return [typeError(value, 'struct', path)];
  return Object.entries(object).flatMap(([name, child]) => {
    const childPath = path ? `${path}.${name}` : name;
    // Own fields only: a key named like a built-in (`constructor`, `__proto__`) is an unknown field.
    const childShape = Object.prototype.hasOwnProperty.call(shape.fields, name) ? shape.fields[name] : undefined;
    return childShape === undefined ? [unknownField(name, childPath, shape)] : check(child, childShape, childPath);
  });
}

function checkScalar(value: unknown, shape: Scalar | 'stringMap', path: string): ValidationFinding[] {
  switch (shape) {
    case 'string': return typeof value === 'string' ? [] : [typeError(value, shape, path)];
    case 'int32': return isInt32(value) ? [] : [typeError(value, shape, path)];
    case 'int64': return Number.isSafeInteger(value) ? [] : [typeError(value, shape, path)];
    case 'bool': return typeof value === 'boolean' ? [] : [typeError(value, shape, path)];
    case 'intOrString': return typeof value === 'string' || isInt32(value) ? [] : [typeError(value, shape, path)];
    case 'stringMap': {
      const map = asObject(value);
      if (!map) return [typeError(value, shape, path)];
      return Object.entries(map).flatMap(([key, item]) => check(item, 'string', `${path}[${key}]`));
    }
  }
}

function typeError(value: unknown, shape: keyof typeof EXPECTED, path: string): ValidationFinding {
  const { goType, expected } = EXPECTED[shape];
  return error(RULE.TYPE, path, `cannot unmarshal ${describe(value)} into Go value of type ${goType}: expected ${expected}`);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return `number ${value}`;
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function unknownField(name: string, path: string, parent: StructShape): ValidationFinding {
  const known = Object.keys(parent.fields);
  const sameIgnoringCase = known.find((field) => field.toLowerCase() === name.toLowerCase());
  const hint = sameIgnoringCase
    ? `field names are case-sensitive, did you mean "${sameIgnoringCase}"?`
    : `known fields here are ${known.map((field) => `"${field}"`).join(', ')}`;
  return error(RULE.UNKNOWN_FIELD, path, `unknown field "${name}": ${hint} (without strict field validation the server silently drops it)`);
}
