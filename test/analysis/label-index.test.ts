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

  test('selectInRanges finds the matches within the ranges that include() accepts, in order', () => {
    const ranges = fc.uniqueArray(fc.nat(31), { maxLength: 6 }).map((bounds) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      return sorted.flatMap((start, i) => (i % 2 === 0 && i + 1 < sorted.length ? [[start, sorted[i + 1]] as [number, number]] : []));
    });
    fc.assert(fc.property(fc.array(labels, { minLength: 32, maxLength: 32 }), selector, ranges, fc.boolean(), (items, json, within, evenOnly) => {
      const compiled = CompiledSelector.compile(json);
      const include = evenOnly ? (id: number) => id % 2 === 0 : undefined;
      const expected = items.map((l, i) => [l, i] as const)
        .filter(([l, i]) => compiled.matches(l) && within.some(([start, end]) => start <= i && i < end) && (!include || include(i)))
        .map(([, i]) => i);
      expect(new LabelIndex(items).selectInRanges(compiled, within, include)).toEqual(expected);
    }));
  });

  test('itemsMeeting holds exactly the items meeting one requirement', () => {
    fc.assert(fc.property(fc.array(labels, { maxLength: 40 }), expression, (items, json) => {
      const compiled = CompiledSelector.compile({ matchExpressions: [json] });
      const meeting = new LabelIndex(items).itemsMeeting(compiled.requirements[0]);
      items.forEach((l, i) => expect(meeting.has(i)).toBe(compiled.matches(l)));
    }));
  });

  test('candidates come from the smallest posting list', () => {
    const index = new LabelIndex([{ app: 'web' }, { app: 'web' }, { app: 'db' }, {}]);
    expect(index.candidateCount(CompiledSelector.compile({ matchLabels: { app: 'db' } }))).toBe(1);
    expect(index.candidateCount(CompiledSelector.compile({ matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'db'] }] }))).toBe(3);
    expect(index.candidateCount(CompiledSelector.compile({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }))).toBe(4);
  });
});
