/** An inclusive range of values. */
export interface ValueRange {
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * A set of integers kept as sorted, disjoint, non-adjacent inclusive ranges. IP addresses and
 * port numbers both use it, so sets of peers and ports can be combined, subtracted and compared.
 */
export class RangeSet {
  public static readonly EMPTY = new RangeSet([]);

  /** The set first..last (empty when last < first). */
  public static of(first: bigint, last: bigint): RangeSet {
    return last < first ? RangeSet.EMPTY : new RangeSet([{ first, last }]);
  }

  /** Normalizes arbitrary (possibly overlapping) ranges into a set. */
  public static fromRanges(ranges: readonly ValueRange[]): RangeSet {
    const sorted = ranges.filter((r) => r.first <= r.last).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const merged: ValueRange[] = [];
    for (const range of sorted) {
      const previous = merged[merged.length - 1];
      if (previous && range.first <= previous.last + 1n) {
        merged[merged.length - 1] = { first: previous.first, last: range.last > previous.last ? range.last : previous.last };
      } else {
        merged.push(range);
      }
    }
    return new RangeSet(merged);
  }

  private constructor(public readonly ranges: readonly ValueRange[]) {}

  public isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  public contains(value: bigint): boolean {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const range = this.ranges[middle];
      if (value < range.first) {
        high = middle - 1;
      } else if (value > range.last) {
        low = middle + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  public union(other: RangeSet): RangeSet {
    return RangeSet.fromRanges([...this.ranges, ...other.ranges]);
  }

  public intersect(other: RangeSet): RangeSet {
    const result: ValueRange[] = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const a = this.ranges[i];
      const b = other.ranges[j];
      const first = a.first > b.first ? a.first : b.first;
      const last = a.last < b.last ? a.last : b.last;
      if (first <= last) {
        result.push({ first, last });
      }
      if (a.last < b.last) {
        i++;
      } else {
        j++;
      }
    }
    return new RangeSet(result);
  }

  public subtract(other: RangeSet): RangeSet {
    const result: ValueRange[] = [];
    for (const range of this.ranges) {
      let first = range.first;
      for (const hole of other.ranges) {
        if (hole.last < first || hole.first > range.last) {
          continue;
        }
        if (hole.first > first) {
          result.push({ first, last: hole.first - 1n });
        }
        first = hole.last + 1n;
      }
      if (first <= range.last) {
        result.push({ first, last: range.last });
      }
    }
    return new RangeSet(result);
  }

  public equals(other: RangeSet): boolean {
    return this.toString() === other.toString();
  }

  /** A canonical text form, also used as a cache key. */
  public toString(): string {
    return this.ranges.map((r) => (r.first === r.last ? `${r.first}` : `${r.first}-${r.last}`)).join(',');
  }
}
