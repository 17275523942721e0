import * as fc from 'fast-check';
import { documentValue, expectAgreement, INSERTIONS, stringifyOptions, textOf } from './yaml-documents';
import { clusterObjects } from '../../bench/generate-cluster';
import { renderYaml } from '../../bench/render';
import { findScale } from '../../bench/scales';
import { readBlockYaml } from '../../src/k8s/block-yaml';
import { readManifestText } from '../../src/k8s/manifest-text';
import { runs, seeded } from '../property-runs';

const read = (text: string) => readBlockYaml(text.split('\n'), 1);

describe('readBlockYaml', () => {
  test('reads what YAML.stringify writes exactly as the library path does, or gives up', () => {
    fc.assert(fc.property(documentValue, stringifyOptions, (document, options) => {
      expectAgreement(textOf(document, options));
    }), { numRuns: runs(1000), ...seeded(13) });
  });

  test('agrees with the library path when comment lines, blank lines and odd characters are inserted anywhere', () => {
    const text = fc.tuple(documentValue, fc.boolean()).map(([d, indentSeq]) => textOf(d, { indentSeq }));
    const insertion = fc.tuple(fc.nat(), fc.constantFrom(...INSERTIONS));
    fc.assert(fc.property(text, fc.array(insertion, { maxLength: 3 }), (original, insertions) => {
      let mutated = original;
      for (const [position, inserted] of insertions) {
        const at = position % (mutated.length + 1);
        mutated = mutated.slice(0, at) + inserted + mutated.slice(at);
      }
      expectAgreement(mutated);
    }), { numRuns: runs(1000), ...seeded(16) });
  });

  test('a document of comments and blank lines only is an empty document, as between two --- lines', () => {
    expect(expectAgreement('#apiVersion: false\n\n  # kind: Pod\n')).toBeNull();
  });

  test('reads the benchmark cluster itself (no fallback to the library)', () => {
    const documents = readManifestText(renderYaml([...clusterObjects(findScale('S'), 1)]));
    expect(documents).toHaveLength(320);
    expect(documents.every((d) => d.value !== undefined)).toBe(true);
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
    ['YAML 1.1 scalars as kubectl reads them', 'a: yes\nb: off\nc: 0777\nd: 1_000\ne: 0b101\nf: 1:30\ng: y\nh: 0o17\ni: 2001-12-14\nj: 0x1F\n'],
    ['keys that YAML 1.1 reads as booleans and numbers', 'on: 1\nn: 2\n0x1F: 3\n1e3: 4\n'],
    ['plain scalars of every type, and trailing spaces', [
      'a: 0o17', 'b: 0x1F', 'd: 1e3', 'e: .5', 'f: 007', 'g: +12', 'h: ~', 'i: Null', 'j: TRUE', 'k: x1',
      'l: 1.2.3', 'm: -5   ', 'n: 10.0.0.1  ',
    ].join('\n')],
    ['quoted scalars with escapes and comments', 'a: "x\\ty\\u00e9\\"z" # c\nb: \'it\'\'s\'  # c\n'],
    ['Unicode spaces are content, not indentation or separation', 'policyTypes:\n- \u00a0Ingress\n- Egress\u3000\na: \u2003x # c\n'],
  ])('%s', (_, text) => {
    expect(expectAgreement(text)).toBeDefined();
  });

  test('a value keeps its no-break space, whatever the line ends (issue 16)', () => {
    expect(read('policyTypes:\n- \u00a0Ingress\n')?.value).toEqual({ policyTypes: ['\u00a0Ingress'] });
    const crlf = readManifestText('policyTypes:\r\n- \u00a0Ingress\r\n');
    expect(crlf[0].value).toEqual({ policyTypes: ['\u00a0Ingress'] });
  });

  test('records the line of the document and of each object in items, nested Lists too', () => {
    const text = '# a list\napiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  name: a\n-\n  kind: List\n  items:\n  - kind: Pod\n- 5\n';
    expect(readBlockYaml(text.split('\n'), 10)?.lines).toEqual({ line: 11, items: [{ line: 14 }, { line: 17, items: [{ line: 19 }] }, { line: 20 }] });
  });

  test.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['merge keys', 'a: 1\n<<: {b: 2}\n'],
    ['tags', 'a: !!str 1\n'],
    ['escapes JSON does not have', 'a: "\\x41"\n'],
    ['flow collections', 'a: {b: 1}\n'],
    ['folded scalars', 'a: >\n  x\n'],
    ['multi-line plain scalars', 'a: x\n  y\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['keys that become the same JSON key', '1: a\n01: b\n'],
    ['a null key', '~: a\n'],
    ['a __proto__ key', '__proto__: a\n'],
    ['values without a JSON form', 'a: .inf\n'],
    ['keys that are not plain', '"a": 1\n'],
    ['a document that is not a mapping', '- a\n'],
    ['CR line ends', 'a: 1\r\n'],
    ['YAML 1.1 line breaks', 'a: x\u2028y\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a directive', '%YAML 1.1\na: 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a badly indented mapping', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence after the mapping at its indentation', 'a: 1\n- b\n'],
    ['a sequence entry continued on the next line', 'k:\n- a\n  b\n'],
    ['a literal block scalar starting with a blank line', 'a: |\n\n  x\n'],
    ['a literal block scalar with a blank line of spaces', 'a: |\n  x\n   \n  y\n'],
    ['a literal block scalar followed by a line indented less than it but more than its key', 'a: |\n  x\n b: 1\n'],
    ['nesting beyond the bound', Array.from({ length: 201 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'],
  ])('gives up on %s', (_, text) => {
    expect(read(text)).toBeUndefined();
  });

  test('an empty document is null', () => {
    expect(read('# only a comment\n\n')).toEqual({ value: null, lines: { line: 1 } });
  });
});
