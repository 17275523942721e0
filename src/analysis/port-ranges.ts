import { Protocol } from '../k8s/protocol';

/** The protocols, in the order sets and listings keep them. */
export const PROTOCOLS: readonly Protocol[] = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];

const FIRST_PORT = 1;
const LAST_PORT = 65535;

/** Flat inclusive ranges `[lo0, hi0, lo1, hi1, ...]`, sorted, disjoint and not adjacent. */
type Ranges = readonly number[];

/**
 * A set of destination ports over TCP, UDP and SCTP (ports 1 to 65535): what a rule admits once
 * its port names are resolved on a destination, or everything one workload may open to another.
 * Immutable: set operations return new sets. Each protocol's ports are kept as inclusive ranges.
 */
export class PortRanges {
  /** No port of any protocol. */
  public static readonly NONE = new PortRanges([[], [], []]);
  /** Every port of every protocol. */
  public static readonly ALL = new PortRanges(PROTOCOLS.map(() => [FIRST_PORT, LAST_PORT]));

  /** `first` to `last` (inclusive) of one protocol. */
  public static of(protocol: Protocol, first: number, last: number = first): PortRanges {
    return new PortRanges(PROTOCOLS.map((p) => (p === protocol && first <= last ? [first, last] : [])));
  }

  /** The union of arbitrary (overlapping, unsorted) ranges, given per protocol as `[first, last]` pairs. */
  public static fromPairs(pairs: ReadonlyMap<Protocol, readonly (readonly [number, number])[]>): PortRanges {
    return new PortRanges(PROTOCOLS.map((p) => normalize(pairs.get(p) ?? [])));
  }

  private text?: string;
  /** Asked of every pair of a listing: computed once. */
  private readonly empty: boolean;

  private constructor(private readonly byProtocol: readonly Ranges[]) {
    this.empty = byProtocol.every((r) => r.length === 0);
  }

  public isEmpty(): boolean {
    return this.empty;
  }

  /** Whether `port` of `protocol` is in the set. */
  public contains(protocol: Protocol, port: number): boolean {
    const ranges = this.byProtocol[PROTOCOLS.indexOf(protocol)];
    for (let i = 0; i < ranges.length; i += 2) {
      if (port < ranges[i]) {
        return false;
      }
      if (port <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The ranges of one protocol, as `[first, last]` pairs in increasing order. */
  public rangesOf(protocol: Protocol): [number, number][] {
    const ranges = this.byProtocol[PROTOCOLS.indexOf(protocol)];
    const pairs: [number, number][] = [];
    for (let i = 0; i < ranges.length; i += 2) {
      pairs.push([ranges[i], ranges[i + 1]]);
    }
    return pairs;
  }

  /** The protocols with at least one port, in `PROTOCOLS` order. */
  public protocols(): Protocol[] {
    return PROTOCOLS.filter((_, i) => this.byProtocol[i].length > 0);
  }

  public union(other: PortRanges): PortRanges {
    if (other.isEmpty() || this === other) return this;
    if (this.isEmpty()) return other;
    return this.combine(other, (a, b) => a || b);
  }

  public intersect(other: PortRanges): PortRanges {
    if (this === other) return this;
    if (this.isEmpty() || other === PortRanges.ALL) return this;
    if (other.isEmpty() || this === PortRanges.ALL) return other;
    return this.combine(other, (a, b) => a && b);
  }

  public subtract(other: PortRanges): PortRanges {
    if (this.isEmpty() || other.isEmpty()) return this;
    return this.combine(other, (a, b) => a && !b);
  }

  public equals(other: PortRanges): boolean {
    return this === other || this.toString() === other.toString();
  }

  /** A canonical text for people and cache keys, e.g. `TCP 80, 8000-8080; UDP 53`; empty for no port. */
  public toString(): string {
    this.text ??= PROTOCOLS
      .map((protocol) => ({ protocol, pairs: this.rangesOf(protocol) }))
      .filter(({ pairs }) => pairs.length > 0)
      .map(({ protocol, pairs }) => `${protocol} ${pairs.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(', ')}`)
      .join('; ');
    return this.text;
  }

  /** A boolean combination of two sets, walking the ranges' boundaries once per protocol. */
  private combine(other: PortRanges, keep: (inThis: boolean, inOther: boolean) => boolean): PortRanges {
    return new PortRanges(this.byProtocol.map((a, p) => sweep(a, other.byProtocol[p], keep)));
  }
}

/**
 * The ranges where `keep(in a, in b)` holds: a sweep over the points where either set starts or
 * ends (a range [lo, hi] becomes the half-open [lo, hi + 1)).
 */
function sweep(a: Ranges, b: Ranges, keep: (inA: boolean, inB: boolean) => boolean): Ranges {
  const result: number[] = [];
  let i = 0;
  let j = 0;
  let inA = false;
  let inB = false;
  let open = -1;
  while (i < a.length || j < b.length) {
    const nextA = i < a.length ? (i % 2 === 0 ? a[i] : a[i] + 1) : Infinity;
    const nextB = j < b.length ? (j % 2 === 0 ? b[j] : b[j] + 1) : Infinity;
    const point = Math.min(nextA, nextB);
    if (nextA === point) {
      inA = i % 2 === 0;
      i++;
    }
    if (nextB === point) {
      inB = j % 2 === 0;
      j++;
    }
    const inside = keep(inA, inB);
    if (inside && open < 0) {
      open = point;
    } else if (!inside && open >= 0) {
      result.push(open, point - 1);
      open = -1;
    }
  }
  return result;
}

function normalize(pairs: readonly (readonly [number, number])[]): Ranges {
  const sorted = pairs.filter(([lo, hi]) => lo <= hi).map(([lo, hi]) => [lo, hi] as const).sort((x, y) => x[0] - y[0]);
  const result: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = result.length - 1;
    if (last > 0 && lo <= result[last] + 1) {
      result[last] = Math.max(result[last], hi);
    } else {
      result.push(lo, hi);
    }
  }
  return result;
}
