import {
  blocksCel, celErrors, dropNulls, duplicateErrors, FieldErrorType, pruneUnknownFields, SchemaNode, schemaErrors,
} from '../../src/validation/structural-schema';

const SCHEMA: SchemaNode = {
  type: 'object',
  required: ['spec'],
  properties: {
    spec: {
      type: 'object',
      required: ['size'],
      properties: {
        size: { type: 'integer', format: 'int32', minimum: 1, maximum: 10 },
        mode: { type: 'string', enum: ['a', 'b'] },
        tags: { type: 'array', maxItems: 2, set: true, items: { type: 'string', maxLength: 3, pattern: '^[a-z]+$' } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        pair: { type: 'object', minProperties: 1, maxProperties: 1, properties: { x: { type: 'string' }, y: { type: 'string' } } },
        range: {
          type: 'object',
          properties: { lo: { type: 'integer' }, hi: { type: 'integer' } },
          rules: [{ message: 'lo must be below hi', rule: 'R', holds: (self: any) => self.lo < self.hi }],
        },
      },
    },
  },
};

const lines = (errors: { field: string; message: string }[]) => errors.map((e) => `${e.field}: ${e.message}`);

test('pruning removes unknown fields and names them as the strict decoding error does', () => {
  const object = { apiVersion: 'v', kind: 'K', metadata: { any: 1 }, extra: 1, spec: { size: 1, foo: { bar: 1 }, tags: ['a'], labels: { k: { deep: 1 } }, pair: [{ x: 'a' }] } };
  expect(pruneUnknownFields(object, SCHEMA)).toEqual(['extra', 'spec.foo', 'spec.labels.k.deep', 'spec.pair[0].x']);
  expect(object).toEqual({ apiVersion: 'v', kind: 'K', metadata: { any: 1 }, spec: { size: 1, tags: ['a'], labels: { k: {} }, pair: [{}] } });
});

test('nulls in objects and maps are dropped, nulls in lists are kept', () => {
  const object = { spec: { size: null, mode: 'a', labels: { k: null }, tags: [null] } };
  dropNulls(object, SCHEMA);
  expect(object).toEqual({ spec: { mode: 'a', labels: {}, tags: [null] } });
});

test.each([
  [{ spec: {} }, ['spec.size: Required value']],
  [{ spec: { size: 'x' } }, ['spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"']],
  [{ spec: { size: true } }, ['spec.size: Invalid value: "": spec.size in body must be of type int32: ""']],
  [{ spec: { size: 2.5 } }, [
    'spec.size: Invalid value: "float64": spec.size in body must be of type int32: "float64"',
    ': Invalid value: "": Checked value must be of type integer with format int32 in spec.size',
  ]],
  [{ spec: { size: 2 ** 31 } }, [
    ': Invalid value: "": Checked value must be of type integer with format int32 in spec.size',
    'spec.size: Invalid value: 2147483648: spec.size in body should be less than or equal to 10',
  ]],
  [{ spec: { size: 0, mode: 1 } }, [
    'spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1',
    'spec.mode: Invalid value: "integer": spec.mode in body must be of type string: "integer"',
    'spec.mode: Unsupported value: 1: supported values: "a", "b"',
  ]],
  [{ spec: { size: 1, tags: ['abcd', 'A', 'c'] } }, [
    'spec.tags: Too many: 3: must have at most 2 items',
    'spec.tags[0]: Too long: may not be more than 3 bytes',
    'spec.tags[1]: Invalid value: "A": spec.tags[1] in body should match \'^[a-z]+$\'',
  ]],
  // maxLength counts characters: three of two bytes each fit.
  [{ spec: { size: 1, tags: ['ééé'] } }, ['spec.tags[0]: Invalid value: "ééé": spec.tags[0] in body should match \'^[a-z]+$\'']],
  [{ spec: { size: 1, pair: {} } }, ['spec.pair: Invalid value: 0: spec.pair in body should have at least 1 properties']],
  [{ spec: { size: 1, pair: { x: 'a', y: 'b' } } }, ['spec.pair: Too many: 2: must have at most 1 item']],
  [{ spec: { size: 1, labels: { k: 1 } } }, ['spec.labels.k: Invalid value: "integer": spec.labels.k in body must be of type string: "integer"']],
  [{ spec: { size: 1, tags: [null] } }, ['spec.tags[0]: Invalid value: "null": spec.tags[0] in body must be of type string: "null"']],
])('schemaErrors(%j)', (object, expected) => {
  expect(lines(schemaErrors(object, SCHEMA, ''))).toEqual(expected);
});

test('a set reports each repeated value once, where it first repeats', () => {
  const object = { spec: { size: 1, tags: ['a', 'b', 'a', 'a', 'b'] } };
  expect(lines(duplicateErrors(object, SCHEMA, ''))).toEqual(['spec.tags[2]: Duplicate value: "a"', 'spec.tags[4]: Duplicate value: "b"']);
});

test('CEL rules report at the object, without its value', () => {
  const errors = celErrors({ spec: { size: 1, range: { lo: 2, hi: 2 } } }, SCHEMA, '');
  expect(lines(errors)).toEqual(['spec.range: Invalid value: lo must be below hi']);
  expect(errors[0].rule).toBe('R');
  expect(celErrors({ spec: { size: 1, range: { lo: 1, hi: 2 } } }, SCHEMA, '')).toEqual([]);
});

test.each([
  [FieldErrorType.REQUIRED, true], [FieldErrorType.NOT_SUPPORTED, true], [FieldErrorType.TOO_LONG, true], [FieldErrorType.TOO_MANY, true],
  [FieldErrorType.TYPE_INVALID, true], [FieldErrorType.INVALID, false], [FieldErrorType.DUPLICATE, false],
])('an error of type %s blocks the CEL rules: %s', (type, blocks) => {
  expect(blocksCel(type)).toBe(blocks);
});
