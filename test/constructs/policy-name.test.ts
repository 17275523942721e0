import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PolicyTarget } from '../../src/constructs';
import { defaultName, peersWords, policyName, targetWords, toDnsWords } from '../../src/constructs/policy-name';
import { dns1123LabelErrors } from '../../src/k8s/label-syntax';
import { LabelExpression, LabelSelector, Peer } from '../../src/policy';

test.each([
  ['FrontendApi', 'frontend-api'],
  ['myAPI2', 'my-api2'],
  ['--a__b..c--', 'a-b-c'],
  ['10.0.0.0/24', '10-0-0-0-24'],
  ['fd00::/8', 'fd00-8'],
  ['', ''],
])('toDnsWords(%j) is %j', (text, words) => {
  expect(toDnsWords(text)).toBe(words);
});

describe('policyName', () => {
  test('joins words', () => {
    expect(policyName(['allow', 'Frontend', 'to', 'db'])).toBe('allow-frontend-to-db');
  });

  test('63 characters are kept as they are', () => {
    expect(policyName(['a'.repeat(63)])).toBe('a'.repeat(63));
  });

  test('a longer name keeps its start and ends with a hash of the whole', () => {
    const long = policyName(['allow', 'x'.repeat(30), 'to', 'y'.repeat(40)]);
    expect(long).toMatch(/^allow-x{30}-to-y{14}-[0-9a-f]{8}$/);
    expect(long).toHaveLength(63);
    expect(policyName(['allow', 'x'.repeat(30), 'to', 'y'.repeat(40)])).toBe(long);
    expect(policyName(['allow', 'x'.repeat(30), 'to', 'y'.repeat(41)])).not.toBe(long);
    expect(dns1123LabelErrors(long)).toEqual([]);
  });

  test('no hyphen is left before the hash', () => {
    expect(policyName([`${'a'.repeat(53)}-b`, 'c'.repeat(20)])).toMatch(/^a{53}-[0-9a-f]{8}$/);
  });
});

describe('words for peers', () => {
  const chart = Testing.chart();
  const api = new kplus.Deployment(chart, 'ApiServer', { containers: [{ image: 'api' }] });

  test.each([
    ['pods by label', Peer.pods(LabelSelector.of({ labels: { tier: 'web', app: 'shop' } })), 'shop-web'],
    ['a label with an empty value', Peer.pods(LabelSelector.of({ labels: { 'example.com/canary': '' } })), 'canary'],
    ['expressions', Peer.pods(LabelSelector.of({
      expressions: [LabelExpression.oneOf('tier', ['a', 'b']), LabelExpression.noneOf('env', ['dev']), LabelExpression.exists('x.io/team'),
        LabelExpression.doesNotExist('legacy')],
    })), 'a-b-not-dev-team-no-legacy'],
    ['every pod', Peer.allPods(), 'all-pods'],
    ['namespaces by label', Peer.namespaces(LabelSelector.of({ labels: { purpose: 'monitoring' } })), 'monitoring'],
    ['a namespace by name', Peer.namespaceNamed('ingress-nginx'), 'ingress-nginx'],
    ['every namespace', Peer.allNamespaces(), 'all-namespaces'],
    ['pods in namespaces', Peer.podsInNamespaces(LabelSelector.of({ labels: { role: 'client' } }), LabelSelector.of({ labels: { user: 'alice' } })),
      'client-in-alice'],
    ['pods in a named namespace', Peer.podsInNamespaceNamed('monitoring', LabelSelector.of({ labels: { app: 'prometheus' } })),
      'prometheus-in-monitoring'],
    ['every pod of every namespace', Peer.podsInNamespaces(LabelSelector.all(), LabelSelector.all()), 'all-namespaces'],
    ['an IP block', Peer.ipv4('10.0.0.0/24', ['10.0.0.128/25']), '10.0.0.0/24'],
    ['any IPv4', Peer.anyIpv4(), 'any-ipv4'],
    ['any IPv6', Peer.anyIpv6(), 'any-ipv6'],
    ['a workload', Peer.workload(api), 'ApiServer'],
  ])('%s', (_name, peer, words) => {
    expect(peersWords([peer])).toBe(words);
  });

  test('several peers, each once', () => {
    expect(peersWords([Peer.namespaceNamed('a'), Peer.anyIpv4(), Peer.namespaceNamed('a')])).toBe('a-and-any-ipv4');
  });
});

describe('words for targets', () => {
  test.each([
    ['all', PolicyTarget.all(), 'all-pods', 'default-deny-all'],
    ['labels', PolicyTarget.labels({ role: 'db' }), 'db', 'default-deny-all-db'],
    ['labels, pinned', PolicyTarget.labels({ role: 'db' }).inNamespaceNamed('x'), 'db', 'default-deny-all-db'],
  ])('%s', (_name, target, words, name) => {
    expect(targetWords(target)).toBe(words);
    expect(defaultName('default-deny-all', target)).toBe(name);
  });

  test('a workload by its construct id', () => {
    const target = PolicyTarget.workload(new kplus.StatefulSet(Testing.chart(), 'OrdersDb', { containers: [{ image: 'pg', portNumber: 5432 }] }));
    expect(targetWords(target)).toBe('OrdersDb');
    expect(defaultName('allow-dns', target)).toBe('allow-dns-orders-db');
  });
});
