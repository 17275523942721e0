import { jsonShapeProblem } from '../../src/k8s/json-shape';
import { MAX_DEPTH } from '../../src/k8s/parsed-document';

/** `{ a: { a: ... } }` with `depth` objects. */
function nested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

describe('jsonShapeProblem', () => {
  const cycle: any = { spec: { rules: [{ name: 'r' }] } };
  cycle.spec.rules[0].back = cycle.spec;
  const self: any = { a: 1 };
  self.me = self;
  const shared = { x: 1 };

  test.each([
    ['a JSON document', { spec: { a: [1, 'b', null, { c: true }] } }, undefined],
    ['an object referenced twice, not within itself', { a: shared, b: [shared, shared] }, undefined],
    ['scalars', 'text', undefined],
    ['a cycle through a list', cycle, { field: 'spec.rules[0].back', message: 'refers back to spec, which holds it (a cycle): JSON cannot write it' }],
    ['an object holding itself', self, { field: 'me', message: 'refers back to the object itself, which holds it (a cycle): JSON cannot write it' }],
    [`${MAX_DEPTH} levels`, nested(MAX_DEPTH), undefined],
    [`${MAX_DEPTH + 1} levels`, nested(MAX_DEPTH + 1), { field: `a${'.a'.repeat(MAX_DEPTH - 1)}`, message: `nested deeper than ${MAX_DEPTH} levels, which no Kubernetes object needs` }],
  ])('%s', (_, value, problem) => {
    expect(jsonShapeProblem(value)).toEqual(problem);
  });

  test('walks without recursion: 100,000 levels and 200,000 keys', () => {
    expect(jsonShapeProblem(nested(100_000))?.message).toMatch(/nested deeper than/);
    expect(jsonShapeProblem(Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, [i]])))).toBeUndefined();
  });
});
