/**
 * The benchmark runner: `npm run bench -- [--scale S|M|L|XL[,...]] [--seed N] [--json]`.
 *
 * Prints one row per scale (default S, M and L; XL only when asked). Each scale runs in a child
 * process of its own, so that its peak RSS is its own, and measures, on the cluster that
 * `bench:gen` writes for the same scale and seed:
 * - parse throughput of that cluster as YAML files and as JSON `List` files (the CLI's reader);
 * - the model build (`ClusterModel.fromManifests`, every policy validated);
 * - the full matrix for TCP/80 (`Evaluator.matrix`) and the count of allowed workload pairs;
 *   on S and M the count is checked against the reference evaluator of the tests;
 * - point queries (`Evaluator.check`, random pairs and ports) and explains (`check` rendered by
 *   `VerdictReport.toText`) per second;
 * - the process's peak RSS.
 *
 * `--cluster-policies` adds 50 Admin and 20 Baseline ClusterNetworkPolicies (`cluster-policies.ts`)
 * to each scale, which is then reported as e.g. `L+CNP`; the reference check then runs on S only.
 *
 * Each phase runs once, after a garbage collection. Queries and explains first run untimed on a
 * tenth of the queries, so that they are timed in JIT-compiled code; parsing is timed cold, as
 * the CLI reads files (small inputs are then mostly compile time).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { benchArgs } from './bench-args';
import { clusterPolicyObjects } from './cluster-policies';
import { clusterObjects } from './generate-cluster';
import { countAllowedPairs } from './pair-count';
import { Random } from './random';
import { fileChunks, renderJson, renderYaml } from './render';
import { findScale, Scale } from './scales';
import { formatTable } from './table';
import { ClusterModel, Evaluator, ManifestDocument } from '../src/analysis';
import { parseManifestText } from '../src/cli/read-manifests';
import { Protocol } from '../src/k8s/protocol';
import { VerdictReport } from '../src/report/verdict-report';
import { ReferenceEvaluator } from '../test/analysis/reference-evaluator';

const USAGE = 'usage: npm run bench -- [--scale S|M|L|XL[,...]] [--seed N] [--cluster-policies] [--json]';
const DEFAULT_SCALES = ['S', 'M', 'L'];
/** Scales small enough for the reference evaluator, which tests every pair against every policy of its namespace. */
const REFERENCE_SCALES = ['S', 'M'];
/** With ClusterNetworkPolicies the reference evaluator also tries every one of them on every pair. */
const REFERENCE_SCALES_WITH_CLUSTER_POLICIES = ['S'];
const MATRIX_PORT = { port: 80, protocol: Protocol.TCP };
const QUERY_PORTS: ReadonlyArray<readonly [number, Protocol]> = [
  [80, Protocol.TCP], [443, Protocol.TCP], [8080, Protocol.TCP], [5432, Protocol.TCP], [6379, Protocol.TCP],
  [9090, Protocol.TCP], [53, Protocol.UDP],
];
/** Heap ceiling for each scale's child process: the 8 GB of the XL target (Node's default depends on the machine). */
const CHILD_HEAP_MB = 8192;

/** What one scale measured. */
export interface BenchResult {
  readonly scale: string;
  readonly objects: number;
  readonly yamlMB: number;
  readonly yamlMBPerSecond: number;
  readonly jsonMB: number;
  readonly jsonMBPerSecond: number;
  readonly buildMs: number;
  /** Pod classes of the model (workloads no policy can tell apart share one). */
  readonly classes: number;
  /** Building the TCP/80 matrix and counting its allowed pairs. */
  readonly matrixMs: number;
  readonly allowedPairs: number;
  /** The reference evaluator's count, on the scales it can handle. */
  readonly referencePairs?: number;
  readonly queriesPerSecond: number;
  readonly explainsPerSecond: number;
  readonly peakRssMB: number;
}

export interface MeasureOptions {
  readonly seed?: number;
  /** Point queries to time. @default 100_000 */
  readonly queries?: number;
  /** Explains to time. @default 10_000 */
  readonly explains?: number;
  /** Add the ClusterNetworkPolicies of `cluster-policies.ts`. @default false */
  readonly clusterPolicies?: boolean;
}

/**
 * Measures one scale in this process. Throws if the allowed-pair count differs from the
 * reference evaluator's (on S and M).
 */
