import { AnalysisOptions } from './analysis-options';
import { DEFAULT_NAMESPACE } from '../k8s/kinds';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';

/** Analysis options with every default applied. */
export type ResolvedOptions = Required<AnalysisOptions>;

export function resolveOptions(options: AnalysisOptions = {}): ResolvedOptions {
  return {
    ipBlocksMatchPodIps: options.ipBlocksMatchPodIps ?? true,
    allowSelfTraffic: options.allowSelfTraffic ?? true,
    allowNodeTraffic: options.allowNodeTraffic ?? true,
    defaultNamespace: options.defaultNamespace ?? DEFAULT_NAMESPACE,
    strictCidr: options.strictCidr ?? true,
    clusterNetworkPolicyChannel: options.clusterNetworkPolicyChannel ?? ClusterNetworkPolicyChannel.STANDARD,
  };
}
