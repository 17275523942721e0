import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * What a user gets from npm: pack the compiled library, install the tarball into a plain
 * TypeScript cdk8s app on one cdk8s-plus line (27, the oldest we support, and 33), type-check
 * it strictly, synthesize a chart that uses the value types, constructs and intents, and run
 * the packaged `cdk8s-netpol` command on the output. No other cdk8s-plus line may be installed
 * with it. Runs on the jsii output in lib/, so it needs `npx projen compile` first (the build
 * does that before testing).
 */
const root = path.join(__dirname, '..', '..');
const versionOf = (pkg: string) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const app = (line: string) => `
import { App, Chart } from 'cdk8s';
import * as kplus from '${line}';
import { DefaultDenyAll, Endpoint, LabelSelector, NetworkPolicy, Peer, PolicyTarget, PortRange, ReachabilityIntents } from 'cdk8s-netpol';

const app = new App({ outdir: 'dist' });
const chart = new Chart(app, 'shop', { namespace: 'shop' });
const db = new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres:16', portNumber: 5432 }] });
const api = new kplus.Deployment(chart, 'api', {
  metadata: { name: 'api' }, podMetadata: { labels: { app: 'api' } }, containers: [{ image: 'shop/api', portNumber: 8080 }],
});
new DefaultDenyAll(chart, 'deny', { allowDns: true });
const policy = new NetworkPolicy(chart, 'db-access', { target: PolicyTarget.workload(db) });
policy.addIngressRule([Peer.pods(LabelSelector.of({ labels: { app: 'api' } })), Peer.workload(api)], [PortRange.POSTGRES]);
policy.addEgressRule([Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16'])], [PortRange.udpRange(5000, 5010), PortRange.allTcp()]);
new NetworkPolicy(chart, 'api-out', { target: PolicyTarget.workload(api) }).addEgressRule([Peer.workload(db)], [PortRange.POSTGRES]);
const intents = new ReachabilityIntents(app, 'intents', { report: false });
intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
intents.expectIsolated(Endpoint.workload(db));
app.synth();
`;

let work: string;
beforeAll(() => {
  for (const built of ['lib/index.js', 'lib/cli/main.js', '.jsii']) {
    if (!fs.existsSync(path.join(root, built))) {
      throw new Error(`${built} is missing: run \`npx projen compile\` before this test`);
    }
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-tarball-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let tarball: string;
let files: string[];
beforeAll(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  tarball = path.join(work, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path);
}, 120_000);

test('the tarball holds the library, the command and the jest matchers, and no sources', () => {
  expect(files).toEqual(expect.arrayContaining(['lib/index.js', 'lib/cli/main.js', '.jsii', 'API.md', 'README.md', 'LICENSE',
    'node_modules/yaml/package.json', 'jest/index.js', 'jest/index.d.ts']));
  expect(files.filter((f) => /^(src|test|examples|bench)\/|^jest\/.*(?<!\.d)\.ts$|tsconfig/.test(f))).toEqual([]);
});

test.each([['cdk8s-plus-33', 'cdk8s-plus-27'], ['cdk8s-plus-27', 'cdk8s-plus-33']])('installed with %s alone, a strict app compiles, synthesizes and checks', (line, other) => {
  const dir = path.join(work, line);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'tarball-app', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball,
    `cdk8s@${versionOf('cdk8s')}`, `constructs@${versionOf('constructs')}`, `${line}@${versionOf(line)}`], { cwd: dir, stdio: 'pipe' });
  expect(fs.existsSync(path.join(dir, 'node_modules', other))).toBe(false);
  fs.writeFileSync(path.join(dir, 'main.ts'), app(line));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'commonjs', target: 'es2022', strict: true, esModuleInterop: true, types: [], skipLibCheck: true },
    files: ['main.ts'],
  }));
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, stdio: 'pipe' });
  execFileSync(process.execPath, ['main.js'], { cwd: dir, stdio: 'pipe' });

  const yaml = fs.readFileSync(path.join(dir, 'dist', 'shop.k8s.yaml'), 'utf8');
  expect(yaml).toContain('name: db-access');
  expect(yaml).toContain('name: api-out');
  expect(yaml).not.toMatch(/port: 0\b/);
  expect(execFileSync(process.execPath, ['-p', 'require.resolve("cdk8s-netpol/jest")'], { cwd: dir, encoding: 'utf8' }).trim())
    .toBe(fs.realpathSync(path.join(dir, 'node_modules', 'cdk8s-netpol', 'jest', 'index.js')));

  const bin = path.join(dir, 'node_modules', '.bin', 'cdk8s-netpol');
  const check = spawnSync(bin, ['check', 'dist'], { cwd: dir, encoding: 'utf8' });
  expect({ status: check.status, stdout: check.stdout }).toEqual({ status: 0, stdout: '' });
  // The StatefulSet, its headless Service, the Deployment and four policies.
  expect(check.stderr).toBe('checked 4 NetworkPolicies in 7 object(s): 0 error(s), 0 warning(s)\n');

  const explain = spawnSync(bin, ['explain', '--from', '203.0.113.5', '--to', 'shop/db', '--port', '5432', 'dist'], { cwd: dir, encoding: 'utf8' });
  expect(explain.status).toBe(0);
  expect(explain.stdout).toMatch(/^203\.0\.113\.5 -> shop\/db TCP\/5432: DENIED/);

  const bad = spawnSync(bin, ['check', 'missing.yaml'], { cwd: dir, encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toBe('cdk8s-netpol check: missing.yaml: no such file or folder\n');
}, 300_000);
