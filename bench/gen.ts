import * as fs from 'fs';
import * as path from 'path';
import { clusterObjects } from './generate-cluster';
import { fileChunks, renderJson, renderYaml } from './render';
import { findScale } from './scales';

const USAGE = 'usage: npm run bench:gen -- --scale S|M|L|XL [--out DIR] [--seed N] [--format yaml|json]';
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
  for (const chunk of fileChunks(clusterObjects(scale, args.seed))) {
    chunk.forEach(object => kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1));
    const text = args.format === 'json' ? renderJson(chunk) : renderYaml(chunk);
    fs.writeFileSync(path.join(out, `cluster-${String(++files).padStart(4, '0')}.${args.format}`), text);
    bytes += Buffer.byteLength(text);
  }

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
