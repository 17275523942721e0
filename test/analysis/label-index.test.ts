import * as fc from 'fast-check';
import { CompiledSelector } from '../../src/analysis/compiled-selector';
import { LabelIndex } from '../../src/analysis/label-index';

const KEYS = ['a', 'b', 'c'];
const VALUES = ['1', '2', '3'];
const labels = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 3 });
const expression = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1 }) }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const selector = fc.record({ matchLabels: labels, matchExpressions: fc.array(expression, { maxLength: 3 }) }, { requiredKeys: [] });

describe('LabelIndex', () => {
  test('select finds exactly the items the selector matches, in order', () => {
    fc.assert(fc.property(fc.array(labels, { maxLength: 30 }), selector, (items, json) => {
      const compiled = CompiledSelector.compile(json);
      const expected = items.map((l, i) => [l, i] as const).filter(([l]) => compiled.matches(l)).map(([, i]) => i);
      const index = new LabelIndex(items);
      expect(index.select(compiled)).toEqual(expected);
      expect(index.candidateCount(compiled)).toBeGreaterThanOrEqual(expected.length);
    }));
  });

  test('candidates come from the smallest posting list', () => {
    const index = new LabelIndex([{ app: 'web' }, { app: 'web' }, { app: 'db' }, {}]);
    expect(index.candidateCount(CompiledSelector.compile({ matchLabels: { app: 'db' } }))).toBe(1);
    expect(index.candidateCount(CompiledSelector.compile({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'db'] }] }))).toBe(3);
    expect(index.candidateCount(CompiledSelector.compile({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }))).toBe(4);
  });
});
