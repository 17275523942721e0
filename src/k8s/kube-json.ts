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
