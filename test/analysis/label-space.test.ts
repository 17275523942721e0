import * as fc from 'fast-check';
import { CompiledSelector, Labels } from '../../src/analysis/compiled-selector';
import { complementOf, intersectSpaces, LabelSpace, someLabelsEscaping, spaceOf } from '../../src/analysis/label-space';

const KEYS = ['app', 'tier'];
const VALUES = ['a', 'b'];

const expression = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }) }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const selector = fc.record({ matchExpressions: fc.array(expression, { maxLength: 3 }) }).map((json) => CompiledSelector.compile(json));

/** Every label map over the keys with each key absent, one of the values, or another value: enough to tell the spaces apart. */
const MAPS: Labels[] = KEYS.reduce<Record<string, string>[]>((maps, key) =>
  maps.flatMap((m) => [m, ...[...VALUES, 'other'].map((v) => ({ ...m, [key]: v }))]), [{}]);

function contains(space: LabelSpace, labels: Labels): boolean {
  return [...space].every(([key, allowed]) => (labels[key] === undefined ? allowed.absent : allowed.cofinite !== allowed.values.has(labels[key])));
}

describe('label spaces', () => {
  test('a selector\'s space holds exactly the maps it matches; its complement, the others', () => {
    fc.assert(fc.property(selector, (s) => {
      const space = spaceOf(s.requirements);
      for (const labels of MAPS) {
        expect(space !== undefined && contains(space, labels)).toBe(s.matches(labels));
        expect(complementOf(s.requirements).some((alternative) => contains(alternative, labels))).toBe(!s.matches(labels));
      }
    }));
  });

  test('intersection holds the maps both hold, and is undefined when none', () => {
    fc.assert(fc.property(selector, selector, (a, b) => {
      const both = intersectSpaces(spaceOf(a.requirements) ?? new Map(), spaceOf(b.requirements) ?? new Map());
      const expected = MAPS.filter((m) => (spaceOf(a.requirements) ? a.matches(m) : true) && (spaceOf(b.requirements) ? b.matches(m) : true));
      expect(both === undefined ? [] : MAPS.filter((m) => contains(both, m))).toEqual(expected);
    }));
  });

  test('someLabelsEscaping: some map in the space that no avoided selector matches', () => {
    fc.assert(fc.property(selector, fc.array(selector, { maxLength: 3 }), (base, avoided) => {
      const space = spaceOf(base.requirements);
      fc.pre(space !== undefined);
      const expected = MAPS.some((m) => base.matches(m) && avoided.every((s) => !s.matches(m)));
      expect(someLabelsEscaping(space!, avoided.map((s) => complementOf(s.requirements)))).toBe(expected);
    }));
  });

  test.each([
    ['a twin of the selector', { matchLabels: { app: 'x' } }],
    ['a selector of every map', {}],
  ])('someLabelsEscaping: %s after many two-label selectors is answered without trying their combinations', (_, last) => {
    const space = spaceOf(CompiledSelector.compile({ matchLabels: { app: 'x' } }).requirements)!;
    const many = Array.from({ length: 60 }, (__, i) => CompiledSelector.compile({ matchLabels: { [`k${i}`]: 'a', [`j${i}`]: 'b' } }));
    const avoided = [...many, CompiledSelector.compile(last)].map((s) => complementOf(s.requirements));
    expect(someLabelsEscaping(space, avoided)).toBe(false);
    expect(someLabelsEscaping(space, avoided.slice(0, -1))).toBe(true);
  });

  test('a contradiction is no space', () => {
    expect(spaceOf(CompiledSelector.compile({ matchLabels: { app: 'a' }, matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] }).requirements)).toBeUndefined();
    expect(spaceOf(CompiledSelector.compile({ matchExpressions: [{ key: 'app', operator: 'Exists' }, { key: 'app', operator: 'DoesNotExist' }] }).requirements)).toBeUndefined();
  });
});
