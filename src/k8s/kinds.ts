/** The API group NetworkPolicy is served from. */
export const NETWORK_POLICY_GROUP = 'networking.k8s.io';
/** The only version that serves NetworkPolicy. */
export const NETWORK_POLICY_API_VERSION = `${NETWORK_POLICY_GROUP}/v1`;
/** The kind. */
export const NETWORK_POLICY_KIND = 'NetworkPolicy';
