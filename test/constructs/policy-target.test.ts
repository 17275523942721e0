import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PolicyTarget } from '../../src/constructs';
import { LabelExpression, LabelSelector } from '../../src/policy';
import { thrown } from '../thrown';

const ADDR = 'cdk8s.io/metadata.addr';

describe('factories', () => {
  test.each([
    ['all', () => PolicyTarget.all(), {}, undefined, 'all pods'],
    ['labels', () => PolicyTarget.labels({ role: 'db' }), { matchLabels: { role: 'db' } }, undefined, 'pods(role=db)'],
    ['selector', () => PolicyTarget.selector(LabelSelector.of({ expressions: [LabelExpression.oneOf('tier', ['api', 'web'])] })),
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'web'] }] }, undefined, 'pods(tier in (api,web))'],
    ['all, pinned', () => PolicyTarget.all().inNamespaceNamed('prod'), {}, 'prod', 'all pods in namespace(prod)'],
    ['labels, pinned', () => PolicyTarget.labels({ role: 'db' }).inNamespaceNamed('prod'), { matchLabels: { role: 'db' } }, 'prod',
      'pods(role=db) in namespace(prod)'],
  ])('%s', (_name, build, podSelector, namespaceName, text) => {
    const target = build();
    expect(target.podSelector._toKube()).toEqual(podSelector);
    expect(target.namespaceName).toBe(namespaceName);
    expect(target.toString()).toBe(text);
    expect(target._workload()).toBeUndefined();
  });

  test('workload: its pods by address label, in its namespace', () => {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api' }] });
    const target = PolicyTarget.workload(api);
    expect(target.podSelector._toKube()).toEqual({ matchLabels: { [ADDR]: api.podMetadata.getLabel(ADDR) } });
    expect(target.namespaceName).toBe('shop');
    expect(target.toString()).toBe('Deployment(shop/api) in namespace(shop)');
    expect(target._workload()?.construct).toBe(api);
  });

  test.each([
    ['Pod', (c: Chart) => new kplus.Pod(c, 'w', { containers: [{ image: 'x' }] })],
    ['StatefulSet', (c: Chart) => new kplus.StatefulSet(c, 'w', { containers: [{ image: 'x', portNumber: 5432 }] })],
    ['DaemonSet', (c: Chart) => new kplus.DaemonSet(c, 'w', { containers: [{ image: 'x' }] })],
    ['Job', (c: Chart) => new kplus.Job(c, 'w', { containers: [{ image: 'x' }] })],
  ])('workload: a %s', (kind, build) => {
    const workload = build(Testing.chart());
    const target = PolicyTarget.workload(workload);
    expect(target.podSelector.labels).toEqual({ [ADDR]: workload.podMetadata.getLabel(ADDR) });
    expect(target.toString()).toBe(`${kind}(test/w)`);
  });

  test('allPodsIn: every pod, in that namespace', () => {
    const ns = new kplus.Namespace(Testing.chart(), 'ns', { metadata: { name: 'monitoring' } });
    const target = PolicyTarget.allPodsIn(ns);
    expect(target.podSelector.isEmpty()).toBe(true);
    expect(target.namespaceName).toBe('monitoring');
  });
});

describe('errors', () => {
  test.each([
    ['labels({})', () => PolicyTarget.labels({}),
      'NP-INPUT[PolicyTarget.labels]: labels: is empty, which would select every pod of the namespace; use PolicyTarget.all() if that is the intent'],
    ['selector(LabelSelector.of({}))', () => PolicyTarget.selector(LabelSelector.of({})),
      'NP-INPUT[PolicyTarget.selector]: selector: is empty, which would select every pod of the namespace; use PolicyTarget.all() if that is the intent'],
    ['selector(LabelSelector.all())', () => PolicyTarget.selector(LabelSelector.all()),
      'NP-INPUT[PolicyTarget.selector]: selector: is empty, which would select every pod of the namespace; use PolicyTarget.all() if that is the intent'],
    ['an invalid label', () => PolicyTarget.labels({ 'app/x/y': 'a' }), 'NP-INPUT[LabelSelector.of]: labels key "app/x/y":'],
    ['an invalid namespace name', () => PolicyTarget.all().inNamespaceNamed('Prod'),
      'NP-INPUT[PolicyTarget.inNamespaceNamed]: name "Prod": a lowercase RFC 1123 label must consist of'],
  ])('%s', (_name, build, start) => {
    expect(thrown(build).slice(0, start.length)).toBe(start);
  });

  test('a workload cannot be moved to another namespace', () => {
    const api = new kplus.Deployment(new Chart(Testing.app(), 'c', { namespace: 'shop' }), 'api', { containers: [{ image: 'api' }] });
    expect(thrown(() => PolicyTarget.workload(api).inNamespaceNamed('prod')))
      .toBe('NP-INPUT[PolicyTarget.inNamespaceNamed]: name "prod": Deployment(c/api) is in namespace "shop"');
    expect(PolicyTarget.workload(api).inNamespaceNamed('shop').namespaceName).toBe('shop');
  });

  test('a workload without a namespace can be placed', () => {
    const api = new kplus.Deployment(Testing.chart(), 'api', { containers: [{ image: 'api' }] });
    const target = PolicyTarget.workload(api).inNamespaceNamed('shop');
    expect([target.namespaceName, target._workload()?.construct]).toEqual(['shop', api]);
  });
});

describe('_toPeer: the same pods seen from another policy', () => {
  const nameLabel = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

  test.each([
    ['same namespace', PolicyTarget.labels({ app: 'api' }), 'shop', 'shop', { podSelector: { matchLabels: { app: 'api' } } }],
    ['both without a namespace', PolicyTarget.labels({ app: 'api' }), undefined, undefined, { podSelector: { matchLabels: { app: 'api' } } }],
    ['every pod, same namespace', PolicyTarget.all(), 'shop', 'shop', { podSelector: {} }],
    ['another namespace', PolicyTarget.labels({ app: 'api' }), 'shop', 'data',
      { podSelector: { matchLabels: { app: 'api' } }, namespaceSelector: nameLabel('shop') }],
    ['every pod of another namespace', PolicyTarget.all(), 'shop', 'data', { namespaceSelector: nameLabel('shop') }],
    ['to a policy without a namespace', PolicyTarget.labels({ app: 'api' }), 'shop', undefined,
      { podSelector: { matchLabels: { app: 'api' } }, namespaceSelector: nameLabel('shop') }],
  ])('%s', (_name, target, own, viewer, kube) => {
    expect(target._toPeer(own, viewer)!._toKube()).toEqual(kube);
  });

  test('unknown namespace, seen from a known one: cannot be said', () => {
    expect(PolicyTarget.labels({ app: 'api' })._toPeer(undefined, 'shop')).toBeUndefined();
  });

  test('a workload stays a workload, and is described by it', () => {
    const api = new kplus.Deployment(Testing.chart(), 'api', { containers: [{ image: 'api' }] });
    const here = PolicyTarget.workload(api)._toPeer(undefined, undefined)!;
    const there = PolicyTarget.workload(api)._toPeer('shop', 'data')!;
    expect([here._workload()?.construct, there._workload()?.construct]).toEqual([api, api]);
    expect([here.toString(), there.toString()]).toEqual(['Deployment(test/api)', 'Deployment(test/api) in namespace(shop)']);
    expect(PolicyTarget.labels({ app: 'api' })._toPeer('shop', 'data')!.toString()).toBe('pods(app=api) in namespace(shop)');
  });
});
