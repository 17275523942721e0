import { markdownCell } from '../../src/report/markdown-cell';

test.each([
  ['shop/web', 'shop/web'],
  ['a|b|c', 'a\\|b\\|c'],
])('%j becomes %j', (text, cell) => {
  expect(markdownCell(text)).toBe(cell);
});
