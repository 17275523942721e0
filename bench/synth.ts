/**
 * The synthesis benchmark: `npm run bench:synth -- [--size S|M|L[,...]] [--seed N] [--json]`.
 *
 * Times `app.synth()` of `synth-app.ts` at each size, with reachability intents and the default
 * report, in a child process per size (so its peak RSS is its own), and prints the time, the
 * peak RSS and the size of each report file.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { benchArgs } from './bench-args';
import { findSynthSize, SYNTH_SIZES, synthApp } from './synth-app';
import { formatTable } from './table';
import '../src';

const USAGE = 'usage: npm run bench:synth -- [--size S|M|L[,...]] [--seed N] [--json]';
/** The heap the issue's target allows: synthesis must fit in 2 GB. */
const CHILD_HEAP_MB = 2048;

/** What one size measured. */
export interface SynthResult {
  readonly size: string;
  readonly workloads: number;
  readonly policies: number;
  readonly charts: number;
  readonly intents: number;
  /** Building the app's constructs. */
  readonly buildMs: number;
  /** `app.synth()`: validation, the analysis, the report and the manifests. */
  readonly synthMs: number;
  readonly peakRssMB: number;
  /** Report file name to bytes. */
  readonly reportBytes: Record<string, number>;
  readonly manifestBytes: number;
}

/** Measures one size in this process, synthesizing into a temporary outdir that is removed after. */
export function measureSynth(sizeName: string, seed = 1): SynthResult {
  const size = findSynthSize(sizeName);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-synth-'));
  try {
    const started = process.hrtime.bigint();
    const app = new App({ outdir });
    synthApp(app, size, seed);
    const built = process.hrtime.bigint();
    app.synth();
    const synthesized = process.hrtime.bigint();
    const files = fs.readdirSync(outdir);
    const bytes = (file: string) => fs.statSync(path.join(outdir, file)).size;
    return {
      size: size.name,
      workloads: size.workloads,
      policies: size.policies,
      charts: size.charts,
      intents: size.intents,
      buildMs: Number(built - started) / 1e6,
      synthMs: Number(synthesized - built) / 1e6,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      reportBytes: Object.fromEntries(files.filter((f) => f.startsWith('reachability.')).sort().map((f) => [f, bytes(f)])),
      manifestBytes: files.filter((f) => f.endsWith('.k8s.yaml')).reduce((sum, f) => sum + bytes(f), 0),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The results as an aligned table, one row per size. */
export function formatSynthTable(results: readonly SynthResult[]): string {
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  return formatTable(results, [
    ['size', (r) => r.size],
    ['workloads / policies / charts / intents', (r) => `${r.workloads} / ${r.policies} / ${r.charts} / ${r.intents}`],
    ['build s', (r) => (r.buildMs / 1000).toFixed(1)],
    ['synth s', (r) => (r.synthMs / 1000).toFixed(1)],
    ['peak RSS MB', (r) => r.peakRssMB.toFixed(0)],
    ['manifests', (r) => mb(r.manifestBytes)],
    ['report files', (r) => Object.entries(r.reportBytes).map(([f, b]) => `${f.replace('reachability.', '')} ${mb(b)}`).join(', ')],
  ]);
}

function parseArgs(argv: string[]): { sizes: string[]; seed: number; json: boolean; child?: string } {
  const { values, switches } = benchArgs(argv, USAGE, ['size', 'seed', 'child'], ['json']);
  const child = values.get('child');
  return {
    sizes: (values.get('size')?.split(',') ?? SYNTH_SIZES.map((s) => s.name)).map((name) => findSynthSize(name).name),
    seed: Number(values.get('seed') ?? 1),
    json: switches.has('json'),
    child: child === undefined ? undefined : findSynthSize(child).name,
  };
}

/** Runs one size in a child process (this file, with `--child`) and reads its result. */
function runChild(size: string, seed: number): SynthResult {
  const args = [
    `--max-old-space-size=${CHILD_HEAP_MB}`, '-r', require.resolve('ts-node/register/transpile-only'),
    __filename, '--child', size, '--seed', String(seed),
  ];
  const env = { ...process.env, TS_NODE_PROJECT: path.join(__dirname, 'tsconfig.json') };
  const child = spawnSync(process.execPath, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) {
    throw new Error(`size ${size} failed (${child.signal ?? `exit code ${child.status}`})`);
  }
  return JSON.parse(child.stdout);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    process.stdout.write(JSON.stringify(measureSynth(args.child, args.seed)));
    return;
  }
  const results: SynthResult[] = [];
  for (const size of args.sizes) {
    console.error(`size ${size}...`);
    results.push(runChild(size, args.seed));
  }
  console.log(args.json ? JSON.stringify(results, undefined, 2) : formatSynthTable(results));
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
