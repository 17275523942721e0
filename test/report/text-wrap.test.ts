import { wrapText } from '../../src/report/text-wrap';

test.each([
  ['fits', 'one two three', 13, 'one two three'],
  ['breaks at spaces, indenting the lines after the first', 'one two three', 8, 'one two\n    three'],
  ['keeps a word longer than the width whole', 'a supercalifragilistic b', 5, 'a\n    supercalifragilistic\n    b'],
])('%s', (_, text, width, wrapped) => {
  expect(wrapText(text, width, 4)).toBe(wrapped);
});
