/** What the tests of the YAML readers share: the library path as the oracle, and generators of documents. */
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { readBlockYaml } from '../../src/k8s/block-yaml';
import { LineTree } from '../../src/k8s/parsed-document';
import { readYamlWithLibrary } from '../../src/k8s/yaml-library-reader';

/**
 * The library path's reading of one document: its value and lines, or undefined when it reports
 * an error. A text without content is a stream of no document to the library, and an empty
 * document (null) when it stands between two `---` lines, which is where the fast reader meets it.
 */
export function library(text: string): { value: unknown; lines: LineTree } | undefined {
  const documents = readYamlWithLibrary(text, 0, 1);
  if (documents.length === 0) {
    return { value: null, lines: { line: 1 } };
  }
  if (documents.length !== 1 || documents[0].error !== undefined) {
    return undefined;
  }
  return { value: documents[0].value, lines: documents[0].lines! };
}

/** The fast reader's reading of one document, checked to be exactly the library's when it reads it at all. */
export function expectAgreement(text: string): unknown {
  const fast = readBlockYaml(text.split('\n'), 1);
  if (fast !== undefined) {
    expect({ text, read: fast }).toEqual({ text, read: library(text) });
    // toEqual takes NaN for NaN and ignores -0 against 0: compare the JSON too, which kubectl sends.
    expect(JSON.stringify(fast.value)).toBe(JSON.stringify(library(text)!.value));
  }
  return fast?.value;
}

// Mostly what manifests hold, sometimes what YAML must quote, escape or refuse, or reads as YAML 1.1.
const KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'labels', 'items', 'app.kubernetes.io/name', 'k8s-app', 'ports', 'x_1', '3scale'];
const ODD_KEYS = ['true', 'null', '1', '01', '0x1F', '1e3', 'y', 'on', 'No', '1_0', '<<', 'a b', 'x:y', '-x', '#x', '__proto__',
  'constructor', 'toString', 'hasOwnProperty', 'ünï', '', '\u00a0k', 'k\u3000'];
const VALUES = ['web', 'v1', 'Deployment', 'kube-system', 'TCP', 'registry.example.com/app:1.0', '10.0.0.0/8', '::1', 'a b', 'Ingress'];
const ODD_VALUES = ['', ' ', 'a: b', 'a #b', '#x', '- x', '-', 'true', 'False', 'yes', 'on', 'N', 'y', 'null', 'Null', '~', '1', '-0',
  '+12', '007', '0777', '08', '0x1F', '0X1F', '0o17', '0b101', '1_000', '1e3', '1e309', '.5', '1.', '-.inf', '.NaN', 'NaN', '1:30',
  '2001-12-14', "it's", 'say "hi"', 'line\nbreak', 'two\n\nlines\n', 'tab\there', 'back\\slash', '{}', '[]', '{a}', '[a]', '*x', '&x',
  '!x', '|', '>', '%x', '@x', '`x', 'ünï', 'fd00::', 'a:', ':a', '?x', '? x', 'x ', ' x', '\u0085', 'a\u2028b', '\u2029', '---', '...',
  'a,b', '"quoted"', "'single'", '\u00a0Ingress', 'Ingress\u00a0', '\u2003x', '\u3000', '\ufeffx', 'a\u00a0#b', '-\u00a0x', '<<'];

const documentOf = (key: fc.Arbitrary<string>, scalar: fc.Arbitrary<unknown>) => {
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
    map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    list: fc.array(tie('node'), { maxLength: 3 }),
  })).node;
  return fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });
};

/** Half the documents look like manifests; the others mix odd keys and values in anywhere. */
export const documentValue = fc.oneof(
  documentOf(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.integer(), fc.boolean(), fc.constant(null))),
  documentOf(
    fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 8 }, fc.constantFrom(...ODD_KEYS), fc.string()),
    fc.oneof({ arbitrary: fc.constantFrom(...VALUES), weight: 4 }, { arbitrary: fc.constantFrom(...ODD_VALUES), weight: 3 },
      fc.string(), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
  ),
);

/** How `YAML.stringify` may write a document: block style mostly, sometimes quoted, folded or narrow. */
export const stringifyOptions = fc.record({
  indentSeq: fc.boolean(),
  defaultStringType: fc.oneof(
    { arbitrary: fc.constant('PLAIN' as const), weight: 4 },
    fc.constantFrom('QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const, 'BLOCK_FOLDED' as const),
  ),
  lineWidth: fc.constantFrom(0, 0, 20, 80),
});

/** A document's text as YAML.stringify writes it (YAML 1.2 quoting, which the readers must take as written). */
export function textOf(document: unknown, options: YAML.ToStringOptions = {}): string {
  return YAML.stringify(document, { ...options, aliasDuplicateObjects: false });
}

/** Characters that a hand edit or a bad copy puts into a file: spaces of every kind, breaks, indicators. */
export const INSERTIONS = [' ', '  ', '\t', '\r', '\u00a0', '\u2003', '\u3000', '\u2028', '\u2029', '\u0085', '\ufeff', '#', '# c', '- ',
  ':', ': ', '-', '|', '>', '&a ', '*a', '!', '"', "'", '{', '[', '\n', '\n\n', '\n  ', '\n- x', '\n#', '<<: ', 'yes', '0777'];
