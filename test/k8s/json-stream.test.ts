import { readJsonStream } from '../../src/k8s/json-stream';

describe('readJsonStream', () => {
  test('a stream of values, each a document with its line; the objects in items with theirs, nested too', () => {
    const text = '{"kind": "List", "items": [\n  {"kind": "Pod"},\n  {"kind": "List",\n   "items": [{"a": "]}{"}, 7]}\n]}\n\n{"b": 2}\n';
    expect(readJsonStream(text)).toEqual([
      { index: 0, line: 1, value: expect.objectContaining({ kind: 'List' }), lines: { line: 1, items: [{ line: 2 }, { line: 3, items: [{ line: 4 }, { line: 4 }] }] } },
      { index: 1, line: 7, value: { b: 2 }, lines: { line: 7 } },
    ]);
  });

  test('as kubectl reads JSON: the last duplicate key wins, 80.0 is 80, __proto__ is an own key', () => {
    const [document] = readJsonStream('{"port": 80.0, "a": 1, "a": 2, "__proto__": {"x": 1}}');
    expect(document.value).toEqual(JSON.parse('{"port": 80, "a": 2, "__proto__": {"x": 1}}'));
    expect(Object.getPrototypeOf(document.value)).toBe(Object.prototype);
  });

  test('an escaped key named items still records lines', () => {
    expect(readJsonStream('{"it\\u0065ms": [\n{}]}')[0].lines).toEqual({ line: 1, items: [{ line: 2 }] });
  });

  test.each([
    ['a number out of float64 range', '{"a": 1}\n{"port":\n 1e400}', [{ index: 0, line: 1 }, { index: 1, line: 2, error: 'the number 1e400 is out of range for JSON numbers as kubectl reads them' }]],
    ['a malformed value ends the stream', '{"a": 1}\n{"b":\n ,}\n{"c": 3}', [{ index: 0, line: 1 }, { index: 1, line: 2, error: "malformed JSON at line 2: Unexpected token ','" }]],
    ['a malformed value with a position, at its line', '{"a": 1}\n{"b":\n 1,\n }', [{ index: 0, line: 1 }, { index: 1, line: 4, error: expect.stringMatching(/^malformed JSON at line 4: /) }]],
    ['an unclosed value', '{"a": [1, 2', [{ index: 0, line: 1, error: expect.stringMatching(/^malformed JSON at line 1: /) }]],
    ['a stray closing bracket', '}', [{ index: 0, line: 1, error: expect.stringMatching(/^malformed JSON/) }]],
    ['nesting beyond the bound', `{"a": ${'['.repeat(300)}${']'.repeat(300)}}`, [{ index: 0, line: 1, error: 'nested deeper than 200 levels, which no Kubernetes object needs; not read' }]],
  ])('%s', (_, text, expected) => {
    expect(readJsonStream(text)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  test('odd whitespace does not stop the scanner', () => {
    expect(readJsonStream('{"a":\u00a01}')[0].error).toMatch(/^malformed JSON/);
    expect(readJsonStream('{"a": 1}\u00a0')).toHaveLength(2);
  });
});
