import { decodeManifestBytes, readManifestText } from '../../src/k8s/manifest-text';
import * as library from '../../src/k8s/yaml-library-reader';

describe('readManifestText', () => {
  test('YAML: documents between --- lines, each read on its own, with its index and line', () => {
    const text = '# head\n---\nkind: A\n--- # comment\n\n---\nkind: [\n---\nkind: &x B\nother: *x\n';
    expect(readManifestText(text)).toEqual([
      { index: 0, line: 3, value: { kind: 'A' }, lines: { line: 3 } },
      expect.objectContaining({ index: 2, line: 7, error: expect.stringMatching(/^malformed YAML at line 7, column 8: /) }),
      { index: 3, line: 9, value: { kind: 'B', other: 'B' }, lines: { line: 9 } },
    ]);
  });

  test('an anchor in one document sends only that document to the library (issue 10)', () => {
    const slow = jest.spyOn(library, 'readYamlWithLibrary');
    try {
      const documents = readManifestText('c: yes\n---\na: &x 1\nb: *x\n---\nd: [on]\n---\ne: 0777\n');
      expect(documents.map((d) => d.value)).toEqual([{ c: true }, { a: 1, b: 1 }, { d: [true] }, { e: 511 }]);
      expect(slow.mock.calls.map(([text]) => text)).toEqual(['a: &x 1\nb: *x\n', 'd: [on]\n']);
    } finally {
      slow.mockRestore();
    }
  });

  test('a leading byte-order mark is ignored, in YAML and in JSON', () => {
    expect(readManifestText('\ufeffkind: A\n')[0].value).toEqual({ kind: 'A' });
    expect(readManifestText('\ufeff {"kind": "A"}')[0].value).toEqual({ kind: 'A' });
  });

  test('text starting with { is JSON, whatever the file is called; CRLF YAML is read too', () => {
    expect(readManifestText('\n  {"a": 1} {"b": 2}').map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(readManifestText('a: 1\r\n---\r\nb: on\r\n').map((d) => d.value)).toEqual([{ a: 1 }, { b: true }]);
  });

  test('bytes that are not UTF-8: a YAML document holding one is refused, JSON is read with U+FFFD and a warning', () => {
    const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const yaml = decodeManifestBytes(latin1('a: 1\n---\nname: caf\xe9\n'));
    expect(yaml.invalid).toEqual([{ line: 3, column: 10, byte: 0xe9 }]);
    expect(readManifestText(yaml.text, yaml.invalid)).toEqual([
      expect.objectContaining({ index: 0, value: { a: 1 } }),
      { index: 1, line: 3, error: 'byte 0xE9 at line 3, column 10 is not UTF-8 (a Latin-1 file?): kubectl refuses a YAML document that holds one; save the file as UTF-8' },
    ]);
    const json = decodeManifestBytes(latin1('{"name": "caf\xe9"}'));
    expect(readManifestText(json.text, json.invalid)).toEqual([expect.objectContaining({
      value: { name: 'caf\ufffd' }, warning: expect.stringMatching(/^byte 0xE9 at line 1, column 14 is not UTF-8 .*: read as U\+FFFD, as kubectl reads it/),
    })]);
    expect(decodeManifestBytes(Buffer.from('naïve ✓ \u{1f600}', 'utf8'))).toEqual({ text: 'naïve ✓ \u{1f600}', invalid: [] });
  });
});
