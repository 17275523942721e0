/**
 * The command-line benchmark: `npm run bench:cli -- [--scale M,L[,...]] [--seed N] [--peer PATH] [--peer-scale S,M] [--peer-timeout S] [--json]`.
 *
 * Runs the built CLI (`lib/cli/main.js`, so `npx projen compile` first) end to end on the
 * benchmark's clusters, as users run it: a fresh Node process with the default heap, reading the
 * YAML files `bench:gen` writes, its stdout read (and counted) by this process. For each scale:
 * - `connections --format json`, the whole cluster over every port (not at XL: billions of entries);
 * - `diff OLD NEW --format json` between the cluster and a copy with 1% of its policies edited
 *   (`bench:gen --mutate 1`);
 * - `matrix --port 80 --format json`, and the same `--by namespace`.
 * Each row gives the wall time (process start to exit), the CPU time and peak RSS of the process,
 * and the size of its output.
 *
 * With `--peer PATH` (netpol-analyzer's `k8snetpolicy`), its `list -o json` and `diff` run on the
 * same clusters (rewritten as `netpol-analyzer-input.ts` says, so that it accepts them) at the
 * scales of `--peer-scale` (default M), each stopped after `--peer-timeout` seconds (default
 * 1,800); their CPU time and RSS come from GNU time (`/usr/bin/time`).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchArgs } from './bench-args';
import { clusterObjects } from './generate-cluster';
import { MutationCounts, mutatePolicies } from './mutate';
import { forNetpolAnalyzer } from './netpol-analyzer-input';
import { writeManifestFiles } from './render';
import { findScale, Scale } from './scales';
import { formatTable } from './table';

const USAGE = 'usage: npm run bench:cli -- [--scale M,L[,...]] [--seed N] [--peer PATH] [--peer-scale S,M] [--peer-timeout SECONDS] [--json]';
const CLI = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
const GNU_TIME = '/usr/bin/time';
const MUTATED_PERCENT = 1;

/** The targets of the issue that asked for these commands, by scale and command. */
const TARGETS: Record<string, { seconds: number; rssMB?: number }> = {
  'M connections': { seconds: 2 },
  'L connections': { seconds: 60, rssMB: 2048 },
  'L diff': { seconds: 5 },
  'XL matrix': { seconds: 5, rssMB: 1536 },
};

/** One command's run. */
export interface CliResult {
  readonly scale: string;
  readonly tool: 'cdk8s-netpol' | 'netpol-analyzer';
  readonly command: string;
  readonly wallSeconds: number;
  /** User plus system CPU time; undefined where it could not be measured. */
  readonly cpuSeconds?: number;
  readonly peakRssMB?: number;
  readonly outputMB: number;
  readonly outputLines: number;
  readonly exitCode: number | null;
  /** Set when the run was stopped at the timeout. */
  readonly killed?: boolean;
}

