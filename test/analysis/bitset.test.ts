import * as fc from 'fast-check';
import { Bitset } from '../../src/analysis/bitset';

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
      expect(x.clone().unionWith(y).isEmpty()).toBe(a.length + b.length === 0);
      for (let m = 0; m < size; m++) {
        expect(x.clone().unionWith(y).has(m)).toBe(a.includes(m) || b.includes(m));
        expect(x.clone().intersectWith(y).has(m)).toBe(a.includes(m) && b.includes(m));
      }
    }));
  });

  test.each([1, 31, 32, 33, 64, 65])('full(%i) holds exactly 0..size-1', (size) => {
    const visited: number[] = [];
    Bitset.full(size).forEach((m) => visited.push(m));
    expect(visited).toEqual([...Array(size).keys()]);
  });

  test('an empty-sized bitset is empty', () => {
    expect(Bitset.full(0).isEmpty()).toBe(true);
  });

  test('clone is independent', () => {
    const original = Bitset.of(40, [1]);
    const copy = original.clone();
    copy.add(39);
    expect(original.has(39)).toBe(false);
  });
});
