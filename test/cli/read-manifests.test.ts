import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseManifestText, readManifests } from '../../src/cli/read-manifests';
import { UsageError } from '../../src/cli/usage-error';

// As root every folder is readable: a folder named `locked` stands for one that is not.
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return {
    ...actual,
    readdirSync: (p: string, options: unknown) => {
      if (String(p).endsWith('locked')) {
        throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      }
      return actual.readdirSync(p, options);
    },
  };
});

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\n`;

describe('parseManifestText', () => {
  test('objects carry their file, document, line and origin; empty documents are skipped', () => {
    const text = `# c\n${pod('a')}---\n---\n\n${pod('b')}`;
    const { objects, problems } = parseManifestText(text, 'x.yaml');
    expect(problems).toEqual([]);
    expect(objects.map((o) => [o.doc, o.line, o.origin, o.manifest.metadata.name])).toEqual([[0, 2, 'x.yaml:2', 'a'], [2, 8, 'x.yaml:8', 'b']]);
  });

  test('List items have their own line, and their place in the origin', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }] }, undefined, 2);
    expect(parseManifestText(list, 'l.json').objects.map((o) => o.origin)).toEqual(['l.json:5 items[0]']);
  });

  test('an unusable document is a problem naming the file and line; the rest is read', () => {
    const { objects, problems } = parseManifestText(`${pod('a')}---\nb: [\n---\n${pod('c')}`, 'x.yaml');
    expect(objects.map((o) => o.manifest.metadata.name)).toEqual(['a', 'c']);
    expect(problems).toEqual([expect.objectContaining({
      file: 'x.yaml',
      doc: 1,
      line: 5,
      origin: 'x.yaml:5',
      warning: false,
      message: expect.stringMatching(/^malformed YAML at line 5, column 5: /),
    })]);
  });

  test('more objects than the call stack takes arguments, in a 9 MB JSON List and in YAML (issue 16)', () => {
    const count = 130_000;
    const items = Array.from({ length: count }, (_, i) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"config-${i}"}}`);
    const json = `{"apiVersion":"v1","kind":"List","items":[\n${items.join(',\n')}\n]}`;
    expect(json.length).toBeGreaterThan(9e6);
    expect(parseManifestText(json, 'big.json').objects).toHaveLength(count);
    const yaml = Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n');
    expect(parseManifestText(yaml, 'big.yaml').objects).toHaveLength(count);
  });
});

describe('readManifests', () => {
  let dir: string;
  const file = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  const names = (paths: string[], options = {}) => readManifests(paths, options).objects.map((o) => o.manifest.metadata.name);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-read-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('walks folders recursively in name order, reading manifest files but not the library\'s own report', () => {
    file('b.yaml', pod('b'));
    file('a.yml', pod('a'));
    file('sub/c.json', '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"c"}}');
    file('notes.txt', 'not: read');
    file('reachability.json', '{"matrices": []}');
    const { objects, problems, files } = readManifests([dir]);
    expect(objects.map((o) => o.manifest.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(problems).toEqual([]);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['a.yml', 'b.yaml', path.join('sub', 'c.json')]);
  });

  test('a FIFO in a folder is skipped and named, not waited on (issue 16)', () => {
    file('a.yaml', pod('a'));
    execFileSync('mkfifo', [path.join(dir, 'x.yaml')]);
    const { objects, problems } = readManifests([dir]);
    expect(objects).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: path.join(dir, 'x.yaml'), message: 'skipped: not a regular file (a FIFO)', warning: true })]);
  });

  test('symbolic links are followed; a loop is named and skipped (issue 16)', () => {
    file('real/a.yaml', pod('a'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'));
    fs.symlinkSync(dir, path.join(dir, 'real', 'loop'));
    fs.symlinkSync(path.join(dir, 'self'), path.join(dir, 'self'));
    const { objects, problems } = readManifests([path.join(dir, 'linked')]);
    expect(objects.map((o) => o.file)).toEqual([path.join(dir, 'linked', 'a.yaml')]);
    // The link back to the top folder walks it once: real/ again is a loop.
    expect(problems.map((p) => [path.relative(dir, p.file), p.message, p.warning])).toEqual([
      [path.join('linked', 'loop', 'linked'), `skipped: a symbolic link back to ${fs.realpathSync(path.join(dir, 'real'))}, which is already read`, true],
      [path.join('linked', 'loop', 'real'), `skipped: a symbolic link back to ${fs.realpathSync(path.join(dir, 'real'))}, which is already read`, true],
      [path.join('linked', 'loop', 'self'), 'skipped: a symbolic link loop', true],
    ]);
    expect(readManifests([path.join(dir, 'self'), path.join(dir, 'real')]).problems[0]).toMatchObject({ message: 'a symbolic link loop', warning: false });
  });

  test('a file over the size limit is refused with a clear message before it is read (issue 16)', () => {
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 300 * 1024 * 1024);
    file('small.yaml', pod('small'));
    const { objects, problems } = readManifests([big, path.join(dir, 'small.yaml')]);
    expect(objects).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: big, message: 'larger than 256 MiB, the most one file may hold here; split it', warning: false })]);
  });

  test('a stream given directly (a device) is read only up to the limit', () => {
    expect(readManifests(['/dev/zero'], { maxFileBytes: 1024 * 1024 }).problems).toEqual([
      expect.objectContaining({ message: 'larger than 1 MiB, the most one file may hold here; split it' }),
    ]);
  });

  test('a folder that cannot be read is named, and the rest is read (issue 16)', () => {
    file('ok/a.yaml', pod('a'));
    file('locked/b.yaml', pod('b'));
    const { objects, problems } = readManifests([dir]);
    expect(objects.map((o) => o.manifest.metadata.name)).toEqual(['a']);
    expect(problems).toEqual([expect.objectContaining({ file: path.join(dir, 'locked'), message: 'cannot be read (EACCES)', warning: false })]);
  });

  test('- reads stdin', () => {
    expect(names(['-'], { stdin: () => Buffer.from(pod('in')) })).toEqual(['in']);
    expect(readManifests(['-'], { stdin: () => undefined }).problems[0].message).toMatch(/^stdin holds more than 256 MiB/);
  });

  test('a missing path among others is a problem; no input at all is a usage error', () => {
    file('a.yaml', pod('a'));
    const { objects, problems } = readManifests([path.join(dir, 'a.yaml'), path.join(dir, 'nope.yaml')]);
    expect(objects).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ message: 'no such file or folder', warning: false })]);
    expect(() => readManifests([path.join(dir, 'nope.yaml')])).toThrow(new UsageError(`${path.join(dir, 'nope.yaml')}: no such file or folder`));
    expect(() => readManifests([])).toThrow(/no input/);
  });
});