export function measure(scale: Scale, options: MeasureOptions = {}): BenchResult {
  const seed = options.seed ?? 1;
  const objects = [...clusterObjects(scale, seed), ...(options.clusterPolicies ? clusterPolicyObjects(seed) : [])];
  const yaml = parseThroughput(objects, 'yaml');
  const json = parseThroughput(objects, 'json');

  const documents: ManifestDocument[] = objects.map((manifest, i) => ({ manifest, origin: `object ${i}` }));
  const build = timed(() => ClusterModel.fromManifests(documents));
  const model = build.value;
  const evaluator = new Evaluator(model);
  const matrix = timed(() => countAllowedPairs(model, evaluator.matrix(MATRIX_PORT)));

  let referencePairs: number | undefined;
  if ((options.clusterPolicies ? REFERENCE_SCALES_WITH_CLUSTER_POLICIES : REFERENCE_SCALES).includes(scale.name)) {
    referencePairs = new ReferenceEvaluator(documents).countAllowedPairs(MATRIX_PORT);
    if (referencePairs !== matrix.value) {
      throw new Error(`scale ${scale.name}: the evaluator allows ${matrix.value} pairs on TCP/80, the reference evaluator ${referencePairs}`);
    }
  }

  const rng = new Random(seed);
  const endpoints = model.workloads.map((w) => w.endpoint);
  const query = () => {
    const [port, protocol] = rng.pick(QUERY_PORTS);
    return { source: rng.pick(endpoints), destination: rng.pick(endpoints), port, protocol };
  };
  const queries = Array.from({ length: options.queries ?? 100_000 }, query);
  const explainQueries = Array.from({ length: options.explains ?? 10_000 }, query);
  // Steady state: a first pass over a tenth of the queries lets the JIT compile the evaluator first.
  queries.slice(0, queries.length / 10).forEach((q) => VerdictReport.toText(evaluator.check(q)));
  const checks = timed(() => queries.filter((q) => evaluator.check(q).allowed).length);
  const explains = timed(() => explainQueries.map((q) => VerdictReport.toText(evaluator.check(q))).length);

  return {
    scale: options.clusterPolicies ? `${scale.name}+CNP` : scale.name,
    objects: objects.length,
    yamlMB: yaml.megabytes,
    yamlMBPerSecond: yaml.megabytes / (yaml.ms / 1000),
    jsonMB: json.megabytes,
    jsonMBPerSecond: json.megabytes / (json.ms / 1000),
    buildMs: build.ms,
    classes: model._index.classes.length,
    matrixMs: matrix.ms,
    allowedPairs: matrix.value,
    referencePairs,
    queriesPerSecond: queries.length / (checks.ms / 1000),
    explainsPerSecond: explainQueries.length / (explains.ms / 1000),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Renders the cluster as `bench:gen` writes it, then times reading every file back, once, as the CLI does. */
function parseThroughput(objects: readonly any[], format: 'yaml' | 'json'): { megabytes: number; ms: number } {
  const files = [...fileChunks(objects)].map((chunk, i) => ({
    name: `cluster-${String(i + 1).padStart(4, '0')}.${format}`,
    text: format === 'yaml' ? renderYaml(chunk) : renderJson(chunk),
  }));
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  const parsed = timed(() => files.reduce((count, file) => count + parseManifestText(file.text, file.name).objects.length, 0));
  if (parsed.value !== objects.length) {
    throw new Error(`${format}: read ${parsed.value} objects back, expected ${objects.length}`);
  }
  return { megabytes: bytes / 1e6, ms: parsed.ms };
}

/** Runs `fn` once, after a garbage collection when the process allows one (`--expose-gc`). */
function timed<T>(fn: () => T): { value: T; ms: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const started = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** The results as an aligned table, one row per scale. */
export function formatResults(results: readonly BenchResult[]): string {
  return formatTable(results, [
    ['scale', (r) => r.scale],
    ['objects', (r) => r.objects.toLocaleString('en-US')],
    ['YAML MB/s', (r) => `${r.yamlMBPerSecond.toFixed(1)} (${r.yamlMB.toFixed(1)} MB)`],
    ['JSON MB/s', (r) => `${r.jsonMBPerSecond.toFixed(1)} (${r.jsonMB.toFixed(1)} MB)`],
    ['build ms', (r) => r.buildMs.toFixed(0)],
    ['classes', (r) => r.classes.toLocaleString('en-US')],
    ['matrix ms', (r) => r.matrixMs.toFixed(0)],
    ['allowed pairs TCP/80', (r) => r.allowedPairs.toLocaleString('en-US') + (r.referencePairs === undefined ? '' : ' (= reference)')],
    ['queries/s', (r) => Math.round(r.queriesPerSecond).toLocaleString('en-US')],
    ['explains/s', (r) => Math.round(r.explainsPerSecond).toLocaleString('en-US')],
    ['peak RSS MB', (r) => r.peakRssMB.toFixed(0)],
  ]);
}

function parseArgs(argv: string[]): { scales: string[]; seed: number; json: boolean; clusterPolicies: boolean; child?: string } {
  const { values, switches } = benchArgs(argv, USAGE, ['scale', 'seed', 'child'], ['json', 'cluster-policies']);
  const child = values.get('child');
  return {
    scales: values.has('scale') ? values.get('scale')!.split(',').map((name) => findScale(name).name) : DEFAULT_SCALES,
    seed: Number(values.get('seed') ?? 1),
    json: switches.has('json'),
    clusterPolicies: switches.has('cluster-policies'),
    child: child === undefined ? undefined : findScale(child).name,
  };
}

/** Runs one scale in a child process (this file, with `--child`) and reads its result. */
function runChild(scale: string, seed: number, clusterPolicies: boolean): BenchResult {
  const args = [
    `--max-old-space-size=${CHILD_HEAP_MB}`, '--expose-gc', '-r', require.resolve('ts-node/register/transpile-only'),
    __filename, '--child', scale, '--seed', String(seed), ...(clusterPolicies ? ['--cluster-policies'] : []),
  ];
  const env = { ...process.env, TS_NODE_PROJECT: path.join(__dirname, 'tsconfig.json') };
  const child = spawnSync(process.execPath, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) {
    throw new Error(`scale ${scale} failed (${child.signal ?? `exit code ${child.status}`})`);
  }
  return JSON.parse(child.stdout);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    process.stdout.write(JSON.stringify(measure(findScale(args.child), { seed: args.seed, clusterPolicies: args.clusterPolicies })));
    return;
  }
  const results: BenchResult[] = [];
  for (const scale of args.scales) {
    console.error(`scale ${scale}...`);
    results.push(runChild(scale, args.seed, args.clusterPolicies));
  }
  console.log(args.json ? JSON.stringify(results, undefined, 2) : formatResults(results));
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
