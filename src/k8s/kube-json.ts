/**
 * The JSON shapes of the Kubernetes objects the library writes and reads, as far as it uses
 * them. Rendering code returns these types, so a misspelt or misplaced field is a compile error;
 * readers of untrusted manifests take `unknown` and narrow it with `json-values.ts` instead.
 */

/** `metav1.LabelSelectorRequirement`. */
export interface KubeLabelSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: string[];
}

/** `metav1.LabelSelector`; `{}` matches everything. */
export interface KubeLabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: KubeLabelSelectorRequirement[];
}

/** `networking.k8s.io/v1` `IPBlock`. */
export interface KubeIpBlock {
  readonly cidr: string;
  readonly except?: string[];
}

/** `networking.k8s.io/v1` `NetworkPolicyPeer`: selectors, or an ipBlock. */
export interface KubeNetworkPolicyPeer {
  readonly podSelector?: KubeLabelSelector;
  readonly namespaceSelector?: KubeLabelSelector;
  readonly ipBlock?: KubeIpBlock;
}

/** `networking.k8s.io/v1` `NetworkPolicyPort`: `port` is a number or a container port name. */
export interface KubeNetworkPolicyPort {
  readonly protocol?: string;
  readonly port?: number | string;
  readonly endPort?: number;
}

/** `NetworkPolicyIngressRule`. */
export interface KubeIngressRule {
  readonly from?: KubeNetworkPolicyPeer[];
  readonly ports?: KubeNetworkPolicyPort[];
}

/** `NetworkPolicyEgressRule`. */
export interface KubeEgressRule {
  readonly to?: KubeNetworkPolicyPeer[];
  readonly ports?: KubeNetworkPolicyPort[];
}

/** `NetworkPolicySpec`. */
export interface KubeNetworkPolicySpec {
  readonly podSelector: KubeLabelSelector;
  readonly policyTypes?: string[];
  readonly ingress?: KubeIngressRule[];
  readonly egress?: KubeEgressRule[];
}

/** The part of `metav1.ObjectMeta` the library reads. */
export interface KubeObjectMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
}

/** A `networking.k8s.io/v1` NetworkPolicy. */
export interface KubeNetworkPolicy {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: KubeObjectMeta;
  readonly spec: KubeNetworkPolicySpec;
}

/** `policy.networking.k8s.io/v1alpha2` `NamespacedPod`: pods of the selected namespaces (every namespace when absent). */
export interface KubeNamespacedPod {
  readonly namespaceSelector?: KubeLabelSelector;
  readonly podSelector: KubeLabelSelector;
}

/** `ClusterNetworkPolicySubject`: exactly one of the two. */
export interface KubeClusterNetworkPolicySubject {
  readonly namespaces?: KubeLabelSelector;
  readonly pods?: KubeNamespacedPod;
}

/** `ClusterNetworkPolicyIngressPeer`: exactly one field. */
export interface KubeClusterNetworkPolicyIngressPeer {
  readonly namespaces?: KubeLabelSelector;
  readonly pods?: KubeNamespacedPod;
}

/** `ClusterNetworkPolicyEgressPeer`: exactly one field; `nodes` and `domainNames` exist in the experimental channel only. */
export interface KubeClusterNetworkPolicyEgressPeer {
  readonly namespaces?: KubeLabelSelector;
  readonly pods?: KubeNamespacedPod;
  readonly networks?: string[];
  readonly nodes?: KubeLabelSelector;
  readonly domainNames?: string[];
}

/** `PortRange`: `start < end`, both 1-65535. */
export interface KubePortRange {
  readonly start: number;
  readonly end: number;
}

/** `Port`: exactly one of a number or a range. */
export interface KubeDestinationPort {
  readonly number?: number;
  readonly range?: KubePortRange;
}

/** `ProtocolPort` of tcp, udp or sctp: the destination port is required. */
export interface KubeProtocolPort {
  readonly destinationPort: KubeDestinationPort;
}

/** `ClusterNetworkPolicyProtocol`: exactly one field. */
export interface KubeClusterNetworkPolicyProtocol {
  readonly tcp?: KubeProtocolPort;
  readonly udp?: KubeProtocolPort;
  readonly sctp?: KubeProtocolPort;
  readonly destinationNamedPort?: string;
}

/** `ClusterNetworkPolicyIngressRule`. */
export interface KubeClusterNetworkPolicyIngressRule {
  readonly name?: string;
  readonly action: string;
  readonly from: KubeClusterNetworkPolicyIngressPeer[];
  readonly protocols?: KubeClusterNetworkPolicyProtocol[];
}

/** `ClusterNetworkPolicyEgressRule`. */
export interface KubeClusterNetworkPolicyEgressRule {
  readonly name?: string;
  readonly action: string;
  readonly to: KubeClusterNetworkPolicyEgressPeer[];
  readonly protocols?: KubeClusterNetworkPolicyProtocol[];
}

/** `ClusterNetworkPolicySpec`. */
export interface KubeClusterNetworkPolicySpec {
  readonly tier: string;
  readonly priority: number;
  readonly subject: KubeClusterNetworkPolicySubject;
  readonly ingress?: KubeClusterNetworkPolicyIngressRule[];
  readonly egress?: KubeClusterNetworkPolicyEgressRule[];
}

/** A `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy (cluster-scoped: no namespace). */
export interface KubeClusterNetworkPolicy {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: KubeObjectMeta;
  readonly spec: KubeClusterNetworkPolicySpec;
}
