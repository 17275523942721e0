import { ApiServerCheck } from '../../src/intents/api-server-check';
import { ManifestInput } from '../../src/intents/plugin-violation';

const policy = (name: string, port: number, namespace?: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { podSelector: {}, ingress: [{ ports: [{ port }] }] },
});

test.each([
  ['a policy', [policy('p', 0, 'shop')], [['NP-VAL-PORT', 'p', 'NetworkPolicy shop/p']]],
  ['a policy without a namespace', [policy('p', 0)], [['NP-VAL-PORT', 'p', 'NetworkPolicy p']]],
  ['the items of a List', [{ apiVersion: 'v1', kind: 'List', items: [policy('a', 80), policy('b', 70000)] }], [['NP-VAL-PORT', 'b', 'NetworkPolicy b']]],
  ['other kinds, and empty documents', [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, null], []],
  ['a valid policy', [policy('p', 80, 'shop')], []],
])('%s', (_name, documents, expected) => {
  const violations = new ApiServerCheck(true).run(new ManifestInput([{ path: 'dist/shop.k8s.yaml', documents }], true));
  expect(violations.map((v) => [v.ruleName, v.violatingResources[0].resourceName, v.recommendation.split(':')[0].replace('The API server would refuse ', '')]))
    .toEqual(expected);
  expect(violations.every((v) => v.failing && v.violatingResources[0].manifestPath === 'dist/shop.k8s.yaml')).toBe(true);
});
