import { lowerBound } from '../../src/analysis/lower-bound';

test.each([
  [[], 5, 0],
  [[1, 3, 5, 7], 0, 0],
  [[1, 3, 5, 7], 3, 1],
  [[1, 3, 5, 7], 4, 2],
  [[1, 3, 5, 7], 8, 4],
  [[2, 2, 2], 2, 0],
])('in %j, %d goes at %d', (sorted, value, position) => {
  expect(lowerBound(sorted.length, (i) => sorted[i] < value)).toBe(position);
});
