import { Bitset } from './bitset';
import { ClassSet } from './peer-resolver';

/** Pod classes that the same rules of a list match as peers. */
export interface PeerGroup {
  /** Positions in the rule list of the rules whose peers match the members, increasing. */
  readonly rules: readonly number[];
  /** The members; unordered. */
  readonly members: readonly number[];
}

/** Something whose peers are pod classes: a `LayerRule`. */
export interface PeerRule {
  /** Undefined: every peer. */
  readonly peers?: readonly ClassSet[];
}

/**
 * Splits the pod classes by which rules of a list match them, visiting only the members of the
 * rules' class sets: the classes no set holds (the rest, usually most) stay in one group that is
 * never listed. One instance serves many rule lists in turn; what it returns is valid until the
 * next call.
 */
export class PeerGrouping {
  private readonly groupOf: Int32Array;
  private touched: number[] = [];
  private restRules: readonly number[] = [];

  constructor(private readonly classCount: number) {
    this.groupOf = new Int32Array(classCount);
  }

  /** The groups of classes some rule's sets hold (none empty). */
  public group(rules: readonly PeerRule[]): PeerGroup[] {
    const groupOf = this.groupOf;
    for (const c of this.touched) {
      groupOf[c] = 0;
    }
    const touched: number[] = [];
    // Group 0 is the rest: matched by the rules without peers only.
    const groupRules: number[][] = [[]];
    rules.forEach((rule, i) => {
      if (rule.peers === undefined) {
        groupRules.forEach((list) => list.push(i));
        return;
      }
      const next = new Map<number, number>();
      const visit = (c: number): void => {
        const g = groupOf[c];
        const list = groupRules[g];
        if (list.length > 0 && list[list.length - 1] === i) {
          return;
        }
        let moved = next.get(g);
        if (moved === undefined) {
          moved = groupRules.length;
          groupRules.push([...list, i]);
          next.set(g, moved);
        }
        if (g === 0) {
          touched.push(c);
        }
        groupOf[c] = moved;
      };
      for (const set of rule.peers) {
        if (set instanceof Bitset) {
          set.forEach(visit);
        } else {
          for (const c of set) visit(c);
        }
      }
    });
    this.touched = touched;
    this.restRules = groupRules[0];
    const members: number[][] = groupRules.map(() => []);
    for (const c of touched) {
      members[groupOf[c]].push(c);
    }
    return groupRules.flatMap((list, g) => (g > 0 && members[g].length > 0 ? [{ rules: list, members: members[g] }] : []));
  }

  /** The rules that match the rest: those without peers. */
  public get rest(): readonly number[] {
    return this.restRules;
  }

  /** How many classes are in the rest. */
  public get restSize(): number {
    return this.classCount - this.touched.length;
  }

  /** Whether a class is in the rest. */
  public inRest(c: number): boolean {
    return this.groupOf[c] === 0;
  }

  /** Visits the rest's classes in increasing order until `visit` returns true; whether it did. */
  public someInRest(visit: (c: number) => boolean): boolean {
    for (let c = 0; c < this.classCount; c++) {
      if (this.groupOf[c] === 0 && visit(c)) {
        return true;
      }
    }
    return false;
  }
}
