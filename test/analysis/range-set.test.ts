import * as fc from 'fast-check';
import { RangeSet } from '../../src/analysis/range-set';

// Small universe, so sets can be compared with plain JS sets.
const UNIVERSE = 40;
const rangeSet = fc.array(fc.tuple(fc.nat(UNIVERSE - 1), fc.nat(5)), { maxLength: 4 })
  .map((ranges) => RangeSet.fromRanges(ranges.map(([first, length]) => ({ first: BigInt(first), last: BigInt(first + length) }))));
const asSet = (set: RangeSet) => new Set([...Array(UNIVERSE + 6).keys()].filter((v) => set.contains(BigInt(v))));

describe('RangeSet', () => {
  test('union, intersect and subtract agree with plain sets', () => {
    fc.assert(fc.property(rangeSet, rangeSet, (a, b) => {
      const x = asSet(a);
      const y = asSet(b);
      expect(asSet(a.union(b))).toEqual(new Set([...x, ...y]));
      expect(asSet(a.intersect(b))).toEqual(new Set([...x].filter((v) => y.has(v))));
      expect(asSet(a.subtract(b))).toEqual(new Set([...x].filter((v) => !y.has(v))));
    }));
  });

  test('the form is canonical: equal sets have equal text', () => {
    fc.assert(fc.property(rangeSet, rangeSet, (a, b) => {
      expect(a.equals(b)).toBe(JSON.stringify([...asSet(a)]) === JSON.stringify([...asSet(b)]));
    }));
  });

  test('adjacent ranges merge; reversed bounds are empty', () => {
    expect(RangeSet.fromRanges([{ first: 5n, last: 9n }, { first: 1n, last: 4n }]).toString()).toBe('1-9');
    expect(RangeSet.of(3n, 3n).toString()).toBe('3');
    expect(RangeSet.of(3n, 2n).isEmpty()).toBe(true);
    expect(RangeSet.of(0n, 10n).subtract(RangeSet.of(0n, 10n)).isEmpty()).toBe(true);
  });
});