interface Options {
  readonly scales: string[];
  readonly seed: number;
  readonly peer?: string;
  readonly peerScales: string[];
  readonly peerTimeoutSeconds: number;
  readonly json: boolean;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run npx projen compile first`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-bench-cli-'));
  const preload = path.join(work, 'usage.js');
  // Written at exit by the measured process itself: its own CPU time and peak RSS.
  fs.writeFileSync(preload, `process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rss: u.maxRSS / 1024 }));
});\n`);
  const results: CliResult[] = [];
  try {
    for (const name of options.scales) {
      const scale = findScale(name);
      console.error(`scale ${scale.name}: writing the cluster, and a copy with ${MUTATED_PERCENT}% of its policies edited...`);
      const dirs = writeClusters(scale, options.seed, work, options.peer !== undefined && options.peerScales.includes(scale.name));
      const ours = (command: string, args: string[]) => runOurs(scale, command, args, preload, path.join(work, 'usage.json'));
      if (scale.name !== 'XL') {
        results.push(await ours('connections', ['connections', '--format', 'json', dirs.cluster]));
      }
      results.push(await ours('diff', ['diff', '--format', 'json', '--fail-on', 'none', dirs.cluster, dirs.mutated]));
      results.push(await ours('matrix', ['matrix', '--port', '80', '--format', 'json', dirs.cluster]));
      results.push(await ours('matrix --by namespace', ['matrix', '--port', '80', '--by', 'namespace', '--format', 'json', dirs.cluster]));
      if (options.peer !== undefined && dirs.peerCluster !== undefined && dirs.peerMutated !== undefined) {
        const peer = (command: string, args: string[]) => runPeer(scale, command, options.peer!, args, options.peerTimeoutSeconds);
        results.push(await peer('list', ['list', '--dirpath', dirs.peerCluster, '-o', 'json', '-q']));
        results.push(await peer('diff', ['diff', '--dir1', dirs.peerCluster, '--dir2', dirs.peerMutated, '-o', 'txt', '-q']));
      }
      for (const dir of Object.values(dirs)) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(options.json ? JSON.stringify(results, undefined, 2) : `${cliTable(results)}\n${ratios(results)}`);
}

/** The cluster, its mutated copy and, for the peer, both rewritten; each a folder of YAML files. */
function writeClusters(scale: Scale, seed: number, work: string, forPeer: boolean): Record<string, string> {
  const dirs: Record<string, string> = { cluster: path.join(work, `${scale.name}`), mutated: path.join(work, `${scale.name}-mutated`) };
  const counts: MutationCounts = { policies: 0, open: 0, close: 0, move: 0 };
  const mutated = () => mutatePolicies(clusterObjects(scale, seed), MUTATED_PERCENT, seed, counts);
  writeManifestFiles(clusterObjects(scale, seed), dirs.cluster, 'yaml');
  writeManifestFiles(mutated(), dirs.mutated, 'yaml');
  if (forPeer) {
    dirs.peerCluster = path.join(work, `${scale.name}-netpol-analyzer`);
    dirs.peerMutated = path.join(work, `${scale.name}-mutated-netpol-analyzer`);
    writeManifestFiles(forNetpolAnalyzer(clusterObjects(scale, seed), { split: 0 }), dirs.peerCluster, 'yaml');
    writeManifestFiles(forNetpolAnalyzer(mutated(), { split: 0 }), dirs.peerMutated, 'yaml');
  }
  return dirs;
}

async function runOurs(scale: Scale, command: string, args: string[], preload: string, usageFile: string): Promise<CliResult> {
  console.error(`  cdk8s-netpol ${command}...`);
  fs.rmSync(usageFile, { force: true });
  const run = await measured(process.execPath, ['--require', preload, CLI, ...args], { ...process.env, BENCH_USAGE_FILE: usageFile });
  const usage = fs.existsSync(usageFile) ? JSON.parse(fs.readFileSync(usageFile, 'utf8')) : undefined;
  return { scale: scale.name, tool: 'cdk8s-netpol', command, ...run, cpuSeconds: usage?.cpu, peakRssMB: usage?.rss };
}

async function runPeer(scale: Scale, command: string, peer: string, args: string[], timeoutSeconds: number): Promise<CliResult> {
  console.error(`  netpol-analyzer ${command} (stopped after ${timeoutSeconds} s)...`);
  const timed = fs.existsSync(GNU_TIME);
  const usageFile = path.join(os.tmpdir(), `cdk8s-netpol-bench-peer-${process.pid}.txt`);
  const [file, fileArgs] = timed ? [GNU_TIME, ['-f', '%U %S %M', '-o', usageFile, peer, ...args]] : [peer, args];
  const run = await measured(file, fileArgs, process.env, timeoutSeconds);
  let usage: number[] | undefined;
  if (timed && fs.existsSync(usageFile)) {
    // GNU time writes a note first when the command was killed; the figures are the last line.
    usage = fs.readFileSync(usageFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    fs.rmSync(usageFile);
  }
  return {
    scale: scale.name,
    tool: 'netpol-analyzer',
    command,
    ...run,
    cpuSeconds: usage && usage.length === 3 ? usage[0] + usage[1] : undefined,
    peakRssMB: usage && usage.length === 3 ? usage[2] / 1024 : undefined,
  };
}

/** Runs a process to its end (or the timeout), counting its output as it comes. */
function measured(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutSeconds?: number)
  : Promise<Pick<CliResult, 'wallSeconds' | 'outputMB' | 'outputLines' | 'exitCode' | 'killed'>> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    let bytes = 0;
    let lines = 0;
    let killed = false;
    const timer = timeoutSeconds === undefined ? undefined : setTimeout(() => {
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, timeoutSeconds * 1000);
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ wallSeconds, outputMB: bytes / 1e6, outputLines: lines, exitCode: code, ...(killed ? { killed } : {}) });
    });
  });
}

/** The results, one row per run, with the issue's target where it set one. */
export function cliTable(results: readonly CliResult[]): string {
  const number = (n: number | undefined, digits: number) => (n === undefined ? '?' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  return formatTable(results, [
    ['scale', (r) => r.scale],
    ['tool', (r) => r.tool],
    ['command', (r) => r.command],
    ['wall s', (r) => `${number(r.wallSeconds, 1)}${r.killed ? ' (killed)' : r.exitCode !== 0 ? ` (exit ${r.exitCode})` : ''}`],
    ['CPU s', (r) => number(r.cpuSeconds, 1)],
    ['peak RSS MB', (r) => number(r.peakRssMB, 0)],
    ['output MB', (r) => number(r.outputMB, 1)],
    ['output lines', (r) => r.outputLines.toLocaleString('en-US')],
    ['target', (r) => targetText(r)],
  ]);
}

function targetText(result: CliResult): string {
  const target = result.tool === 'cdk8s-netpol' ? TARGETS[`${result.scale} ${result.command}`] : undefined;
  if (target === undefined) {
    return '';
  }
  const met = result.wallSeconds <= target.seconds && (target.rssMB === undefined || (result.peakRssMB ?? Infinity) <= target.rssMB);
  return `<= ${target.seconds} s${target.rssMB === undefined ? '' : `, <= ${target.rssMB} MB`}: ${met ? 'met' : 'missed'}`;
}

/** netpol-analyzer's time over ours for the same question on the same input. */
function ratios(results: readonly CliResult[]): string {
  const pairs: Array<[string, string]> = [['list', 'connections'], ['diff', 'diff']];
  const lines: string[] = [];
  for (const peer of results.filter((r) => r.tool === 'netpol-analyzer')) {
    const ours = results.find((r) => r.tool === 'cdk8s-netpol' && r.scale === peer.scale && r.command === pairs.find(([p]) => p === peer.command)?.[1]);
    if (ours !== undefined) {
      const over = peer.killed ? 'more than ' : '';
      lines.push(`${peer.scale}: netpol-analyzer ${peer.command} took ${over}${(peer.wallSeconds / ours.wallSeconds).toFixed(0)}x the wall time of cdk8s-netpol ${ours.command}`
        + (peer.cpuSeconds !== undefined && ours.cpuSeconds !== undefined ? ` (${over}${(peer.cpuSeconds / ours.cpuSeconds).toFixed(0)}x the CPU time)` : ''));
    }
  }
  return lines.join('\n');
}

function parseArgs(argv: string[]): Options {
  const { values, switches } = benchArgs(argv, USAGE, ['scale', 'seed', 'peer', 'peer-scale', 'peer-timeout'], ['json']);
  const timeout = values.get('peer-timeout') ?? '1800';
  if (!/^\d+$/.test(timeout)) throw new Error(USAGE);
  const scales = (text: string) => text.split(',').map((name) => findScale(name).name);
  const peer = values.get('peer');
  if (peer !== undefined && !fs.existsSync(peer)) {
    throw new Error(`--peer: ${peer} does not exist (build it: go build github.com/np-guard/netpol-analyzer/cmd/netpolicy)`);
  }
  return {
    scales: scales(values.get('scale') ?? 'M,L'),
    seed: Number(values.get('seed') ?? 1),
    peer,
    peerScales: scales(values.get('peer-scale') ?? 'M'),
    peerTimeoutSeconds: Number(timeout),
    json: switches.has('json'),
  };
}

if (require.main === module) {
  main().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
