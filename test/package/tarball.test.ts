import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * What a user gets from npm: pack the compiled library, install the tarball into a plain
 * TypeScript cdk8s app, synthesize a chart that uses the value types and constructs, and run
 * the packaged `cdk8s-netpol` command on the output. Runs on the jsii output in lib/, so it
 * needs `npx projen compile` first (the build does that before testing).
 */
const root = path.join(__dirname, '..', '..');
const versionOf = (pkg: string) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const APP = `
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { DefaultDenyAll, LabelSelector, NetworkPolicy, Peer, PolicyTarget, PortRange } from 'cdk8s-netpol';

const app = new App({ outdir: 'dist' });
const chart = new Chart(app, 'shop', { namespace: 'shop' });
const db = new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres:16', portNumber: 5432 }] });
new DefaultDenyAll(chart, 'deny', { allowDns: true });
const policy = new NetworkPolicy(chart, 'db-access', { target: PolicyTarget.workload(db) });
policy.addIngressRule([Peer.pods(LabelSelector.of({ labels: { app: 'api' } }))], [PortRange.POSTGRES]);
policy.addEgressRule([Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16'])], [PortRange.udpRange(5000, 5010), PortRange.allTcp()]);
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

test('the packed library installs into a cdk8s app, synthesizes and checks its output', () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  const tarball = path.join(work, packed[0].filename);
  const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
  expect(files).toEqual(expect.arrayContaining(['lib/index.js', 'lib/cli/main.js', '.jsii', 'API.md', 'README.md', 'LICENSE', 'node_modules/yaml/package.json']));
  expect(files.filter((f) => /^(src|test|examples|bench)\//.test(f))).toEqual([]);

  const app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'tarball-app', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball,
    `cdk8s@${versionOf('cdk8s')}`, `constructs@${versionOf('constructs')}`, `cdk8s-plus-27@${versionOf('cdk8s-plus-27')}`], { cwd: app, stdio: 'pipe' });
  fs.writeFileSync(path.join(app, 'main.ts'), APP);
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'commonjs', target: 'es2022', strict: true, esModuleInterop: true, types: [], skipLibCheck: true },
    files: ['main.ts'],
  }));
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: app, stdio: 'pipe' });
  execFileSync(process.execPath, ['main.js'], { cwd: app, stdio: 'pipe' });

  const yaml = fs.readFileSync(path.join(app, 'dist', 'shop.k8s.yaml'), 'utf8');
  expect(yaml).toContain('name: db-access');
  expect(yaml).not.toMatch(/port: 0\b/);

  const bin = path.join(app, 'node_modules', '.bin', 'cdk8s-netpol');
  const check = spawnSync(bin, ['check', 'dist'], { cwd: app, encoding: 'utf8' });
  expect({ status: check.status, stdout: check.stdout }).toEqual({ status: 0, stdout: '' });
  // The StatefulSet, its headless Service and three policies.
  expect(check.stderr).toBe('checked 3 NetworkPolicies in 5 object(s): 0 error(s), 0 warning(s)\n');

  const explain = spawnSync(bin, ['explain', '--from', '203.0.113.5', '--to', 'shop/db', '--port', '5432', 'dist'], { cwd: app, encoding: 'utf8' });
  expect(explain.status).toBe(0);
  expect(explain.stdout).toMatch(/^203\.0\.113\.5 -> shop\/db TCP\/5432: DENIED/);

  const bad = spawnSync(bin, ['check', 'missing.yaml'], { cwd: app, encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toBe('cdk8s-netpol check: missing.yaml: no such file or folder\n');
}, 300_000);
