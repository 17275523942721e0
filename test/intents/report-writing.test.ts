import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFilesAtomically } from '../../src/intents/report-writing';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-writing-'));
}

describe('writeFilesAtomically', () => {
  test('writes every file, replacing the old ones, and leaves nothing else', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), 'old');
    expect(writeFilesAtomically([{ file: path.join(dir, 'a.md'), render: () => 'new a' }, { file: path.join(dir, 'b.json'), render: () => 'new b' }])).toBeUndefined();
    expect(fs.readdirSync(dir).sort()).toEqual(['a.md', 'b.json']);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('new a');
  });

  test.each([
    ['a temporary file cannot be written', (dir: string) => fs.mkdirSync(path.join(dir, `.b.json.${process.pid}.tmp`)), 'b.json: illegal operation on a directory (EISDIR)'],
    ['a target cannot be replaced', (dir: string) => fs.mkdirSync(path.join(dir, 'a.md')), 'a.md: illegal operation on a directory (EISDIR)'],
    ['the directory is gone', (dir: string) => fs.rmSync(dir, { recursive: true }), 'a.md: no such file or directory (ENOENT)'],
  ])('when %s, says which file and why, writes no target and leaves no temporary file', (_, breakIt, problem) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'b.json'), 'old b');
    breakIt(dir);
    const before = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    expect(writeFilesAtomically([{ file: path.join(dir, 'a.md'), render: () => 'a' }, { file: path.join(dir, 'b.json'), render: () => 'b' }])).toBe(problem);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []).toEqual(before);
  });

  test('an error of the renderer is not the file system\'s: it propagates, after the temporary files are removed', () => {
    const dir = tempDir();
    expect(() => writeFilesAtomically([
      { file: path.join(dir, 'a.md'), render: () => 'a' },
      { file: path.join(dir, 'b.json'), render: () => { throw new RangeError('Invalid string length'); } },
    ])).toThrow(RangeError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
