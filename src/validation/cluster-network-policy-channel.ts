/**
 * The release channel of the ClusterNetworkPolicy CRD installed in the cluster
 * (network-policy-api v0.2.0, annotation `policy.networking.k8s.io/channel`).
 *
 * @example
 * ClusterNetworkPolicyValidator.check(manifest, { channel: ClusterNetworkPolicyChannel.EXPERIMENTAL });
 */
export enum ClusterNetworkPolicyChannel {
  /** The standard CRD: egress peers `namespaces`, `pods` and `networks`. */
  STANDARD = 'standard',
  /**
   * The experimental CRD: also the egress peers `nodes` and `domainNames`, and a rule refusing
   * `destinationNamedPort` in an egress rule with a `networks`, `nodes` or `domainNames` peer.
   */
  EXPERIMENTAL = 'experimental',
}
