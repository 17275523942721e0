import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { clusterObjects } from '../../bench/generate-cluster';
import { renderYaml } from '../../bench/render';
import { findScale } from '../../bench/scales';
import { parseBlockYaml } from '../../src/cli/block-yaml';

/** What the `yaml` library reads, or undefined when it reports an error. */
function library(text: string): unknown[] | undefined {
  const documents = YAML.parseAllDocuments(text);
  return documents.some((d) => d.errors.length > 0) ? undefined : documents.map((d) => d.toJS({ maxAliasCount: 1000 }));
}

/** The fast reader either gives up or reads exactly what the library reads. */
function expectAgreement(text: string): unknown[] | undefined {
  const fast = parseBlockYaml(text);
  if (fast !== undefined) {
    expect({ text, read: fast }).toEqual({ text, read: library(text) });
  }
  return fast;
}

// Mostly what manifests hold, sometimes what YAML must quote, escape or refuse.
const KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'labels', 'app.kubernetes.io/name', 'k8s-app', 'ports', 'x_1', '3scale'];
const ODD_KEYS = ['true', 'null', '1', '0x1F', '1e3', 'a b', 'x:y', '-x', '#x', '__proto__', 'constructor', 'ünï', ''];
const VALUES = ['web', 'v1', 'Deployment', 'kube-system', 'TCP', 'registry.example.com/app:1.0', '10.0.0.0/8', '::1', 'a b'];
const ODD_VALUES = ['', ' ', 'a: b', 'a #b', '#x', '- x', '-', 'true', 'False', 'null', 'Null', '~', '1', '-0', '+12', '007', '0x1F',
  '0o17', '1e3', '.5', '1.', '-.inf', '.NaN', 'NaN', "it's", 'say "hi"', 'line\nbreak', 'two\n\nlines\n', 'tab\there', 'back\\slash',
  '{}', '[]', '{a}', '[a]', '*x', '&x', '!x', '|', '>', '%x', '@x', '`x', 'ünï', 'fd00::', 'a:', ':a', '?x', '? x', 'x ', ' x',
  '\u0085', 'a\u2028b', '---', '...', 'a,b', '"quoted"', "'single'"];
const documentOf = (key: fc.Arbitrary<string>, scalar: fc.Arbitrary<unknown>) => {
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
    map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    list: fc.array(tie('node'), { maxLength: 3 }),
  })).node;
  return fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });
};
// Half the documents look like manifests; the others mix in odd keys and values anywhere.
const document = fc.oneof(
  documentOf(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.integer(), fc.boolean(), fc.constant(null))),
  documentOf(
    fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 8 }, fc.constantFrom(...ODD_KEYS), fc.string()),
    fc.oneof({ arbitrary: fc.constantFrom(...VALUES), weight: 4 }, { arbitrary: fc.constantFrom(...ODD_VALUES), weight: 2 },
      fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  ),
);
const options = fc.record({
  indentSeq: fc.boolean(),
  defaultStringType: fc.oneof(
    { arbitrary: fc.constant('PLAIN' as const), weight: 4 },
    fc.constantFrom('QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const, 'BLOCK_FOLDED' as const),
  ),
  lineWidth: fc.constantFrom(0, 0, 20, 80),
});

describe('parseBlockYaml', () => {
  test('reads what YAML.stringify writes exactly as the yaml library does, or gives up', () => {
    fc.assert(fc.property(fc.array(document, { minLength: 1, maxLength: 3 }), options,
      (documents, stringifyOptions) => {
        expectAgreement(documents.map((d) => YAML.stringify(d, { ...stringifyOptions, aliasDuplicateObjects: false })).join('---\n'));
      }), { numRuns: 1000 });
  });

  test('agrees with the yaml library when comment and blank lines are inserted anywhere', () => {
    const text = fc.tuple(document, fc.boolean())
      .map(([d, indentSeq]) => YAML.stringify(d, { indentSeq, aliasDuplicateObjects: false }).split('\n'));
    const insertion = fc.tuple(fc.nat(), fc.constantFrom('# note', '  # indented', '', '   ', '    #x', '---'));
    fc.assert(fc.property(text, fc.array(insertion, { maxLength: 3 }), (lines, insertions) => {
      for (const [position, line] of insertions) {
        lines.splice(position % (lines.length + 1), 0, line);
      }
      expectAgreement(lines.join('\n'));
    }), { numRuns: 1000 });
  });

  test('reads the benchmark cluster itself (no fallback to the library)', () => {
    const text = renderYaml([...clusterObjects(findScale('S'), 1)]);
    expect(expectAgreement(text)).toHaveLength(320);
  });

  test.each([
    ['kubectl style: sequences not indented, quoted strings, literal block scalars', [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  annotations:', '    kubectl.kubernetes.io/last-applied-configuration: |',
      '      {"kind":"Pod"}', '  creationTimestamp: "2024-01-01T00:00:00Z"', '  labels:', '    app: web', 'spec:', '  containers:',
      '  - image: nginx', '    name: web', '    ports:', '    - containerPort: 80', '      protocol: TCP', 'status:', '  podIP: 10.0.0.1',
    ].join('\n')],
    ['comments, blank lines and empty values', '# head\na: 1 # trailing\n\nb:\n  # inside\n  c: ~\nd:\ne: []\nf: {}\n'],
    ['strip and clip chomping, with blank lines inside', 'a: |-\n  x\n\n  y\n\nb: |\n  z\n\n\nc: |\n'],
    ['compact mappings in sequences, nested sequences', 'a:\n  - b: 1\n    c:\n      - 2\n      -\n  -   d: 3\n      e: 4\n  -\n    - 5\n  - - 6\n    - - 7\n'],
    ['documents: leading comments, empty documents, a trailing marker', '# c\n---\na: 1\n---\n---\n# only a comment\n---\nb: 2\n---\n'],
    ['plain scalars of every core schema type, and trailing spaces', [
      'a: 0o17', 'b: 0x1F', 'c: -.inf', 'd: .NaN', 'e: 1e3', 'f: .5', 'g: 007', 'h: +12', 'i: ~', 'j: Null', 'k: TRUE', 'l: x1',
      'm: 1.2.3', 'n: -5   ', 'o: 10.0.0.1  ',
    ].join('\n')],
    ['quoted scalars with escapes and comments', 'a: "x\\ty\\u00e9\\"z" # c\nb: \'it\'\'s\'  # c\n'],
  ])('%s', (_, text) => {
    expect(expectAgreement(text)).toBeDefined();
  });

  test.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['escapes JSON does not have', 'a: "\\x41"\n'],
    ['flow collections', 'a: {b: 1}\n'],
    ['folded scalars', 'a: >\n  x\n'],
    ['multi-line plain scalars', 'a: x\n  y\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['keys that are not plain strings', '1: a\n'],
    ['a document that is not a mapping', '- a\n'],
    ['CRLF line ends', 'a: 1\r\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an empty text', ''],
    ['a badly indented mapping', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence after the mapping at its indentation', 'a: 1\n- b\n'],
    ['a sequence entry continued on the next line', 'k:\n- a\n  b\n'],
    ['a literal block scalar starting with a blank line', 'a: |\n\n  x\n'],
    ['a literal block scalar with a blank line of spaces', 'a: |\n  x\n   \n  y\n'],
    ['a literal block scalar followed by a line indented less than it but more than its key', 'a: |\n  x\n b: 1\n'],
  ])('gives up on %s', (_, text) => {
    expect(parseBlockYaml(text)).toBeUndefined();
  });
});
