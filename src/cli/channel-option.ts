import { choiceOption, ParsedArgs } from './parse-args';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';

/** `--channel standard|experimental`: the channel of the ClusterNetworkPolicy CRD in the cluster. */
export const CHANNEL_OPTION = 'channel';

/** The `--channel` line of every command's help. */
export const CHANNEL_HELP = "  --channel experimental  read ClusterNetworkPolicies with the CRD's experimental channel (nodes peers)";

/** The ClusterNetworkPolicy CRD channel `--channel` names (standard by default). */
export function clusterPolicyChannel(parsed: ParsedArgs): ClusterNetworkPolicyChannel {
  const channels: string[] = Object.values(ClusterNetworkPolicyChannel);
  return choiceOption(parsed, CHANNEL_OPTION, channels, ClusterNetworkPolicyChannel.STANDARD) as ClusterNetworkPolicyChannel;
}
