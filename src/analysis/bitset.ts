/* eslint-disable no-bitwise -- a bitset is bit manipulation; this file keeps it in one place */

/**
 * A fixed-size set of small integers (0..size-1) stored in 32-bit words, so reachability
 * rows over thousands of pod classes combine with a few word operations.
 */
export class Bitset {
  /** A bitset with every member of 0..size-1. */
  public static full(size: number): Bitset {
    const result = new Bitset(size);
    result.words.fill(0xffffffff);
    result.clearPadding();
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

  public readonly words: Uint32Array;

  constructor(public readonly size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  public add(member: number): void {
    this.words[member >>> 5] |= 1 << (member & 31);
  }

  public has(member: number): boolean {
    return (this.words[member >>> 5] & (1 << (member & 31))) !== 0;
  }

  /** Adds every member of `other` to this set (in place). */
  public unionWith(other: Bitset): this {
    for (let i = 0; i < this.words.length; i++) {
      this.words[i] |= other.words[i];
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

  public clone(): Bitset {
    const result = new Bitset(this.size);
    result.words.set(this.words);
    return result;
  }

  public isEmpty(): boolean {
    return this.words.every((word) => word === 0);
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

  /** Keeps bits past `size` at zero so that equality and emptiness stay exact. */
  private clearPadding(): void {
    const used = this.size % 32;
    if (used !== 0) {
      this.words[this.words.length - 1] &= (1 << used) - 1;
    }
  }
}
