import { firstFew } from '../../src/intents/first-few';

test.each([
  [[], ', ', ''],
  [['a', 'b'], ', ', 'a, b'],
  [['a', 'b', 'c', 'd', 'e'], ', ', 'a, b, c, d, e'],
  [['a', 'b', 'c', 'd', 'e', 'f', 'g'], ', ', 'a, b, c, d, e and 2 more'],
  [['a', 'b', 'c', 'd', 'e', 'f'], '; ', 'a; b; c; d; e and 1 more'],
])('%j joined by %j', (items, separator, text) => {
  expect(firstFew(items, separator)).toBe(text);
});
