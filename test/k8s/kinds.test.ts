import { CLUSTER_NETWORK_POLICY_API_VERSION, CLUSTER_NETWORK_POLICY_GROUP, CLUSTER_NETWORK_POLICY_KIND, NETWORK_POLICY_API_VERSION, NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../../src/k8s/kinds';

test('NetworkPolicy is served as networking.k8s.io/v1 only', () => {
  expect([NETWORK_POLICY_GROUP, NETWORK_POLICY_API_VERSION, NETWORK_POLICY_KIND]).toEqual(['networking.k8s.io', 'networking.k8s.io/v1', 'NetworkPolicy']);
});

test('ClusterNetworkPolicy is served as policy.networking.k8s.io/v1alpha2 only', () => {
  expect([CLUSTER_NETWORK_POLICY_GROUP, CLUSTER_NETWORK_POLICY_API_VERSION, CLUSTER_NETWORK_POLICY_KIND])
    .toEqual(['policy.networking.k8s.io', 'policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy']);
});
