import { ClusterNetworkPolicyChannel, ClusterNetworkPolicyValidator, NetworkPolicyValidator } from '../../src/validation';
import { checkClusterNetworkPolicy, checkNetworkPolicy, ValidationMemo } from '../../src/validation/validation-memo';

const policy = (cidr: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'x' },
  spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr } }] }] },
});
const clusterPolicy = {
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  metadata: { name: 'c' },
  spec: { tier: 'Admin', priority: 10, subject: { namespaces: {} }, egress: [{ action: 'Accept', to: [{ nodes: { matchLabels: {} } }] }] },
};

/** Calls `work`, counting the validations it makes. */
function validations(work: () => void): { networkPolicies: number; clusterPolicies: number } {
  const np = jest.spyOn(NetworkPolicyValidator, 'check');
  const cnp = jest.spyOn(ClusterNetworkPolicyValidator, 'check');
  try {
    work();
    return { networkPolicies: np.mock.calls.length, clusterPolicies: cnp.mock.calls.length };
  } finally {
    np.mockRestore();
    cnp.mockRestore();
  }
}

describe('ValidationMemo', () => {
  test('within it, equal JSON text with equal options is validated once, and answered as the validator answers', () => {
    const memo = new ValidationMemo();
    const counted = validations(() => memo.within(() => {
      expect(checkNetworkPolicy(policy('10.0.0.1/24'))).toEqual(NetworkPolicyValidator.check(policy('10.0.0.1/24')));
      // Another object of the same text: answered from the memo.
      expect(checkNetworkPolicy(policy('10.0.0.1/24'))).toHaveLength(1);
      // Other options, other text: validated.
      expect(checkNetworkPolicy(policy('10.0.0.1/24'), { strictCidr: false })).toEqual(NetworkPolicyValidator.check(policy('10.0.0.1/24'), { strictCidr: false }));
      expect(checkNetworkPolicy(policy('10.0.0.0/24'))).toEqual([]);
      checkClusterNetworkPolicy(clusterPolicy);
      checkClusterNetworkPolicy(clusterPolicy);
      expect(checkClusterNetworkPolicy(clusterPolicy, { channel: ClusterNetworkPolicyChannel.EXPERIMENTAL }))
        .toEqual(ClusterNetworkPolicyValidator.check(clusterPolicy, { channel: ClusterNetworkPolicyChannel.EXPERIMENTAL }));
    }));
    // The direct checks in the expectations count too: 2 + 3 memo misses of NetworkPolicies, 1 + 2 of the ClusterNetworkPolicy.
    expect(counted).toEqual({ networkPolicies: 2 + 3, clusterPolicies: 1 + 2 });
  });

  test('an answer handed out cannot change the memo\'s', () => {
    const memo = new ValidationMemo();
    memo.within(() => checkNetworkPolicy(policy('10.0.0.1/24')).pop());
    expect(validations(() => memo.within(() => expect(checkNetworkPolicy(policy('10.0.0.1/24'))).toHaveLength(1)))).toEqual({ networkPolicies: 0, clusterPolicies: 0 });
  });

  test('outside a memo, and for a value JSON cannot write, every check validates', () => {
    const cyclic: any = policy('10.0.0.0/8');
    cyclic.spec.self = cyclic;
    const memo = new ValidationMemo();
    expect(validations(() => {
      checkNetworkPolicy(policy('10.0.0.0/8'));
      checkNetworkPolicy(policy('10.0.0.0/8'));
      memo.within(() => [checkNetworkPolicy(cyclic), checkNetworkPolicy(cyclic)]);
    })).toEqual({ networkPolicies: 4, clusterPolicies: 0 });
  });

  test('the memo is active only within, and an outer one is restored after an inner one, even when the work throws', () => {
    const outer = new ValidationMemo();
    const inner = new ValidationMemo();
    outer.within(() => {
      expect(() => inner.within(() => {
        throw new Error('work failed');
      })).toThrow('work failed');
      checkNetworkPolicy(policy('10.0.0.0/8'));
    });
    expect(validations(() => outer.within(() => checkNetworkPolicy(policy('10.0.0.0/8'))))).toEqual({ networkPolicies: 0, clusterPolicies: 0 });
    expect(validations(() => inner.within(() => checkNetworkPolicy(policy('10.0.0.0/8'))))).toEqual({ networkPolicies: 1, clusterPolicies: 0 });
  });
});
