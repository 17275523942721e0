import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { ValidationContext } from 'cdk8s-cli/plugins';
import * as kplus from 'cdk8s-plus-33';
import { AllowConnection, DefaultDenyAll, PolicyTarget } from '../../src/constructs';
import { NetworkPolicyValidation, NetworkPolicyValidationProps } from '../../src/intents';
import { thrown } from '../thrown';

const root = path.join(__dirname, '..', '..');
let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-plugin-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A shop with a raw policy whose first port is `port`. */
function shop(app: App, port: number) {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', portNumber: 8080 }] });
  const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8443 }] });
  new DefaultDenyAll(chart, 'deny', { allowDns: true });
  new AllowConnection(chart, 'web-to-api', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(api) });
  new ApiObject(chart, 'raw', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'raw-policy' },
    spec: { podSelector: { matchLabels: { app: 'metrics' } }, ingress: [{ ports: [{ port, protocol: 'TCP' }] }] },
  });
  return chart;
}

/** Runs the plugin as cdk8s-cli would, on the chart written to a file, and returns cdk8s-cli's report as JSON. */
async function run(chart: Chart, props: NetworkPolicyValidationProps, intents?: string) {
  const dir = fs.mkdtempSync(path.join(work, 'run-'));
  const manifest = path.join(dir, 'shop.k8s.yaml');
  fs.writeFileSync(manifest, Testing.synth(chart).map((o) => JSON.stringify(o)).join('\n---\n'));
  if (intents !== undefined) {
    fs.writeFileSync(path.join(dir, 'intents.yaml'), intents);
  }
  const context = new ValidationContext([manifest], 'cdk8s-netpol', '0.0.0', {}, false);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await new NetworkPolicyValidation(props).validate(context);
  } finally {
    process.chdir(cwd);
  }
  return { report: context.report.toJson(), manifest };
}

describe('API-server validation', () => {
  test('a valid app passes, naming what it checked', async () => {
    const { report } = await run(shop(Testing.app(), 9090), {});
    expect(report.summary).toMatchObject({ status: 'success', metadata: { checks: 'apiServerValidation', manifests: '1', errors: '0', warnings: '0' } });
    expect(report.violations).toEqual([]);
  });

  test('port 0 fails, on the policy, at the field, with the fix', async () => {
    const { report, manifest } = await run(shop(Testing.app(), 0), {});
    expect(report.summary.status).toBe('failure');
    expect(report.violations).toEqual([{
      ruleName: 'NP-VAL-PORT',
      recommendation: 'The API server would refuse NetworkPolicy shop/raw-policy: spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      fix: 'Change spec.ingress[0].ports[0].port in the construct, patch or included YAML that renders it: Invalid value: 0: must be between 1 and 65535, inclusive',
      violatingConstructs: [{ resourceName: 'raw-policy', locations: ['spec.ingress[0].ports[0].port'], manifestPath: manifest, constructPath: undefined }],
    }]);
  });

  test('a warning is listed but passes', async () => {
    const chart = shop(Testing.app(), 9090);
    new ApiObject(chart, 'legacy-cidr', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'legacy-cidr' },
      spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.1/8' } }] }] },
    });
    const strict = await run(chart, {});
    expect([strict.report.summary.status, strict.report.violations.map((v) => v.ruleName)]).toEqual(['failure', ['NP-VAL-CIDR-STRICT']]);
    const legacy = await run(chart, { cidr: 'legacy' });
    expect(legacy.report.summary).toMatchObject({ status: 'success', metadata: { errors: '0', warnings: '1' } });
    expect(legacy.report.violations[0].recommendation).toMatch(/^The API server would warn about NetworkPolicy shop\/legacy-cidr: spec\.egress\[0\]\.to\[0\]\.ipBlock\.cidr: /);
  });

  test('can be turned off', async () => {
    const { report } = await run(shop(Testing.app(), 0), { apiServerValidation: false });
    expect(report.summary).toMatchObject({ status: 'success', metadata: { checks: 'none' } });
  });
});

