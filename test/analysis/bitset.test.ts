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
      for (let m = 0; m < size; m++) {
        expect(x.clone().unionWith(y).has(m)).toBe(a.includes(m) || b.includes(m));
        expect(x.clone().intersectWith(y).has(m)).toBe(a.includes(m) && b.includes(m));
        expect(x.clone().subtract(y).has(m)).toBe(a.includes(m) && !b.includes(m));
        expect(new Bitset(size).unionWithIntersection(x, y).has(m)).toBe(a.includes(m) && b.includes(m));
      }
      expect(x.isFull()).toBe(a.length === size);
      expect(x.isEmpty()).toBe(a.length === 0);
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

test.each([1, 31, 32, 33, 64, 65, 100])('isFull on %i members: only with every member', (size) => {
  expect(Bitset.full(size).isFull()).toBe(true);
  for (const missing of [0, size - 1, Math.floor(size / 2)]) {
    const set = Bitset.full(size);
    set.subtract(Bitset.of(size, [missing]));
    expect(set.isFull()).toBe(false);
  }
  expect(new Bitset(size).isFull()).toBe(false);
});
