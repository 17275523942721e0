import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescriptorOutput, OutputFailed } from '../../src/cli/output';

/** What `write` puts in a file through a DescriptorOutput, flushed once at the end. */
function written(write: (out: DescriptorOutput) => void): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-output-')), 'out');
  const fd = fs.openSync(file, 'w');
  try {
    const out = new DescriptorOutput(fd);
    write(out);
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
  return fs.readFileSync(file, 'utf8');
}

describe('DescriptorOutput', () => {
  test('writes many short texts, long ones and multi-byte characters in order, whole', () => {
    const texts = [
      ...Array.from({ length: 50_000 }, (_, i) => `{"from":"ns/w${i}","to":"ns/ü${i}"},\n`),
      'x'.repeat(300_000),
      '→'.repeat(70_000),
      ...Array.from({ length: 1000 }, (_, i) => `${i}\n`),
    ];
    expect(written((out) => texts.forEach((text) => out.write(text)))).toBe(texts.join(''));
  });

  test('a short output, and an empty one', () => {
    expect(written((out) => out.write('short'))).toBe('short');
    expect(written(() => undefined)).toBe('');
  });

  test('a descriptor that cannot take the bytes is an OutputFailed naming the error', () => {
    if (!fs.existsSync('/dev/full')) {
      throw new Error('this test needs /dev/full (Linux)');
    }
    const fd = fs.openSync('/dev/full', 'w');
    try {
      const out = new DescriptorOutput(fd);
      out.write('x'.repeat(1000));
      expect(() => out.flush()).toThrow(new OutputFailed('ENOSPC'));
    } finally {
      fs.closeSync(fd);
    }
  });
});
