/**
 * What a ClusterNetworkPolicy rule does with the traffic it matches (`action`).
 *
 * @example
 * policy.addIngressRule({ action: ClusterPolicyAction.DENY, peers: [ClusterPolicyPeer.namespaceNamed('sandbox')] });
 */
export enum ClusterPolicyAction {
  /** Allows the traffic on this side; no later rule, policy or tier is asked. */
  ACCEPT = 'Accept',
  /** Drops the traffic (silently: a timeout); no later rule, policy or tier is asked. */
  DENY = 'Deny',
  /** Skips the rest of this tier: NetworkPolicy decides next (from the Admin tier), or the default allows (from Baseline). */
  PASS = 'Pass',
}
