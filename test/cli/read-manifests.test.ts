import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseManifestText, readManifests } from '../../src/cli/read-manifests';
import { UsageError } from '../../src/cli/usage-error';

describe('parseManifestText', () => {
  test('reads every document of a multi-document YAML file, skipping empty ones', () => {
    const text = 'kind: Namespace\nmetadata: {name: a}\n---\n---\nkind: Namespace\nmetadata: {name: b}\n';
    const objects = parseManifestText(text, 'x.yaml');
    expect(objects.map((o) => [o.documentIndex, o.manifest.metadata.name])).toEqual([[0, 'a'], [2, 'b']]);
  });

  test('unpacks kind: List and kubectl-style <Kind>List items', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'p' } }] };
    const npList = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [{ kind: 'NetworkPolicy', metadata: { name: 'n' } }] };
    expect(parseManifestText(JSON.stringify(list), 'l.json').map((o) => o.manifest.metadata.name)).toEqual(['p']);
    expect(parseManifestText(JSON.stringify(npList), 'l.json').map((o) => o.manifest.metadata.name)).toEqual(['n']);
  });

  test('reads JSON files as one document', () => {
    expect(parseManifestText('{"kind":"Pod"}', 'p.json')).toEqual([{ file: 'p.json', documentIndex: 0, manifest: { kind: 'Pod' } }]);
  });

  test.each([
    ['malformed YAML names the document and position', 'a: 1\n---\nb: [1,\n---\n', 'x.yaml', /^x\.yaml:1: malformed YAML at line 4, column 1: /],
    ['malformed JSON names the file', '{"kind": ', 'x.json', /^x\.json: malformed JSON: /],
    ['a scalar document is not an object', 'just text\n', 'x.yaml', /^x\.yaml:0: expected a Kubernetes object .* found a string \("just text"\)/],
    ['a top-level list is not an object', '- a\n- b\n', 'x.yaml', /^x\.yaml:0: expected a Kubernetes object .* found a list/],
    ['a List without items', 'kind: List\n', 'x.yaml', /^x\.yaml:0: a kind: List must have an items array/],
    ['a List item that is not an object', 'kind: List\nitems: [1]\n', 'x.yaml', /^x\.yaml:0: items\[0\] is a number \(1\), not a Kubernetes object/],
  ])('%s', (_name, text, file, message) => {
    expect(() => parseManifestText(text, file)).toThrow(UsageError);
    expect(() => parseManifestText(text, file)).toThrow(message);
  });
});

describe('readManifests', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-read-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('walks folders recursively in name order and reads only manifest files', () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'kind: Pod\nmetadata: {name: b}\n');
    fs.writeFileSync(path.join(dir, 'a.yml'), 'kind: Pod\nmetadata: {name: a}\n');
    fs.writeFileSync(path.join(dir, 'sub', 'c.json'), '{"kind":"Pod","metadata":{"name":"c"}}');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not: read');
    const names = readManifests([dir]).map((o) => o.manifest.metadata.name);
    expect(names).toEqual(['a', 'b', 'c']);
  });

  test('a missing path and an empty argument list are usage errors', () => {
    expect(() => readManifests([path.join(dir, 'nope.yaml')])).toThrow(/nope\.yaml: no such file or folder/);
    expect(() => readManifests([])).toThrow(/no input/);
  });
});
