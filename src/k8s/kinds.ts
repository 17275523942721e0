/** The API group NetworkPolicy is served from. */
export const NETWORK_POLICY_GROUP = 'networking.k8s.io';
/** The only version that serves NetworkPolicy. */
export const NETWORK_POLICY_API_VERSION = `${NETWORK_POLICY_GROUP}/v1`;
/** The kind. */
export const NETWORK_POLICY_KIND = 'NetworkPolicy';

/** The API group ClusterNetworkPolicy is served from, as a CustomResourceDefinition (network-policy-api v0.2.0). */
export const CLUSTER_NETWORK_POLICY_GROUP = 'policy.networking.k8s.io';
/** The only version the CRD serves. */
export const CLUSTER_NETWORK_POLICY_API_VERSION = `${CLUSTER_NETWORK_POLICY_GROUP}/v1alpha2`;
/** The kind. */
export const CLUSTER_NETWORK_POLICY_KIND = 'ClusterNetworkPolicy';

/** The label the control plane sets on every namespace, holding the namespace's name (Kubernetes >= 1.21). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Where each workload kind keeps the template of the pods it runs, as field names from the
 * object's root. A `Map`, so a manifest's `kind: constructor` finds nothing.
 */
export const POD_TEMPLATE_PATHS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Deployment', ['spec', 'template']],
  ['StatefulSet', ['spec', 'template']],
  ['DaemonSet', ['spec', 'template']],
  ['ReplicaSet', ['spec', 'template']],
  ['ReplicationController', ['spec', 'template']],
  ['Job', ['spec', 'template']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
]);

/** The namespace of an object whose manifest names none, as `kubectl` applies it without `-n`. */
export const DEFAULT_NAMESPACE = 'default';

/** The kind of the cluster's machines, whose addresses and pods the model reads. */
export const NODE_KIND = 'Node';
