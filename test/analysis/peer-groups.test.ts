import * as fc from 'fast-check';
import { Bitset } from '../../src/analysis/bitset';
import { PeerGrouping, PeerRule } from '../../src/analysis/peer-groups';
import { runs } from '../property-runs';

const CLASSES = 70;
const classSet = fc.uniqueArray(fc.nat(CLASSES - 1), { maxLength: 12 });
const rule = fc.oneof(
  { arbitrary: fc.constant<PeerRule>({}), weight: 1 },
  // Peers as the resolver gives them: short lists, or bitsets.
  {
    arbitrary: fc.array(fc.tuple(classSet, fc.boolean()), { maxLength: 2 })
      .map((sets): PeerRule => ({ peers: sets.map(([members, asBitset]) => (asBitset ? Bitset.of(CLASSES, members) : members)) })),
    weight: 4,
  },
);

/** The rules (by position) whose peers match class `c`. */
function matching(rules: readonly PeerRule[], c: number): number[] {
  return rules.flatMap((r, i) => (r.peers === undefined || r.peers.some((set) => (set instanceof Bitset ? set.has(c) : set.includes(c))) ? [i] : []));
}

describe('PeerGrouping', () => {
  test('groups every class some rule set holds by the rules that match it; the rest is matched by the rules without peers', () => {
    const grouping = new PeerGrouping(CLASSES);
    // One instance serves several lists in turn.
    fc.assert(fc.property(fc.array(fc.array(rule, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), (lists) => {
      for (const rules of lists) {
        const groups = grouping.group(rules);
        const groupOf = new Map<number, readonly number[]>();
        for (const group of groups) {
          expect(group.members.length).toBeGreaterThan(0);
          group.members.forEach((c) => groupOf.set(c, group.rules));
        }
        expect(new Set(groups.map((g) => g.rules.join(','))).size).toBe(groups.length);
        let rest = 0;
        for (let c = 0; c < CLASSES; c++) {
          const expected = matching(rules, c);
          if (groupOf.has(c)) {
            expect(groupOf.get(c)).toEqual(expected);
            expect(grouping.inRest(c)).toBe(false);
          } else {
            rest++;
            expect(grouping.inRest(c)).toBe(true);
            expect(grouping.rest).toEqual(expected);
          }
        }
        expect(grouping.restSize).toBe(rest);
        const visited: number[] = [];
        grouping.someInRest((c) => {
          visited.push(c);
          return false;
        });
        expect(visited).toHaveLength(rest);
      }
    }), { numRuns: runs(40) });
  });
});
