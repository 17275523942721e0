import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KubeNamespace } from 'cdk8s-plus-27/lib/imports/k8s';
import { namespaceConstructName } from '../../src/policy/namespace-construct';
import { thrown } from '../thrown';

test.each([
  ['a cdk8s-plus Namespace', () => new kplus.Namespace(Testing.chart(), 'ns', { metadata: { name: 'monitoring' } })],
  ['an imported KubeNamespace', () => new KubeNamespace(Testing.chart(), 'ns', { metadata: { name: 'monitoring' } })],
  ['an ApiObject of kind Namespace', () => new ApiObject(Testing.chart(), 'ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'monitoring' } })],
])('%s: its metadata.name', (_name, build) => {
  expect(namespaceConstructName('Peer.allPodsIn', build())).toBe('monitoring');
});

test('anything else is refused, naming it', () => {
  const pod = new kplus.Pod(Testing.chart(), 'web', { containers: [{ image: 'nginx' }] });
  expect(thrown(() => namespaceConstructName('Peer.allPodsIn', pod))).toBe('NP-INPUT[Peer.allPodsIn]: test/web renders a Pod; '
    + 'pass a Namespace (a cdk8s-plus Namespace, an imported KubeNamespace, or an ApiObject of kind Namespace)');
  expect(thrown(() => namespaceConstructName('Peer.allPodsIn', Testing.chart()))).toContain('NP-INPUT[Peer.allPodsIn]: test renders no Kubernetes object; ');
});