describe('an intents file', () => {
  const INTENTS = `
intents:
  - expect: allowed
    from: shop/web
    to: shop/api
  - expect: denied
    from: shop/api
    to: shop/web
    port: 8080
`;

  test('intents that hold pass', async () => {
    const { report } = await run(shop(Testing.app(), 9090), { intentsFile: 'intents.yaml' }, INTENTS);
    expect(report.summary).toMatchObject({ status: 'success', metadata: { checks: 'apiServerValidation, intentsFile', errors: '0' } });
  });

  test('a broken intent fails, on the workload, with the explanation and the fix', async () => {
    const { report, manifest } = await run(shop(Testing.app(), 9090), { intentsFile: 'intents.yaml' },
      `${INTENTS}  - expect: allowed\n    from: shop/api\n    to: 203.0.113.7\n    port: 443\n`);
    expect(report.summary.status).toBe('failure');
    expect(report.violations).toHaveLength(1);
    const [violation] = report.violations;
    expect(violation.ruleName).toBe('NP-REACH[shop/api -> 203.0.113.7 TCP/443]');
    expect(violation.recommendation).toMatch(/^expected allowed, but denied: egress from shop\/api is isolated by shop\/default-deny-all.*\(intent: shop\/api can reach 203\.0\.113\.7 on TCP\/443\)$/);
    expect(violation.fix).toBe('Allow it on both sides (AllowConnection writes both), or acknowledge this id with a reason.');
    expect(violation.violatingConstructs).toEqual([{ resourceName: 'api', locations: ['intents.yaml: intents[2]'], manifestPath: manifest, constructPath: undefined }]);
  });

  test('an acknowledged intent passes; a stale acknowledgement fails', async () => {
    const ack = '\nacknowledge:\n  - id: NP-REACH[shop/api -> shop/web TCP/8080]\n    reason: reviewed in SHOP-1 for the launch\n';
    const acknowledged = await run(shop(Testing.app(), 9090), { intentsFile: 'intents.yaml' }, `${INTENTS}${ack}`);
    expect(acknowledged.report.summary.status).toBe('success');
    const stale = await run(shop(Testing.app(), 9090), { intentsFile: 'intents.yaml' }, `intents: []${ack}`);
    expect(stale.report.violations.map((v) => [v.ruleName, v.recommendation])).toEqual([
      ['NP-INPUT', 'acknowledged ids that name no intent of the file: NP-REACH[shop/api -> shop/web TCP/8080]'],
    ]);
  });

  test('an intent naming an unknown workload fails with close matches, on the file', async () => {
    const { report } = await run(shop(Testing.app(), 9090), { intentsFile: 'intents.yaml' }, 'intents: [{ expect: isolated, workload: shop/ap }]');
    expect(report.violations.map((v) => [v.ruleName, v.recommendation, v.violatingConstructs[0].locations])).toEqual([
      ['NP-INPUT', 'NP-INPUT[shop/ap]: unknown workload "shop/ap"; close matches: shop/api', ['intents[0]']],
    ]);
  });

  test('problems of the file fail, with their field paths', async () => {
    const { report } = await run(shop(Testing.app(), 9090), { intentsFile: 'intents.yaml' }, 'intents: [{ expect: allowed, from: shop/web }]');
    expect(report.violations.map((v) => [v.ruleName, v.violatingConstructs[0].locations])).toEqual([['NP-INPUT', ['intents[0].to']]]);
  });

  test('a missing file fails, naming it', async () => {
    const { report } = await run(shop(Testing.app(), 9090), { intentsFile: 'missing.yaml' });
    expect(report.violations.map((v) => v.recommendation)).toEqual(['cannot read the intents file missing.yaml: ENOENT']);
  });
});

describe('lints', () => {
  test('the lints named fail the synthesis, on the policy, at the field, with the fix', async () => {
    const { report, manifest } = await run(shop(Testing.app(), 9090), { lints: ['NP-LINT-SELECTS-NOTHING'] });
    expect(report.summary).toMatchObject({ status: 'failure', metadata: { checks: 'apiServerValidation, lints', errors: '1' } });
    expect(report.violations).toEqual([{
      ruleName: 'NP-LINT-SELECTS-NOTHING',
      recommendation: expect.stringMatching(/^NetworkPolicy shop\/raw-policy: spec\.podSelector: /),
      fix: expect.stringMatching(/^Change spec\.podSelector in the construct, patch or included YAML that renders it/),
      violatingConstructs: [{ resourceName: 'raw-policy', locations: ['spec.podSelector'], manifestPath: manifest, constructPath: undefined }],
    }]);
  });

  test('["all"] runs every lint; lints that find nothing pass', async () => {
    const all = await run(shop(Testing.app(), 9090), { lints: ['all'] });
    expect(all.report.violations.map((v) => v.ruleName)).toContain('NP-LINT-SELECTS-NOTHING');
    // A finding on the whole policy has no field: none is printed or located.
    expect(all.report.violations.find((v) => v.ruleName === 'NP-LINT-NO-EFFECT')).toMatchObject({
      recommendation: expect.stringMatching(/^NetworkPolicy shop\/raw-policy: removing this policy changes no connection/),
      fix: expect.stringMatching(/^Change the policy in the construct, patch or included YAML/),
      violatingConstructs: [{ resourceName: 'raw-policy', locations: [] }],
    });
    const clean = await run(shop(Testing.app(), 9090), { lints: ['NP-LINT-RULES-IGNORED'] });
    expect(clean.report.summary).toMatchObject({ status: 'success', metadata: { checks: 'apiServerValidation, lints' } });
  });
});

