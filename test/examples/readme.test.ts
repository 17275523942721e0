import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import * as YAML from 'yaml';
import * as library from '../../src';
import { AllowConnection, DefaultDenyAll, Endpoint, LintId, NetworkPolicy, NetworkPolicyValidation, PolicyTarget, PortRange, Protocol, ReachabilityIntents, TrafficDirection } from '../../src';
import { exposureCommand } from '../../src/cli/exposure-command';
import { readIntentsFile } from '../../src/intents/intents-file';
import { cnpCorpus } from '../validation/cnp-oracle/corpus';

/** The README's first example, as it is there; a test below keeps the two the same. */
function firstExample(app: App) {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'shop/api', portNumber: 8080 }] });
  const db = new kplus.StatefulSet(chart, 'db', { metadata: { name: 'db' }, containers: [{ image: 'postgres:16', portNumber: 5432 }] });

  // Nothing in or out of the namespace, except DNS lookups...
  new DefaultDenyAll(chart, 'default-deny', { allowDns: true });
  // ...and api -> db on the database's container port (egress on api, ingress on db).
  new AllowConnection(chart, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) });
  return { chart, api, db };
}

/** The README's intents, on the first example plus a `web` workload. */
function withIntents(app: App) {
  const { chart, api, db } = firstExample(app);
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'shop/web', portNumber: 8080 }] });
  const intents = new ReachabilityIntents(app, 'intents');
  intents.expectAllowed(Endpoint.workload(api), Endpoint.workload(db), PortRange.POSTGRES);
  intents.expectDenied(Endpoint.named('shop/web'), Endpoint.workload(db), PortRange.POSTGRES);
  intents.expectOnlySources(Endpoint.workload(db), [Endpoint.workload(api)]);
  intents.expectIsolated(Endpoint.workload(db));
  return { chart, web, db };
}

/** The README's "Beside cdk8s-plus" snippet, on the first example's db. */
function besideCdk8sPlus(app: App) {
  const { chart, db } = firstExample(app);
  new NetworkPolicy(chart, 'db-policy', { target: PolicyTarget.workload(db), policyTypes: [TrafficDirection.INGRESS] }); // ours
  new kplus.NetworkPolicy(chart, 'legacy', {}); // cdk8s-plus's
  const udp = Protocol.UDP; // ours; kplus.Protocol is theirs
  return { chart, udp };
}

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const SOURCE = readFileSync(__filename, 'utf8');

/** The lines of the first ts block after `heading`, less imports and app boilerplate. */
function codeAfter(heading: string): string[] {
  const block = README.split(heading)[1].match(/```ts\n([\s\S]*?)```/)![1];
  return block.split('\n').filter((l) => !/^(import|const app = new App|app\.synth)/.test(l) && l.trim() !== '');
}

test('the first example writes the four policies the README names', () => {
  const { chart } = firstExample(Testing.app());
  const names = Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy').map((o: any) => o.metadata.name);
  expect(names).toEqual(['default-deny-all', 'allow-dns', 'allow-api-to-db-egress', 'allow-api-to-db']);
  expect(README).toContain(names.slice(0, -1).map((n: string) => `\`${n}\``).join(', ') + ' and\n`allow-api-to-db`');
});

test('the intents of the README hold on the first example', () => {
  const { chart } = withIntents(Testing.app());
  expect(() => Testing.synth(chart)).not.toThrow();
});

test('a broken intent fails synthesis with the message the README shows', () => {
  const { chart, web, db } = withIntents(Testing.app());
  new AllowConnection(chart, 'web-to-db', { source: PolicyTarget.workload(web), destination: PolicyTarget.workload(db) });
  const shown = README.match(/```text\nValidation failed with the following errors:\n(.*)\.\.\.\n```/)![1];
  expect(() => Testing.synth(chart)).toThrow(shown);
});

test('the names shared with cdk8s-plus live side by side, ours imported by name and theirs through the namespace', () => {
  const { chart, udp } = besideCdk8sPlus(Testing.app());
  expect(udp).toBe('UDP');
  expect(kplus.Protocol.UDP).toBe('UDP');
  const policies = Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy').map((o: any) => o.metadata.name);
  expect(policies).toContain('db-policy');
  expect(policies.some((name: string) => name.includes('legacy'))).toBe(true);
});

test.each([['## A first example'], ['## Checking intent at synth time'], ['### Beside cdk8s-plus']])('the README shows the code under "%s" as this file has it', (heading) => {
  const body = codeAfter(heading);
  expect(body.length).toBeGreaterThanOrEqual(3);
  expect(body.filter((line) => !SOURCE.includes(line.trim()))).toEqual([]);
});

