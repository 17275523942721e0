import { MAX_ALIAS_NODES, readYamlWithLibrary } from '../../src/k8s/yaml-library-reader';

const read = (text: string) => readYamlWithLibrary(text, 0, 1);
const value = (text: string) => {
  const [document] = read(text);
  expect(document.error).toBeUndefined();
  return document.value;
};

describe('readYamlWithLibrary: kubectl conversion', () => {
  test.each([
    ['YAML 1.1 scalars', 'a: yes\nb: 0777\nc: 1_000\nd: 0b101\ne: 1:30\nf: [on, n, 0o17]\n', { a: true, b: 511, c: 1000, d: 5, e: '1:30', f: [true, false, 15] }],
    ['quoted and block scalars stay strings', 'a: "yes"\nb: \'0777\'\nc: |\n  on\n', { a: 'yes', b: '0777', c: 'on\n' }],
    ['explicit tags', 'a: !!str 0777\nb: !!int "12"\nc: !custom 12\nd: !!binary aGk=\n', { a: '0777', b: 12, c: '12', d: 'hi' }],
    ['keys become JSON keys', 'yes: a\n1: b\n0x10: c\n1.5: d\n"q": e\n', { true: 'a', 1: 'b', 16: 'c', 1.5: 'd', q: 'e' }],
    ['the last duplicate key wins, also keys that become the same', 'a: 1\na: 2\n1: x\n01: z\n', { a: 2, 1: 'z' }],
    ['a merge key merges in place: later keys override earlier ones', 'base: &b {p: 1, q: 1}\nm:\n  p: 0\n  <<: *b\n  q: 2\n',
      { base: { p: 1, q: 1 }, m: { p: 1, q: 2 } }],
    ['merging a list: earlier mappings take precedence', 'a: &a {k: a}\nb: &b {k: b, j: b}\nm:\n  <<: [*a, *b]\n', { a: { k: 'a' }, b: { k: 'b', j: 'b' }, m: { k: 'a', j: 'b' } }],
    ['a quoted << is a plain key', '"<<": {a: 1}\n', { '<<': { a: 1 } }],
    ['aliases are copies', 'a: &x [1]\nb: *x\n', { a: [1], b: [1] }],
    ['__proto__ is an own key, as in JSON', '__proto__: {polluted: true}\n', JSON.parse('{"__proto__": {"polluted": true}}')],
  ])('%s', (_, text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  test('a __proto__ key pollutes nothing', () => {
    const result = value('__proto__: {polluted: true}\nconstructor: {prototype: {x: 1}}\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(result)).toEqual(['__proto__', 'constructor']);
  });

  test.each([
    ['a syntax error, with its line and column', 'a: 1\nb: [\n', /^malformed YAML at line 2, column 5: /, 2],
    ['a null key', 'a: 1\n~: 2\n', /^a null cannot be a mapping key$/, 2],
    ['a collection as key', '? [a]\n: 1\n', /^a mapping key must be a scalar, not a collection$/, 1],
    ['.inf, which JSON cannot hold', 'a:\n  b: .inf\n', /^\.inf has no JSON form/, 2],
    ['an unknown anchor', 'a: *nope\n', /^unknown anchor "nope" referenced$/, 1],
    ['an anchor that contains itself', 'a: &x\n  b: *x\n', /^anchor "x" value contains itself$/, 2],
    ['a merge of a scalar', 'a: &x 1\nb:\n  <<: *x\n', /^map merge requires map or sequence of maps as the value$/, 3],
    ['a tag that does not fit', 'a: !!int x\n', /^cannot decode !!str `x` as a !!int$/, 1],
  ])('refuses %s', (_, text, message, line) => {
    const [document] = read(text);
    expect(document.value).toBeUndefined();
    expect(document.error).toMatch(message);
    expect(document.line).toBe(line);
  });

  test('an alias bomb is refused quickly, with its line', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    }
    const started = Date.now();
    const [document] = read(levels.join('\n') + '\n');
    expect(document.error).toBe(`aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString('en-US')} nodes (an alias bomb?); not read`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('nesting deeper than the bound is refused, not a stack overflow', () => {
    const [flow] = read(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(flow.error).toMatch(/^malformed YAML at line 1, column \d+: nested too deeply to read$|nested deeper than 200 levels/);
    const [block] = read(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n');
    expect(block.error).toMatch(/nested (deeper than 200 levels|too deeply)/);
  });

  test('lines count from the first line given, and objects in items get theirs', () => {
    const [document] = readYamlWithLibrary('# c\nkind: List\nitems:\n- &p {kind: Pod}\n- *p\n', 3, 40);
    expect(document).toMatchObject({ index: 3, line: 41, lines: { line: 41, items: [{ line: 43 }, { line: 43 }] } });
  });

  test('markers inside the text give several documents', () => {
    expect(read('a: 1\n--- text\n...\nc: 3\n').map((d) => d.value)).toEqual([{ a: 1 }, 'text', { c: 3 }]);
  });
});
