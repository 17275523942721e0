import * as fc from 'fast-check';
import { countMutualPairs, transpose32 } from '../../bench/pair-count';
import { Bitset } from '../../src/analysis/bitset';
import { runs } from '../property-runs';

const members = (size: number) => fc.uniqueArray(fc.nat(size - 1), { maxLength: size });

describe('transpose32', () => {
  test('bit j of word i becomes bit i of word j', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 32, maxLength: 32 }), (words) => {
      const block = Uint32Array.from(words);
      transpose32(block);
      for (let i = 0; i < 32; i++) {
        for (let j = 0; j < 32; j++) {
          expect(Math.floor(block[i] / 2 ** j) % 2).toBe(Math.floor(words[j] / 2 ** i) % 2);
        }
      }
    }), { numRuns: runs(20) });
  });
});

describe('countMutualPairs', () => {
  // Rows and columns drawn from a few shared bitsets, as in a matrix, over up to 100 items (several words).
  const matrix = fc.integer({ min: 1, max: 100 }).chain((n) => fc.record({
    n: fc.constant(n),
    shapes: fc.array(members(n), { minLength: 1, maxLength: 4 }),
    rowShape: fc.array(fc.nat(3), { minLength: n, maxLength: n }),
    columnShape: fc.array(fc.nat(3), { minLength: n, maxLength: n }),
    weights: fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 4 })), { minLength: n, maxLength: n }),
  }));

  test('counts the weighted pairs with the row admitting the column and the column the row', () => {
    fc.assert(fc.property(matrix, ({ n, shapes, rowShape, columnShape, weights }) => {
      const sets = shapes.map((ids) => Bitset.of(n, ids));
      const rows = rowShape.map((i) => sets[i % sets.length]);
      const columns = columnShape.map((i) => sets[(i + 1) % sets.length]);
      let expected = 0;
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) {
          expected += rows[r].has(c) && columns[c].has(r) ? weights[r] * weights[c] : 0;
        }
      }
      expect(countMutualPairs(rows, columns, weights)).toBe(expected);
    }));
  });

  test('full blocks skip the transposition', () => {
    const everyone = Bitset.full(70);
    const rows = Array.from({ length: 70 }, (_, i) => (i % 2 === 0 ? everyone : Bitset.of(70, [i])));
    expect(countMutualPairs(rows, rows.map(() => everyone), rows.map(() => 1))).toBe(35 * 70 + 35);
  });
});
