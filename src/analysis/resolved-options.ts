import { AnalysisOptions } from './analysis-options';

/** Analysis options with every default applied. */
export type ResolvedOptions = Required<AnalysisOptions>;

export function resolveOptions(options: AnalysisOptions = {}): ResolvedOptions {
  return {
    ipBlocksMatchPodIps: options.ipBlocksMatchPodIps ?? true,
    allowSelfTraffic: options.allowSelfTraffic ?? true,
    allowNodeTraffic: options.allowNodeTraffic ?? true,
    defaultNamespace: options.defaultNamespace ?? 'default',
    strictCidr: options.strictCidr ?? true,
  };
}
