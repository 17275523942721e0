import { App, ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { shop } from './shop';
import { PolicyTarget } from '../../src/constructs';
import { Endpoint, IntentStatus } from '../../src/intents';
import { LabelExpression, LabelSelector, PortRange } from '../../src/policy';
import { thrown } from '../thrown';

describe('names', () => {
  test.each([
    [Endpoint.named('shop/api'), 'shop/api'],
    [Endpoint.named('shop/deployment/api'), 'shop/deployment/api'],
    [Endpoint.ip('2001:db8::7'), '2001:db8::7'],
    [Endpoint.selection(PolicyTarget.labels({ tier: 'web' }).inNamespaceNamed('shop')), 'pods(tier=web) in namespace(shop)'],
    [Endpoint.selection(PolicyTarget.all()), 'all pods'],
    [Endpoint.podsMatching(LabelSelector.of({ expressions: [LabelExpression.exists('app')] }), 'shop'), 'pods(app) in namespace(shop)'],
    [Endpoint.podsMatching(LabelSelector.all()), 'all pods'],
  ])('%s', (endpoint, text) => {
    expect(endpoint.toString()).toBe(text);
  });

  test('a workload by its namespace and name, the chart\'s namespace or default', () => {
    const app = Testing.app();
    const api = new kplus.Deployment(new Chart(app, 'shop', { namespace: 'shop' }), 'api', { metadata: { name: 'api' }, containers: [{ image: 'api' }] });
    const job = new kplus.Job(new Chart(app, 'batch'), 'job', { metadata: { name: 'nightly' }, containers: [{ image: 'job' }] });
    expect([Endpoint.workload(api).toString(), Endpoint.workload(job).toString()]).toEqual(['shop/api', 'default/nightly']);
  });
});

describe('what cannot be an endpoint fails at once', () => {
  test.each([
    ['api', 'NP-INPUT[Endpoint.named]: name "api": must be namespace/name (or namespace/kind/name)'],
    ['shop/', 'NP-INPUT[Endpoint.named]: name "shop/": must be namespace/name (or namespace/kind/name)'],
    ['10.0.0.1', 'NP-INPUT[Endpoint.named]: name "10.0.0.1": must be namespace/name (or namespace/kind/name); for an address use Endpoint.ip("10.0.0.1")'],
  ])('named(%j)', (name, message) => {
    expect(thrown(() => Endpoint.named(name))).toBe(message);
  });

  test.each(['10.0.0.0/8', '010.0.0.1', 'db'])('ip(%j)', (address) => {
    expect(thrown(() => Endpoint.ip(address))).toBe(`NP-INPUT[Endpoint.ip]: address "${address}": is not an IP address (no prefix length, no leading zeros)`);
  });
});

describe('resolving against the app', () => {
  test('a workload of another app is reported', () => {
    const { web, intents } = shop();
    const elsewhere = new kplus.Deployment(new Chart(new App(), 'other'), 'api', { containers: [{ image: 'api' }] });
    intents.expectDenied(Endpoint.workload(web), Endpoint.workload(elsewhere), PortRange.HTTP_ALT);
    expect(intents.results()[0]).toMatchObject({
      status: IntentStatus.ERROR,
      message: 'Deployment other/api is not among the objects this app renders (is it in another App?)',
    });
  });

  test('a selection that matches nothing lists what is there', () => {
    const { web, intents } = shop();
    intents.expectDenied(Endpoint.workload(web), Endpoint.selection(PolicyTarget.labels({ tier: 'db' }).inNamespaceNamed('shop')), PortRange.POSTGRES);
    intents.expectDenied(Endpoint.workload(web), Endpoint.podsMatching(LabelSelector.all(), 'billing'), PortRange.POSTGRES);
    expect(intents.results().map((r) => r.message)).toEqual([
      'pods(tier=db) in namespace(shop) matches no workload; the workloads of namespace shop: shop/web, shop/api, shop/db',
      'all pods in namespace(billing) matches no workload; namespace billing has no workloads',
    ]);
  });

  test('a selection in every namespace lists the app\'s workloads, five at most', () => {
    const { chart, web, intents } = shop();
    ['a', 'b', 'c'].forEach((name) => new kplus.Deployment(chart, name, { metadata: { name }, containers: [{ image: name }] }));
    intents.expectDenied(Endpoint.workload(web), Endpoint.podsMatching(LabelSelector.of({ labels: { tier: 'db' } })), PortRange.POSTGRES);
    expect(intents.results()[0].message).toBe('pods(tier=db) matches no workload; the workloads of the app: shop/web, shop/api, shop/db, shop/a, shop/b and 1 more');
  });

  test('an unknown name with nothing close lists the app\'s workloads', () => {
    const { web, intents } = shop();
    intents.expectDenied(Endpoint.workload(web), Endpoint.named('billing/ledger'), PortRange.POSTGRES);
    expect(intents.results()[0].message).toBe('unknown workload "billing/ledger"; the app\'s workloads: shop/web, shop/api, shop/db');
  });

  test('raw objects and included YAML are endpoints by name', () => {
    const { chart, web, intents } = shop();
    new ApiObject(chart, 'legacy', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'legacy', namespace: 'shop' },
      spec: { containers: [{ name: 'legacy', image: 'legacy', ports: [{ containerPort: 80 }] }] },
      status: { podIP: '10.1.2.3' },
    });
    intents.expectDenied(Endpoint.workload(web), Endpoint.named('shop/legacy'));
    // An address known as a pod's IP is that pod, with its container ports.
    intents.expectDenied(Endpoint.workload(web), Endpoint.ip('10.1.2.3'), PortRange.HTTP);
    expect(intents.results().map((r) => [r.status, r.connections.map((c) => `${c.destination} ${c.protocol}/${c.port}`)])).toEqual([
      [IntentStatus.OK, ['shop/legacy TCP/80']],
      [IntentStatus.OK, ['shop/legacy TCP/80']],
    ]);
  });
});
