import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AllowConnection, DefaultDenyAll, PolicyTarget } from '../../src';

/** The README's first example, as it is there; a test below keeps the two the same. */
function firstExample(app: App): Chart {
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'shop/api', portNumber: 8080 }] });
  const db = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres:16', portNumber: 5432 }] });

  // Nothing in or out of the namespace, except DNS lookups...
  new DefaultDenyAll(chart, 'default-deny', { allowDns: true });
  // ...and api -> db on the database's container port (egress on api, ingress on db).
  new AllowConnection(chart, 'api-to-db', { source: PolicyTarget.workload(api), destination: PolicyTarget.workload(db) });
  return chart;
}

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the first example writes the four policies the README names', () => {
  const chart = firstExample(Testing.app());
  const names = Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy').map((o: any) => o.metadata.name);
  expect(names).toEqual(['default-deny-all', 'allow-dns', 'allow-api-to-db-egress', 'allow-api-to-db']);
  expect(README).toContain(names.slice(0, -1).map((n: string) => `\`${n}\``).join(', ') + ' and\n`allow-api-to-db`');
});

test('the README shows the first example as this file has it', () => {
  const block = README.split('## A first example')[1].match(/```ts\n([\s\S]*?)```/)![1];
  const body = block.split('\n').filter((l) => !/^(import|const app = new App|app\.synth)/.test(l) && l.trim() !== '');
  const source = readFileSync(__filename, 'utf8');
  expect(body.length).toBeGreaterThan(5);
  expect(body.filter((line) => !source.includes(line.trim()))).toEqual([]);
});
