import { ClusterPolicyTier } from '../../src/k8s';

test('tiers are spelled as the CRD spells them', () => {
  expect(Object.values(ClusterPolicyTier)).toEqual(['Admin', 'Baseline']);
});
