/* eslint-disable no-bitwise -- a bitset is bit manipulation; this file keeps it in one place */

/**
 * A fixed-size set of small integers (0..size-1) stored in 32-bit words, so reachability
 * rows over thousands of pod classes combine with a few word operations.
 */
export class Bitset {
  /** A bitset with every member of 0..size-1. */
  public static full(size: number): Bitset {
    return new Bitset(size).addRange(0, size);
  }

  /** A bitset holding every member of the ranges (start..end-1 each). */
  public static ofRanges(size: number, ranges: Iterable<readonly [number, number]>): Bitset {
    const result = new Bitset(size);
    for (const [start, end] of ranges) {
      result.addRange(start, end);
    }
    return result;
  }

  /** A bitset holding the given members. */
  public static of(size: number, members: Iterable<number>): Bitset {
    const result = new Bitset(size);
    for (const member of members) {
      result.add(member);
    }
    return result;
  }

  /** `count` empty bitsets sharing one buffer: one allocation instead of `count`. */
  public static many(count: number, size: number): Bitset[] {
    const wordCount = Math.ceil(size / 32);
    const buffer = new Uint32Array(count * wordCount);
    return Array.from({ length: count }, (_, i) => new Bitset(size, buffer.subarray(i * wordCount, (i + 1) * wordCount)));
  }

  public readonly words: Uint32Array;

  /**
   * @param size the members are 0..size-1
   * @param words where to keep the bits (ceil(size / 32) words, all zero); a new array by default
   */
  constructor(public readonly size: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array(Math.ceil(size / 32));
  }

  public add(member: number): void {
    this.words[member >>> 5] |= 1 << (member & 31);
  }

  public has(member: number): boolean {
    return (this.words[member >>> 5] & (1 << (member & 31))) !== 0;
  }

  /** Adds start..end-1 (in place). */
  public addRange(start: number, end: number): this {
    if (start >= end) {
      return this;
    }
    const first = start >>> 5;
    const last = (end - 1) >>> 5;
    const low = ~0 << (start & 31);
    const high = ~0 >>> (31 - ((end - 1) & 31));
    if (first === last) {
      this.words[first] |= low & high;
      return this;
    }
    this.words[first] |= low;
    this.words.fill(~0 >>> 0, first + 1, last);
    this.words[last] |= high;
    return this;
  }

  /** Adds every member of `other` to this set (in place). */
  public unionWith(other: Bitset): this {
    for (let i = 0; i < this.words.length; i++) {
      this.words[i] |= other.words[i];
    }
    return this;
  }

  /** Adds the members that `a` and `b` have in common (in place). */
  public unionWithIntersection(a: Bitset, b: Bitset): this {
    for (let i = 0; i < this.words.length; i++) {
      this.words[i] |= a.words[i] & b.words[i];
    }
    return this;
  }

  /** Keeps only members also in `other` (in place). */
  public intersectWith(other: Bitset): this {
    for (let i = 0; i < this.words.length; i++) {
      this.words[i] &= other.words[i];
    }
    return this;
  }

  /** Removes the members of `other` (in place). */
  public subtract(other: Bitset): this {
    for (let i = 0; i < this.words.length; i++) {
      this.words[i] &= ~other.words[i];
    }
    return this;
  }

  public clone(): Bitset {
    const result = new Bitset(this.size);
    result.words.set(this.words);
    return result;
  }

  /** Calls `visit` for each member in increasing order. */
  public forEach(visit: (member: number) => void): void {
    for (let i = 0; i < this.words.length; i++) {
      let word = this.words[i];
      while (word !== 0) {
        const lowest = word & -word;
        visit(i * 32 + (31 - Math.clz32(lowest)));
        word ^= lowest;
      }
    }
  }
}

/**
 * Counts the pairs (r, c) with `rows[r].has(c)` and `columns[c].has(r)`, each weighing
 * `weights[r] * weights[c]`: the allowed pairs of a reachability matrix kept as egress rows
 * and ingress columns over the same n items. Rows and columns are usually shared by many items.
 *
 * The items with the most common row (in a matrix: the sources no egress policy isolates) are
 * counted once per distinct column. The other rows go 32 at a time: wherever one of them has a
 * member, the 32 matching column words are transposed 32 x 32 bits at a time and intersected.
 */
export function countMutualPairs(rows: readonly Bitset[], columns: readonly Bitset[], weights: readonly number[]): number {
  const weighing = new Weighing(weights);
  const shared = mostCommon(rows);
  return (shared ? countSharedRow(shared, rows, columns, weighing) : 0) + countOtherRows(shared, rows, columns, weighing);
}

