import * as path from 'path';
import { benchArgs } from './bench-args';
import { clusterObjects } from './generate-cluster';
import { MutationCounts, mutatePolicies } from './mutate';
import { writeManifestFiles } from './render';
import { findScale } from './scales';

const USAGE = 'usage: npm run bench:gen -- --scale S|M|L|XL [--out DIR] [--seed N] [--format yaml|json] [--mutate PERCENT]';

interface GenArgs {
  readonly scale: string;
  readonly out?: string;
  readonly seed: number;
  readonly format: string;
  /** The share of policies to edit, in percent (`mutate.ts`). */
  readonly mutate?: number;
}

function parseArgs(argv: string[]): GenArgs {
  const { values } = benchArgs(argv, USAGE, ['scale', 'out', 'seed', 'format', 'mutate']);
  const mutate = values.has('mutate') ? Number(values.get('mutate')) : undefined;
  const scale = values.get('scale');
  const format = values.get('format') ?? 'yaml';
  if (!scale || !['yaml', 'json'].includes(format) || (mutate !== undefined && !(mutate > 0 && mutate <= 100))) {
    throw new Error(USAGE);
  }
  return { scale, out: values.get('out'), seed: Number(values.get('seed') ?? 1), format, mutate };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const scale = findScale(args.scale);
  const out = args.out ?? path.join(__dirname, 'out', args.mutate === undefined ? scale.name : `${scale.name}-mutated`);
  const started = Date.now();
  const counts: MutationCounts = { policies: 0, open: 0, close: 0, move: 0 };
  const original = clusterObjects(scale, args.seed);
  const objects = args.mutate === undefined ? original : mutatePolicies(original, args.mutate, args.seed, counts);
  const { files, bytes, kinds } = writeManifestFiles(objects, out, args.format as 'yaml' | 'json');

  const total = [...kinds.values()].reduce((a, b) => a + b, 0);
  const byKind = [...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`scale ${scale.name} seed ${args.seed}: wrote ${files} ${args.format} files to ${out}`);
  console.log(`${total} objects (${byKind}), ${bytes} bytes, ${Date.now() - started} ms`);
  if (args.mutate !== undefined) {
    console.log(`mutated ${counts.open + counts.close + counts.move} of ${counts.policies} policies: ${counts.open} opened, ${counts.close} closed, ${counts.move} moved`);
  }
}

try {
  main();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
