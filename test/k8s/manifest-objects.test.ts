import { isList, manifestObjects } from '../../src/k8s/manifest-objects';
import { readManifestText } from '../../src/k8s/manifest-text';

const objectsOf = (text: string) => manifestObjects(readManifestText(text));

describe('manifestObjects', () => {
  test('Lists are unpacked, nested ones too (issue 16), each object with its line and place', () => {
    const text = [
      'apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: a}',
      '- apiVersion: v1', '  kind: List', '  items:', '  - apiVersion: networking.k8s.io/v1', '    kind: NetworkPolicy', '',
    ].join('\n');
    const { objects, problems } = objectsOf(text);
    expect(problems).toEqual([]);
    expect(objects.map((o) => [o.line, o.item, o.manifest.kind])).toEqual([[4, 'items[0]', 'Pod'], [10, 'items[1].items[0]', 'NetworkPolicy']]);
  });

  test('items of a typed list that name neither apiVersion nor kind take the list\'s, as kubectl does', () => {
    const { objects } = objectsOf('{"apiVersion": "v1", "kind": "PodList", "items": [{"metadata": {"name": "a"}}]}');
    expect(objects[0].manifest).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } });
  });

  test('any object with items is a List to kubectl; items: null is an empty one', () => {
    expect(isList({ kind: 'Whatever', items: [] })).toBe(true);
    expect(isList({ kind: 'List' })).toBe(false);
    expect(objectsOf('kind: List\napiVersion: v1\nitems:\n')).toEqual({ objects: [], problems: [] });
  });

  test('every unusable document or item is a problem with its line; the others are still read', () => {
    const text = [
      'just text', '---', '- a', '---', 'kind: Pod', '---', 'apiVersion: v1', 'kind: List', 'items: oops', '---',
      'apiVersion: v1', 'kind: List', 'items:', '- 5', '- apiVersion: v1', '  kind: Pod', '- {kind: Pod}', '---', 'a: [',
    ].join('\n');
    const { objects, problems } = objectsOf(text);
    expect(objects.map((o) => o.line)).toEqual([15]);
    expect(problems.map((p) => [p.doc, p.line, p.item, p.message])).toEqual([
      [0, 1, '', 'expected a Kubernetes object (a mapping with apiVersion and kind), found a string ("just text")'],
      [1, 3, '', 'expected a Kubernetes object (a mapping with apiVersion and kind), found a list'],
      [2, 5, '', 'not a Kubernetes object: it has no apiVersion (kubectl refuses an object without apiVersion and kind)'],
      [3, 7, '', 'items must be a list of objects, not a string ("oops")'],
      [4, 14, 'items[0]', 'expected a Kubernetes object (a mapping with apiVersion and kind), found a number (5)'],
      [4, 17, 'items[2]', 'not a Kubernetes object: it has no apiVersion (kubectl refuses an object without apiVersion and kind)'],
      [5, 19, '', expect.stringMatching(/^malformed YAML at line 19, column 5: /)],
    ]);
  });

  test('a key named like a JavaScript built-in is just a key', () => {
    const { objects } = objectsOf('apiVersion: v1\nkind: constructor\nmetadata:\n  toString: x\n  hasOwnProperty: z\n');
    expect(objects[0].manifest).toEqual({ apiVersion: 'v1', kind: 'constructor', metadata: { toString: 'x', hasOwnProperty: 'z' } });
  });
});
