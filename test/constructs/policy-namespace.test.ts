import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PolicyTarget } from '../../src/constructs';
import { resolveNamespace } from '../../src/constructs/policy-namespace';

const db = PolicyTarget.labels({ role: 'db' });

test.each([
  ['metadata first', 'chart', 'meta', db, 'meta'],
  ['then the target', 'chart', undefined, db.inNamespaceNamed('pinned'), 'pinned'],
  ['then the chart', 'chart', undefined, db, 'chart'],
  ['or none', undefined, undefined, db, undefined],
  ['metadata and target agreeing', undefined, 'same', db.inNamespaceNamed('same'), 'same'],
])('%s', (_name, chartNamespace, metadataNamespace, target, namespaceName) => {
  const chart = new Chart(Testing.app(), 'c', { namespace: chartNamespace });
  expect(resolveNamespace(chart, metadataNamespace, target, 'target', 'metadata')).toEqual({ namespaceName, problems: [] });
});

test('metadata and target disagreeing, in the caller\'s field names', () => {
  expect(resolveNamespace(Testing.chart(), 'a', db.inNamespaceNamed('b'), 'source', 'egressMetadata').problems).toEqual([
    'egressMetadata.namespace "a": source pods(role=db) in namespace(b) is in namespace "b", and a policy selects pods only in its own namespace; '
    + 'leave egressMetadata.namespace out or make them agree',
  ]);
});

test('a workload of unknown namespace, for a policy with one', () => {
  const app = Testing.app();
  const api = new kplus.Deployment(new Chart(app, 'apps'), 'api', { containers: [{ image: 'api' }] });
  const resolved = resolveNamespace(new Chart(app, 'p', { namespace: 'shop' }), undefined, PolicyTarget.workload(api), 'target', 'metadata');
  expect(resolved.namespaceName).toBe('shop');
  expect(resolved.problems).toEqual(['target: Deployment(apps/api) has no namespace (neither its own nor its chart\'s), so its pods may not run in "shop" '
    + 'where the policy goes; give the workload or its chart a namespace']);
  expect(resolveNamespace(new Chart(app, 'q'), undefined, PolicyTarget.workload(api), 'target', 'metadata')).toEqual({ namespaceName: undefined, problems: [] });
});