/** Sums the weights of the members of words: 1 each, then a correction for items of another weight (usually few). */
class Weighing {
  private readonly reweighed: Bitset;

  constructor(private readonly weights: readonly number[]) {
    this.reweighed = Bitset.of(weights.length, weights.flatMap((w, i) => (w !== 1 ? [i] : [])));
  }

  public of(item: number): number {
    return this.weights[item];
  }

  /** The total weight of the members in word `index` of a bitset. */
  public ofWord(word: number, index: number): number {
    let sum = popcount(word);
    let corrected = word & this.reweighed.words[index];
    while (corrected !== 0) {
      const lowest = corrected & -corrected;
      sum += this.weights[index * 32 + (31 - Math.clz32(lowest))] - 1;
      corrected ^= lowest;
    }
    return sum;
  }
}

/** The pairs of the items whose row is `shared`: per distinct column, its items in `shared` times the items of the row it admits. */
function countSharedRow(shared: Bitset, rows: readonly Bitset[], columns: readonly Bitset[], weighing: Weighing): number {
  const sharing = Bitset.of(rows.length, rows.flatMap((row, r) => (row === shared ? [r] : [])));
  const weightByColumn = new Map<Bitset, number>();
  shared.forEach((c) => weightByColumn.set(columns[c], (weightByColumn.get(columns[c]) ?? 0) + weighing.of(c)));
  let total = 0;
  for (const [column, weight] of weightByColumn) {
    for (let i = 0; i < sharing.words.length; i++) {
      const word = column.words[i] & sharing.words[i];
      if (word !== 0) {
        total += weight * weighing.ofWord(word, i);
      }
    }
  }
  return total;
}

/** The pairs of the items whose row is not `shared`, 32 rows at a time. */
function countOtherRows(shared: Bitset | undefined, rows: readonly Bitset[], columns: readonly Bitset[], weighing: Weighing): number {
  const wordCount = Math.ceil(rows.length / 32);
  const rowsAny = new Uint32Array(wordCount);
  const block = new Uint32Array(32);
  let total = 0;
  for (let rowWord = 0; rowWord < wordCount; rowWord++) {
    const first = rowWord * 32;
    const blockRows = rows.slice(first, first + 32);
    const distinct = [...new Set(blockRows)].filter((row) => row !== shared);
    if (distinct.length === 0) {
      continue;
    }
    // Only the columns that one of these rows has need transposing.
    rowsAny.fill(0);
    for (const row of distinct) {
      for (let i = 0; i < wordCount; i++) {
        rowsAny[i] |= row.words[i];
      }
    }
    for (let columnWord = 0; columnWord < wordCount; columnWord++) {
      const needed = rowsAny[columnWord];
      if (needed === 0) {
        continue;
      }
      let any = 0;
      let all = ~0;
      for (let k = 0; k < 32; k++) {
        const word = (needed >>> k) & 1 ? columns[columnWord * 32 + k].words[rowWord] : 0;
        block[k] = word;
        any |= word;
        all &= word;
      }
      if (any === 0) {
        continue;
      }
      if (all === ~0) {
        block.fill(~0 >>> 0);
      } else {
        transpose32(block);
      }
      // block[k] now holds, for row first + k, the columns of this word that admit it.
      blockRows.forEach((row, k) => {
        const pairs = row === shared ? 0 : block[k] & row.words[columnWord];
        if (pairs !== 0) {
          total += weighing.of(first + k) * weighing.ofWord(pairs, columnWord);
        }
      });
    }
  }
  return total;
}

function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  items.forEach((item) => counts.set(item, (counts.get(item) ?? 0) + 1));
  let best: T | undefined;
  counts.forEach((count, item) => {
    if (best === undefined || count > counts.get(best)!) {
      best = item;
    }
  });
  return best;
}

function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * Transposes a 32 x 32 bit matrix in place: afterwards bit j of word i is what bit i of word j
 * was (bit 0 is the least significant). Swaps ever smaller blocks (Hacker's Delight 7-3).
 */
export function transpose32(a: Uint32Array): void {
  let mask = 0x0000ffff;
  for (let width = 16; width !== 0; width >>>= 1, mask ^= mask << width) {
    for (let k = 0; k < 32; k = (k + width + 1) & ~width) {
      const t = ((a[k] >>> width) ^ a[k + width]) & mask;
      a[k + width] ^= t;
      a[k] ^= t << width;
    }
  }
}