test.each([
  [{ intentFile: 'x.yaml' }, 'NP-INPUT[NetworkPolicyValidation]: properties.intentFile: unknown; the properties are apiServerValidation, intentsFile, lints, cidr'],
  [{ lints: ['NP-LINT-TYPO'] }, /^NP-INPUT\[NetworkPolicyValidation\]: properties\.lints: \["NP-LINT-TYPO"\] must be a list of lint ids \(NP-LINT-SELECTS-NOTHING, /],
  [{ lints: 'all' }, /^NP-INPUT\[NetworkPolicyValidation\]: properties\.lints: "all" must be a list of lint ids/],
  [{ cidr: 'loose' }, 'NP-INPUT[NetworkPolicyValidation]: properties.cidr: "loose" must be "strict" or "legacy"'],
  [{ apiServerValidation: 'yes' }, 'NP-INPUT[NetworkPolicyValidation]: properties.apiServerValidation: "yes" must be true or false'],
  [{ intentsFile: '' }, 'NP-INPUT[NetworkPolicyValidation]: properties.intentsFile: "" must be the path of a YAML or JSON file'],
])('properties %j are refused', (props, message) => {
  expect(thrown(() => new NetworkPolicyValidation(props as any))).toMatch(message);
});

test('a context that is not cdk8s-cli\'s is refused', async () => {
  await expect(new NetworkPolicyValidation().validate({})).rejects.toThrow('NP-INPUT[NetworkPolicyValidation.validate]: context: expected cdk8s-cli\'s ValidationContext');
});

/**
 * The real thing: cdk8s-cli's `cdk8s synth` loads the plugin from cdk8s.yaml and runs it on the
 * app it synthesizes. Loads the compiled library (lib/), so it needs `npx projen compile` first.
 */
describe('cdk8s synth with the plugin', () => {
  const APP = `
const { ApiObject, App, Chart } = require('cdk8s');
const kplus = require('cdk8s-plus-33');
const { AllowConnection, DefaultDenyAll, PolicyTarget } = require(${JSON.stringify(root)});
const app = new App();
const chart = new Chart(app, 'shop', { namespace: 'shop' });
const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', portNumber: 8080 }] });
const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8443 }] });
new DefaultDenyAll(chart, 'deny', { allowDns: true });
new AllowConnection(chart, 'web-to-api', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(api) });
new ApiObject(chart, 'raw', {
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'raw-policy' },
  spec: { podSelector: { matchLabels: { app: 'metrics' } }, ingress: [{ ports: [{ port: Number(process.env.RAW_PORT), protocol: 'TCP' }] }] },
});
app.synth();
`;
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  let app: string;

  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'lib', 'index.js'))) {
      throw new Error('lib/index.js is missing: run `npx projen compile` before this test');
    }
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    // The app resolves cdk8s and cdk8s-plus-33 from this repository's node_modules.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(app, 'main.js'), APP);
    fs.writeFileSync(path.join(app, 'intents.yaml'), 'intents:\n  - expect: allowed\n    from: shop/web\n    to: shop/api\n');
    fs.writeFileSync(path.join(app, 'cdk8s.yaml'), [
      'language: typescript',
      'app: node main.js',
      'validations:',
      `  - package: ${root}`,
      '    class: NetworkPolicyValidation',
      `    version: ${version}`,
      '    properties:',
      '      intentsFile: intents.yaml',
      '',
    ].join('\n'));
  });

  const synth = (port: number) => spawnSync(path.join(root, 'node_modules', '.bin', 'cdk8s'), ['synth', '--check-upgrade', 'false'], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, RAW_PORT: String(port), HOME: work, FORCE_COLOR: '0' },
  });

  test('a valid app passes', () => {
    const result = synth(9090);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Validation Report (${root}@${version})`);
    expect(result.stdout).toMatch(/Status\s*│\s*success/);
    expect(result.stdout).toMatch(/checks\s*│\s*apiServerValidation, intentsFile/);
  }, 120_000);

  test('a policy with port 0 fails the synthesis, naming the policy, its construct and the field', () => {
    const result = synth(0);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/Status\s*│\s*failure/);
    expect(result.stdout).toContain('NP-VAL-PORT (1 occurrences)');
    expect(result.stdout).toContain('- Construct Path: shop/raw');
    expect(result.stdout).toContain('- Resource Name: raw-policy');
    expect(result.stdout).toContain('> spec.ingress[0].ports[0].port');
    expect(result.stdout).toContain('Recommendation: The API server would refuse NetworkPolicy shop/raw-policy: spec.ingress[0].ports[0].port: '
      + 'Invalid value: 0: must be between 1 and 65535, inclusive');
  }, 120_000);
});
