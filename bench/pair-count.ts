/* eslint-disable no-bitwise -- counting pairs of bitsets is bit manipulation */
import { Bitset } from '../src/analysis/bitset';
import { ClusterModel } from '../src/analysis/cluster-model';
import { ReachabilityMatrix } from '../src/analysis/reachability-matrix';

/**
 * The number of `true` cells of `matrix.toJson()` (ordered workload pairs, a workload paired with
 * itself included), counted on the class matrix without visiting the cells: the benchmark's way
 * to make a matrix's whole content count, at sizes where the cells themselves would not fit.
 */
export function countAllowedPairs(model: ClusterModel, matrix: ReachabilityMatrix): number {
  const classes = matrix._classes;
  const sizes = model._index.classSizes;
  let count = countMutualPairs(classes.egressRows, classes.ingressColumns, sizes);
  if (model._index.options.allowSelfTraffic) {
    // countMutualPairs read a workload paired with itself as two pods of its class; with the option it is a pod reaching itself.
    sizes.forEach((size, c) => {
      count += size * (Number(classes.hasPort.has(c)) - Number(classes.has(c, c)));
    });
  }
  return count;
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
