/**
 * Code-point order of two texts, the same in every locale and on every machine: what listings
 * meant for snapshots and diffs sort by (`localeCompare` depends on the locale).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
