import { printable } from '../../src/k8s/printable';

test.each([
  ['shop/web', 'shop/web'],
  ['a\nb', 'a\\nb'],
  ['\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
  ['tab\tcr\r', 'tab\\tcr\\r'],
  ['\x85\x9f\x7f', '\\x85\\x9f\\x7f'],
  ['line\u2028sep', 'line\\u2028sep'],
  ['evil\u202etxt.yaml', 'evil\\u202etxt.yaml'],
  ['naïve ✓ 名前', 'naïve ✓ 名前'],
])('%j', (text, shown) => {
  expect(printable(text)).toBe(shown);
});
