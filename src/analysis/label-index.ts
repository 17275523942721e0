import { Bitset } from './bitset';
import { cached } from './cached';
import { CompiledSelector, LabelRequirement, Labels } from './compiled-selector';
import { lowerBound } from './lower-bound';

/** Items start..end-1. */
export type ItemRange = readonly [start: number, end: number];

/**
 * Finds the items (numbered 0..n-1) that a selector matches without testing every item.
 * Posting lists (sorted item ids per label and per key) give the candidates: those of the
 * selector's most selective positive requirement, checked against the whole selector. A search
 * can be limited to ranges of items; wide selectors are better answered requirement by
 * requirement with `itemsMeeting`.
 */
export class LabelIndex {
  private readonly byLabel = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly labels: readonly Labels[]) {
    labels.forEach((itemLabels, id) => {
      for (const [key, value] of Object.entries(itemLabels)) {
        cached(this.byKey, key, () => []).push(id);
        cached(this.byLabel, labelKey(key, value), () => []).push(id);
      }
    });
  }

  /** The ids of matching items, in increasing order. */
  public select(selector: CompiledSelector): number[] {
    return this.selectInRanges(selector, [[0, this.labels.length]]);
  }

  /** How many candidates a search would check at most: the size of the smallest posting list, or every item. */
  public candidateCount(selector: CompiledSelector): number {
    const postings = this.cheapestPostings(selector);
    return postings ? totalLength(postings) : this.labels.length;
  }

  /**
   * The ids of matching items within the ranges (sorted, not overlapping, inside 0..n), in increasing order.
   * `include`, when given, rules items out before their labels are looked at.
   */
  public selectInRanges(selector: CompiledSelector, ranges: readonly ItemRange[], include?: (id: number) => boolean): number[] {
    const result: number[] = [];
    const consider = (id: number) => {
      if ((include === undefined || include(id)) && selector.matches(this.labels[id])) {
        result.push(id);
      }
    };
    const postings = this.cheapestPostings(selector);
    if (!postings) {
      ranges.forEach(([start, end]) => forEachInRange(start, end, consider));
      return result;
    }
    for (const posting of postings) {
      if (posting.length <= rangesLength(ranges)) {
        forEachInRanges(posting, ranges, consider);
      } else {
        const positionOf = (value: number) => lowerBound(posting.length, (i) => posting[i] < value);
        ranges.forEach(([start, end]) => forEachInRange(positionOf(start), positionOf(end), (i) => consider(posting[i])));
      }
    }
    // An item has one value per key, so the postings of an `In` are disjoint.
    return postings.length > 1 ? result.sort((a, b) => a - b) : result;
  }

  /** The items that meet one requirement, as a bitset. */
  public itemsMeeting(requirement: LabelRequirement): Bitset {
    const positive = requirement.operator === 'In' || requirement.operator === 'NotIn'
      ? this.labelPostings(requirement)
      : [this.byKey.get(requirement.key) ?? []];
    const result = Bitset.of(this.labels.length, positive.flat());
    return requirement.operator === 'In' || requirement.operator === 'Exists' ? result : Bitset.full(this.labels.length).subtract(result);
  }

  /** The posting lists of the most selective positive requirement; undefined when every item is a candidate. */
  private cheapestPostings(selector: CompiledSelector): number[][] | undefined {
    let cheapest: number[][] | undefined;
    let cost = this.labels.length;
    for (const requirement of selector.requirements) {
      const postings = requirement.operator === 'In' ? this.labelPostings(requirement)
        : requirement.operator === 'Exists' ? [this.byKey.get(requirement.key) ?? []]
          : undefined;
      if (postings && totalLength(postings) < cost) {
        cost = totalLength(postings);
        cheapest = postings;
      }
    }
    return cheapest;
  }

  /** The items with one of the requirement's values for its key, one list per value. */
  private labelPostings(requirement: LabelRequirement): number[][] {
    return [...new Set(requirement.values)].map((value) => this.byLabel.get(labelKey(requirement.key, value)) ?? []);
  }
}

function labelKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function totalLength(lists: readonly (readonly number[])[]): number {
  return lists.reduce((sum, list) => sum + list.length, 0);
}

function rangesLength(ranges: readonly ItemRange[]): number {
  return ranges.reduce((sum, [start, end]) => sum + end - start, 0);
}

function forEachInRange(start: number, end: number, visit: (i: number) => void): void {
  for (let i = start; i < end; i++) {
    visit(i);
  }
}

/** Visits the ids of a sorted list that fall in the sorted ranges, walking both once. */
function forEachInRanges(sorted: readonly number[], ranges: readonly ItemRange[], visit: (id: number) => void): void {
  let r = 0;
  for (const id of sorted) {
    while (r < ranges.length && ranges[r][1] <= id) {
      r++;
    }
    if (r === ranges.length) {
      return;
    }
    if (id >= ranges[r][0]) {
      visit(id);
    }
  }
}
