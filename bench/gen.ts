import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { clusterObjects } from './generate-cluster';
import { findScale } from './scales';

const USAGE = 'usage: ts-node bench/gen.ts --scale S|M|L|XL [--out DIR] [--seed N] [--format yaml|json]';
/** Objects per file: small enough to open in an editor, few enough files at XL (200). */
const CHUNK = 1000;
const OUTPUT_FILE = /^cluster-\d+\.(yaml|json)$/;

function parseArgs(argv: string[]): { scale: string; out?: string; seed: number; format: string } {
  const options: Record<string, string> = { seed: '1', format: 'yaml' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!['scale', 'out', 'seed', 'format'].includes(key) || argv[i + 1] === undefined) throw new Error(USAGE);
    options[key] = argv[i + 1];
  }
  if (!options.scale || !/^\d+$/.test(options.seed) || !['yaml', 'json'].includes(options.format)) throw new Error(USAGE);
  return { scale: options.scale, out: options.out, seed: Number(options.seed), format: options.format };
}

function render(objects: any[], format: string): string {
  if (format === 'json') {
    // A v1 List (what kubectl accepts), one object per line so files diff well.
    return `{"apiVersion":"v1","kind":"List","items":[\n${objects.map(o => JSON.stringify(o)).join(',\n')}\n]}\n`;
  }
  return objects.map(o => YAML.stringify(o, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const scale = findScale(args.scale);
  const out = args.out ?? path.join(__dirname, 'out', scale.name);
  fs.mkdirSync(out, { recursive: true });
  // A previous, larger run would otherwise leave stale chunks behind.
  for (const file of fs.readdirSync(out)) {
    if (OUTPUT_FILE.test(file)) fs.rmSync(path.join(out, file));
  }

  const started = Date.now();
  const kinds = new Map<string, number>();
  let files = 0;
  let bytes = 0;
  let chunk: any[] = [];
  const flush = () => {
    const text = render(chunk, args.format);
    fs.writeFileSync(path.join(out, `cluster-${String(++files).padStart(4, '0')}.${args.format}`), text);
    bytes += Buffer.byteLength(text);
    chunk = [];
  };
  for (const object of clusterObjects(scale, args.seed)) {
    kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
    chunk.push(object);
    if (chunk.length === CHUNK) flush();
  }
  if (chunk.length) flush();

  const objects = [...kinds.values()].reduce((a, b) => a + b, 0);
  const byKind = [...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`scale ${scale.name} seed ${args.seed}: wrote ${files} ${args.format} files to ${out}`);
  console.log(`${objects} objects (${byKind}), ${bytes} bytes, ${Date.now() - started} ms`);
}

try {
  main();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
