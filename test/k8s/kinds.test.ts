import { NETWORK_POLICY_API_VERSION, NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../../src/k8s/kinds';

test('NetworkPolicy is served as networking.k8s.io/v1 only', () => {
  expect([NETWORK_POLICY_GROUP, NETWORK_POLICY_API_VERSION, NETWORK_POLICY_KIND]).toEqual(['networking.k8s.io', 'networking.k8s.io/v1', 'NetworkPolicy']);
});
