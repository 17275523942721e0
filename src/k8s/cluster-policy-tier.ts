/**
 * The tier of a ClusterNetworkPolicy (`spec.tier`): where its rules stand relative to
 * namespaces' NetworkPolicies.
 *
 * @example
 * new ClusterNetworkPolicy(chart, 'guardrail', { tier: ClusterPolicyTier.ADMIN, priority: 10, subject: ClusterPolicySubject.allNamespaces() });
 */
export enum ClusterPolicyTier {
  /** Evaluated before NetworkPolicy: its Accept and Deny cannot be overridden by namespaces. */
  ADMIN = 'Admin',
  /** Evaluated after NetworkPolicy, for the pods no NetworkPolicy isolates: a default namespaces may override. */
  BASELINE = 'Baseline',
}
