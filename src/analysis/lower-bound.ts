/**
 * The first position in `[0, length)` that is not before the value sought, for a sorted
 * sequence: `isBefore(i)` is true for a prefix of positions and false after it.
 */
export function lowerBound(length: number, isBefore: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (isBefore(middle)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
