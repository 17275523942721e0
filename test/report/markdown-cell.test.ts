import { markdownCell, markdownCode, markdownName } from '../../src/report/markdown-cell';

test.each([
  ['shop/web', 'shop/web', 'shop/web', '`shop/web`'],
  ['a|b|c', 'a\\|b\\|c', 'a\\|b\\|c', '`a\\|b\\|c`'],
  ['line\nbreak \x1b[31m', 'line\\nbreak \\x1b[31m', 'line\\nbreak \\x1b[31m', '`line\\nbreak \\x1b[31m`'],
  ['shop/<script>alert(1)</script>', 'shop/<script>alert(1)</script>', 'shop/\\<script>alert(1)\\</script>', '`shop/<script>alert(1)</script>`'],
  // A backtick would close the code span: the text is written as a name.
  ['spec.`<img src=x>`', 'spec.`<img src=x>`', 'spec.`\\<img src=x>`', 'spec.`\\<img src=x>`'],
])('%j becomes %j in a cell, %j as a name and %j as code', (text, cell, name, code) => {
  expect(markdownCell(text)).toBe(cell);
  expect(markdownName(text)).toBe(name);
  expect(markdownCode(text)).toBe(code);
});
