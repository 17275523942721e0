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

  /** Whether the set has no member. */
  public isEmpty(): boolean {
    for (let i = 0; i < this.words.length; i++) {
      if (this.words[i] !== 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether every member of 0..size-1 is in the set. */
  public isFull(): boolean {
    const last = this.words.length - 1;
    for (let i = 0; i < last; i++) {
      if (this.words[i] !== ~0 >>> 0) {
        return false;
      }
    }
    const tail = this.size - last * 32;
    return last < 0 || this.words[last] === ~0 >>> (32 - tail);
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
