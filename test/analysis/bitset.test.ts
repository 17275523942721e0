import * as fc from 'fast-check';
import { Bitset, countMutualPairs, transpose32 } from '../../src/analysis/bitset';

const members = (size: number) => fc.uniqueArray(fc.nat(size - 1), { maxLength: size });

describe('Bitset', () => {
  test('behaves like a set of integers', () => {
    const sets = fc.integer({ min: 1, max: 100 }).chain((size) => fc.tuple(fc.constant(size), members(size), members(size)));
    fc.assert(fc.property(sets, ([size, a, b]) => {
      const x = Bitset.of(size, a);
      const y = Bitset.of(size, b);
      const visited: number[] = [];
      x.forEach((m) => visited.push(m));
      expect(visited).toEqual([...a].sort((p, q) => p - q));
      for (let m = 0; m < size; m++) {
        expect(x.clone().unionWith(y).has(m)).toBe(a.includes(m) || b.includes(m));
        expect(x.clone().intersectWith(y).has(m)).toBe(a.includes(m) && b.includes(m));
        expect(x.clone().subtract(y).has(m)).toBe(a.includes(m) && !b.includes(m));
        expect(new Bitset(size).unionWithIntersection(x, y).has(m)).toBe(a.includes(m) && b.includes(m));
      }
    }));
  });

  test.each([1, 31, 32, 33, 64, 65])('full(%i) holds exactly 0..size-1', (size) => {
    const visited: number[] = [];
    Bitset.full(size).forEach((m) => visited.push(m));
    expect(visited).toEqual([...Array(size).keys()]);
  });

  test('an empty-sized bitset has no words', () => {
    expect(Bitset.full(0).words).toHaveLength(0);
  });

  test('clone is independent', () => {
    const original = Bitset.of(40, [1]);
    const copy = original.clone();
    copy.add(39);
    expect(original.has(39)).toBe(false);
  });

  test('ranges', () => {
    const sizes = fc.integer({ min: 1, max: 100 });
    const ranges = (size: number) => fc.array(fc.tuple(fc.nat(size), fc.nat(size)), { maxLength: 3 });
    fc.assert(fc.property(sizes.chain((size) => fc.tuple(fc.constant(size), ranges(size))), ([size, pairs]) => {
      const set = Bitset.ofRanges(size, pairs);
      for (let m = 0; m < size; m++) {
        expect(set.has(m)).toBe(pairs.some(([start, end]) => start <= m && m < end));
      }
      expect(set.words.length).toBe(Math.ceil(size / 32));
    }));
  });

  test('many shares one buffer among independent bitsets', () => {
    const [a, b] = Bitset.many(2, 40);
    a.add(39);
    expect([a.has(39), b.has(39), a.words.buffer === b.words.buffer]).toEqual([true, false, true]);
  });
});

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
    }), { numRuns: 20 });
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