test.each([
  ['python', ['examples/python/shop_app.py']],
  ['java', ['examples/java/src/main/java/com/example/shop/ShopApp.java']],
  ['go', ['examples/go/shop.go', 'examples/go/cmd/shop/main.go']],
])('the README\'s %s example is the code of the example app CI runs', (language, files) => {
  const block = README.split('## Python, Java, Go and .NET')[1].match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'))![1];
  const source = files.map((f) => readFileSync(join(__dirname, '..', '..', f), 'utf8')).join('\n');
  const lines = block.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== ')' && l !== '})');
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.filter((l) => !source.includes(l))).toEqual([]);
});

describe('the README\'s ClusterNetworkPolicy section', () => {
  const SECTION = README.split('## Cluster-wide guardrails (ClusterNetworkPolicy)')[1].split('\n## ')[0];
  const EXAMPLE = readFileSync(join(__dirname, '..', '..', 'examples', 'cluster-guardrails.ts'), 'utf8');

  test('shows code of examples/cluster-guardrails.ts, which its tests synthesize and check', () => {
    const block = SECTION.match(/```ts\n([\s\S]*?)```/)![1];
    const lines = block.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('//'));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((l) => !EXAMPLE.includes(l))).toEqual([]);
  });

  test('its Python names are the library\'s, in Python\'s spelling', () => {
    const block = SECTION.match(/```python\n([\s\S]*?)```/)![1];
    const imported = block.match(/^from cdk8s_netpol import (.*)$/m)![1].split(', ');
    const api = library as Record<string, any>;
    expect(imported.filter((name) => api[name] === undefined)).toEqual([]);
    const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    for (const [, owner, method] of block.matchAll(/(\w+)\.(\w+)\(/g)) {
      expect(typeof api[owner][camel(method)]).toBe('function');
    }
    const keywords = [...block.matchAll(/(\w+)=/g)].map((m) => camel(m[1]));
    expect(keywords.sort()).toEqual(['allowDns', 'labels', 'priority', 'priority', 'sources', 'subject']);
  });

  test('states the corpus the validator agrees on as it is', () => {
    const cases = cnpCorpus().length;
    expect(SECTION).toContain(`on all ${(2 * cases).toLocaleString('en-US')}\nanswers of a ${cases}-document corpus in both channels`);
  });
});

describe('the plugin section', () => {
  const section = README.split('## Checking with cdk8s synth: the validation plugin')[1].split('\n## ')[0];
  const yamlBlocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

  test('its cdk8s.yaml names the class and every property the plugin takes', () => {
    const entry = (YAML.parse(yamlBlocks[0]) as any).validations[0];
    expect(entry.class).toBe('NetworkPolicyValidation');
    expect(() => new NetworkPolicyValidation(entry.properties)).not.toThrow();
    expect(Object.keys(entry.properties)).toEqual(['apiServerValidation', 'intentsFile', 'lints', 'cidr']);
  });

  test('its intents file reads without a problem', () => {
    const file = readIntentsFile(yamlBlocks[1]);
    expect(file.problems).toEqual([]);
    expect(file.intents).toHaveLength(3);
    expect(file.acknowledgements.size).toBe(1);
  });
});

describe('the README\'s lint section', () => {
  const SECTION = README.split('## Lints: the mistakes nobody asked about')[1].split('\n## ')[0];

  test('lists every lint id, each in a row of its own with an example', () => {
    const rows = [...SECTION.matchAll(/^\| `(NP-LINT-[A-Z-]+)` \| [^|]+ \| .+ \|$/gm)].map((m) => m[1]);
    expect(rows).toEqual(Object.values(LintId));
  });

  test('shows the synthesis error a lint finding gives', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'shop/web', portNumber: 8080 }] });
    new library.AllowFrom(chart, 'from-wbe', {
      metadata: { name: 'allow-from-wbe' }, target: PolicyTarget.all(), sources: [library.Peer.pods(library.LabelSelector.of({ labels: { app: 'wbe' } }))],
    });
    new ReachabilityIntents(chart, 'intents', { lints: [LintId.PEER_MATCHES_NOTHING] });
    const shown = SECTION.match(/```text\nValidation failed with the following errors:\n(.*)\.\.\.\n```/)![1];
    expect(() => Testing.synth(chart)).toThrow(shown);
  });
});

test('the README\'s exposure example is what the command prints', () => {
  const section = README.split('## Exposure: who could reach it in any cluster')[1].split('\n## ')[0];
  const shown = section.match(/```text\n([\s\S]*?)```/)![1];
  expect(exposureCommand(['--to', 'shop/db', join('test', 'cli', 'fixtures', 'shop.yaml')]).stdout).toBe(shown);
});
