import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { SHOP_POLICIES, shopApp } from '../../examples/bindings-app';
import { ClusterModel, Endpoint, Evaluator, PortRange } from '../../src';
import { thrown } from '../thrown';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const EXPECTED_EXPLANATION = readFileSync(join(EXAMPLES, 'expected-explanation.txt'), 'utf8').trimEnd();

/** The tests of the same app in the other languages; .ci/bindings runs them against the built bindings. */
const BINDING_TESTS: Record<string, string> = {
  python: 'python/tests/test_shop_app.py',
  java: 'java/src/test/java/com/example/shop/ShopAppTest.java',
  go: 'go/shop_test.go',
};

describe('the bindings example app, in TypeScript', () => {
  test('synthesizes the expected policies, and its intents hold', () => {
    const { chart } = shopApp(Testing.app());
    const names = Testing.synth(chart).filter((o: any) => o.kind === 'NetworkPolicy').map((o: any) => o.metadata.name);
    expect(names).toEqual(SHOP_POLICIES);
  });

  test('a broken intent fails synth with the evaluator\'s message', () => {
    const { chart, web, db, intents } = shopApp(Testing.app());
    intents.expectAllowed(Endpoint.workload(web), Endpoint.workload(db), PortRange.POSTGRES);
    const message = thrown(() => Testing.synth(chart));
    expect(message).toContain('NP-REACH[shop/web -> shop/db');
    expect(message).toContain('expected allowed, but denied');
  });

  test('the verdict for web -> db explains itself as examples/expected-explanation.txt says', () => {
    const { chart } = shopApp(Testing.app());
    const model = ClusterModel.fromManifests(Testing.synth(chart).map((manifest) => ({ manifest })));
    const verdict = new Evaluator(model).check({ source: 'shop/web', destination: 'shop/db', port: 5432 });
    expect(verdict.allowed).toBe(false);
    expect(verdict.explanation).toBe(EXPECTED_EXPLANATION);
  });
});

describe.each(Object.entries(BINDING_TESTS))('the %s example checks the same things', (_language, file) => {
  const source = readFileSync(join(EXAMPLES, file), 'utf8');

  test('the same policy names, in the same order', () => {
    const quoted = [...source.matchAll(/"((?:default-deny|allow)-[a-z-]+)"/g)].map((m) => m[1]);
    expect(quoted).toEqual(SHOP_POLICIES);
  });

  test('the same broken-intent message and the shared explanation', () => {
    expect(source).toContain('NP-REACH[shop/web -> shop/db');
    expect(source).toContain('expected allowed, but denied');
    expect(source).toContain('expected-explanation.txt');
  });
});
