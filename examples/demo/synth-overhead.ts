/**
 * What the reachability intents add to the demo app's `app.synth()`:
 * `ts-node --project examples/tsconfig.json examples/demo/synth-overhead.ts [runs]`.
 *
 * Each run builds a fresh app and times `app.synth()` alone (writing into a temporary outdir),
 * alternating the variants so that machine noise hits them alike; the table shows the median
 * and the overhead of the median against the app without intents.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { shopApp, ShopAppOptions } from './shop-app';

const VARIANTS: Array<{ name: string; options: ShopAppOptions }> = [
  { name: 'without intents', options: { includeIntents: false } },
  { name: 'with intents, no report', options: { report: false } },
  { name: 'with intents and report', options: {} },
];
const WARM_UP = 20;

function synthMillis(outdir: string, options: ShopAppOptions): number {
  const app = new App({ outdir });
  shopApp(app, options);
  const start = process.hrtime.bigint();
  app.synth();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const runs = Number(process.argv[2] ?? 100);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-overhead-'));
const times = VARIANTS.map(() => [] as number[]);
for (let i = 0; i < WARM_UP + runs; i++) {
  VARIANTS.forEach((variant, v) => {
    const millis = synthMillis(outdir, variant.options);
    if (i >= WARM_UP) {
      times[v].push(millis);
    }
  });
}
fs.rmSync(outdir, { recursive: true, force: true });

const baseline = median(times[0]);
console.log(`app.synth() of the demo app, ${runs} runs each after ${WARM_UP} warm-up runs`);
console.log(`${'variant'.padEnd(26)}${'median ms'.padStart(10)}${'min ms'.padStart(9)}${'overhead'.padStart(10)}`);
VARIANTS.forEach((variant, v) => {
  const m = median(times[v]);
  const overhead = v === 0 ? '' : `${(((m - baseline) / baseline) * 100).toFixed(1)}%`;
  console.log(`${variant.name.padEnd(26)}${m.toFixed(2).padStart(10)}${Math.min(...times[v]).toFixed(2).padStart(9)}${overhead.padStart(10)}`);
});
