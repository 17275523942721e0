import { ClusterPolicyAction } from '../../src/k8s';

test('actions are spelled as the CRD spells them (v1alpha1 Allow is now Accept)', () => {
  expect(Object.values(ClusterPolicyAction)).toEqual(['Accept', 'Deny', 'Pass']);
});
