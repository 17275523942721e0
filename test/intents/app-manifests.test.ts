import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ClusterNetworkPolicy, DefaultDenyIngress } from '../../src/constructs';
import { renderApp } from '../../src/intents/app-manifests';
import { ClusterPolicyTier } from '../../src/k8s';
import { ClusterPolicySubject } from '../../src/policy';
import { ClusterNetworkPolicyChannel } from '../../src/validation';

function app() {
  const root = Testing.app();
  const chart = new Chart(root, 'shop', { namespace: 'shop' });
  new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8080 }] });
  new kplus.ConfigMap(chart, 'settings', { metadata: { name: 'settings' } });
  new DefaultDenyIngress(chart, 'deny');
  new ApiObject(chart, 'raw', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'raw' }, spec: { podSelector: {} } });
  new ApiObject(chart, 'list', { apiVersion: 'v1', kind: 'PodList', items: [] });
  return { root, chart };
}

test('renders the objects the cluster model reads, with their construct paths', () => {
  const { root } = app();
  const { documents } = renderApp(root);
  expect(documents.map((d) => `${d.origin} ${d.manifest.kind}`)).toEqual([
    'shop/api/Resource Deployment',
    'shop/deny/Policy/Resource NetworkPolicy',
    'shop/raw NetworkPolicy',
    'shop/list PodList',
  ]);
  expect(documents[0].manifest.metadata).toEqual({ name: 'api', namespace: 'shop' });
});

test('knows which policies validate themselves', () => {
  const { root } = app();
  expect([...renderApp(root).selfValidated]).toEqual(['shop/deny/Policy/Resource']);
});

test('the fingerprint is equal for equal renderings and changes with the app', () => {
  const { root, chart } = app();
  const before = renderApp(root).fingerprint();
  expect(renderApp(root).fingerprint()).toBe(before);
  (chart.node.findChild('raw') as ApiObject).metadata.addLabel('team', 'shop');
  expect(renderApp(root).fingerprint()).not.toBe(before);
});

test('ClusterNetworkPolicies are rendered, ours validate themselves, and an experimental one sets the channel', () => {
  const root = Testing.app();
  const chart = new Chart(root, 'platform');
  new ApiObject(chart, 'raw', { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'raw' } });
  new ClusterNetworkPolicy(chart, 'ours', { tier: ClusterPolicyTier.ADMIN, priority: 1, subject: ClusterPolicySubject.allNamespaces() });
  const standard = renderApp(root);
  expect(standard.documents.map((d) => d.origin)).toEqual(['platform/raw', 'platform/ours/Resource']);
  expect([...standard.selfValidated]).toEqual(['platform/ours/Resource']);
  expect(standard.clusterNetworkPolicyChannel).toBe(ClusterNetworkPolicyChannel.STANDARD);
  new ClusterNetworkPolicy(chart, 'nodes', {
    tier: ClusterPolicyTier.ADMIN, priority: 2, subject: ClusterPolicySubject.allNamespaces(), channel: ClusterNetworkPolicyChannel.EXPERIMENTAL,
  });
  const experimental = renderApp(root);
  expect(experimental.clusterNetworkPolicyChannel).toBe(ClusterNetworkPolicyChannel.EXPERIMENTAL);
  expect(experimental.fingerprint()).not.toBe(standard.fingerprint());
});
