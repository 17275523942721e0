import * as fc from 'fast-check';
import { PortRanges, PROTOCOLS } from '../../src/analysis/port-ranges';
import { Protocol } from '../../src/k8s/protocol';

/** Ranges as a plain set of (protocol, port) for comparison: ports clustered so that ranges meet, overlap and touch. */
const ranges = fc.array(fc.tuple(
  fc.constantFrom(...PROTOCOLS),
  fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 65500, max: 65535 })),
  fc.integer({ min: 0, max: 20 }),
), { maxLength: 8 }).map((items) => {
  const pairs = new Map<Protocol, [number, number][]>();
  for (const [protocol, first, length] of items) {
    pairs.set(protocol, [...pairs.get(protocol) ?? [], [first, Math.min(65535, first + length)]]);
  }
  return PortRanges.fromPairs(pairs);
});

function members(set: PortRanges): Set<string> {
  const result = new Set<string>();
  for (const protocol of PROTOCOLS) {
    for (const [lo, hi] of set.rangesOf(protocol)) {
      for (let port = lo; port <= hi; port++) result.add(`${protocol}/${port}`);
    }
  }
  return result;
}

describe('PortRanges', () => {
  test('set operations agree with sets of ports, and results are canonical', () => {
    fc.assert(fc.property(ranges, ranges, (a, b) => {
      const [x, y] = [members(a), members(b)];
      expect(members(a.union(b))).toEqual(new Set([...x, ...y]));
      expect(members(a.intersect(b))).toEqual(new Set([...x].filter((m) => y.has(m))));
      expect(members(a.subtract(b))).toEqual(new Set([...x].filter((m) => !y.has(m))));
      expect(a.union(b).equals(b.union(a))).toBe(true);
      expect(a.equals(b)).toBe(x.size === y.size && [...x].every((m) => y.has(m)));
      for (const protocol of PROTOCOLS) {
        // Canonical: sorted, disjoint, not adjacent.
        const pairs = a.union(b).rangesOf(protocol);
        pairs.slice(1).forEach(([lo], i) => expect(lo).toBeGreaterThan(pairs[i][1] + 1));
        for (const port of [1, 20, 40, 65535]) {
          expect(a.contains(protocol, port)).toBe(x.has(`${protocol}/${port}`));
        }
      }
      expect(a.isEmpty()).toBe(x.size === 0);
    }));
  });

  test('text form', () => {
    const set = PortRanges.fromPairs(new Map([[Protocol.UDP, [[53, 53]]], [Protocol.TCP, [[8000, 8080], [80, 80], [81, 90]]]]));
    expect(set.toString()).toBe('TCP 80-90, 8000-8080; UDP 53');
    expect(set.protocols()).toEqual([Protocol.TCP, Protocol.UDP]);
    expect(PortRanges.ALL.toString()).toBe('TCP 1-65535; UDP 1-65535; SCTP 1-65535');
    expect(PortRanges.NONE.toString()).toBe('');
    expect(PortRanges.of(Protocol.SCTP, 3868).rangesOf(Protocol.SCTP)).toEqual([[3868, 3868]]);
  });
});
