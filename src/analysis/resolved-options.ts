import { AnalysisOptions } from './analysis-options';
import { InputError } from '../k8s/input-error';
import { asObject } from '../k8s/json-values';
import { DEFAULT_NAMESPACE } from '../k8s/kinds';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';

/** Analysis options with every default applied. */
export type ResolvedOptions = Required<AnalysisOptions>;

const FLAGS = ['ipBlocksMatchPodIps', 'allowSelfTraffic', 'allowNodeTraffic', 'strictCidr'] as const;

/** The options with their defaults; an option of the wrong type (from plain JavaScript) is an input error. */
export function resolveOptions(options: AnalysisOptions = {}): ResolvedOptions {
  const given = asObject(options);
  if (given === undefined) {
    throw new InputError('options', [`must be an object of AnalysisOptions, not ${Array.isArray(options) ? 'a list' : typeof options}`]);
  }
  const problems = FLAGS.filter((flag) => given[flag] !== undefined && typeof given[flag] !== 'boolean')
    .map((flag) => `${flag} must be true or false, not ${JSON.stringify(given[flag])}`);
  if (given.defaultNamespace !== undefined && (typeof given.defaultNamespace !== 'string' || given.defaultNamespace === '')) {
    problems.push(`defaultNamespace must be a namespace name, not ${JSON.stringify(given.defaultNamespace)}`);
  }
  if (problems.length > 0) {
    throw new InputError('options', problems);
  }
  return {
    ipBlocksMatchPodIps: options.ipBlocksMatchPodIps ?? true,
    allowSelfTraffic: options.allowSelfTraffic ?? true,
    allowNodeTraffic: options.allowNodeTraffic ?? true,
    defaultNamespace: options.defaultNamespace ?? DEFAULT_NAMESPACE,
    strictCidr: options.strictCidr ?? true,
    clusterNetworkPolicyChannel: options.clusterNetworkPolicyChannel ?? ClusterNetworkPolicyChannel.STANDARD,
  };
}
