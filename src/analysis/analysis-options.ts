import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';
import { ValidationOptions } from '../validation/validator';

/**
 * The assumptions the evaluator makes where Kubernetes leaves the answer to the network plugin
 * or the manifests do not say. Every default is the behaviour the upstream documentation and
 * conformance tests describe.
 */
export interface AnalysisOptions extends ValidationOptions {
  /**
   * ipBlock peers also match pods whose IP is known (`status.podIP` / `status.podIPs`), as the
   * upstream conformance tests expect. When false, ipBlocks only match endpoints outside the cluster.
   *
   * @default true
   */
  readonly ipBlocksMatchPodIps?: boolean;

  /**
   * A pod can always reach itself, whatever its policies say. A query from a workload to itself
   * means a pod to itself (not to another replica).
   *
   * @default true
   */
  readonly allowSelfTraffic?: boolean;

  /**
   * Traffic from a pod's own node (the source endpoint `node`) is always admitted by the pod's
   * ingress side. When false, the node is treated as an outside endpoint of unknown IP.
   *
   * @default true
   */
  readonly allowNodeTraffic?: boolean;

  /**
   * The namespace of objects whose manifest has no `metadata.namespace`.
   *
   * @default 'default'
   */
  readonly defaultNamespace?: string;

  /**
   * The channel of the ClusterNetworkPolicy CRD ClusterNetworkPolicies are validated against:
   * the experimental channel has the `nodes` and `domainNames` egress peers.
   *
   * @default ClusterNetworkPolicyChannel.STANDARD
   */
  readonly clusterNetworkPolicyChannel?: ClusterNetworkPolicyChannel;
}
