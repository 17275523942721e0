import { markdownCell, markdownName } from '../../src/report/markdown-cell';

test.each([
  ['shop/web', 'shop/web', 'shop/web'],
  ['a|b|c', 'a\\|b\\|c', 'a\\|b\\|c'],
  ['line\nbreak \x1b[31m', 'line\\nbreak \\x1b[31m', 'line\\nbreak \\x1b[31m'],
  ['shop/<script>alert(1)</script>', 'shop/<script>alert(1)</script>', 'shop/\\<script>alert(1)\\</script>'],
])('%j becomes %j in a cell and %j as a name', (text, cell, name) => {
  expect(markdownCell(text)).toBe(cell);
  expect(markdownName(text)).toBe(name);
});
