import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SynthPasses } from './synth-pass';
import { CLUSTER_NETWORK_POLICY_GROUP, CLUSTER_NETWORK_POLICY_KIND, NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../k8s/kinds';

/** The key of the app's name index among its per-synthesis values. */
const NAME_INDEX = Symbol('policy names');

/** The kinds indexed, and whether their names are unique per namespace (false: cluster-wide). */
const KINDS: ReadonlyMap<string, boolean> = new Map([
  [`${NETWORK_POLICY_GROUP}/${NETWORK_POLICY_KIND}`, true],
  [`${CLUSTER_NETWORK_POLICY_GROUP}/${CLUSTER_NETWORK_POLICY_KIND}`, false],
]);

/**
 * The first policy of the same kind (any `networking.k8s.io` NetworkPolicy or
 * `policy.networking.k8s.io` ClusterNetworkPolicy object: ours, cdk8s-plus's, raw) that comes
 * before `policy` in the app's tree with the same name, and for NetworkPolicy the same namespace.
 * The app's policies are indexed by name once per synthesis, not once per policy.
 */
export function earlierNamesake(policy: ApiObject): ApiObject | undefined {
  const byName = SynthPasses.of(policy).perSynthesis(NAME_INDEX, () => buildIndex(policy.node.root));
  const namesakes = byName.get(nameKey(policy)) ?? [];
  return namesakes[0] === policy || namesakes.length === 0 ? undefined : namesakes[0];
}

function buildIndex(root: IConstruct): Map<string, ApiObject[]> {
  const byName = new Map<string, ApiObject[]>();
  for (const node of root.node.findAll()) {
    if (ApiObject.isApiObject(node) && KINDS.has(`${node.apiGroup}/${node.kind}`)) {
      const key = nameKey(node);
      const namesakes = byName.get(key) ?? [];
      namesakes.push(node);
      byName.set(key, namesakes);
    }
  }
  return byName;
}

function nameKey(policy: ApiObject): string {
  const kind = `${policy.apiGroup}/${policy.kind}`;
  return JSON.stringify([kind, KINDS.get(kind) ? policy.metadata.namespace ?? null : null, policy.name]);
}
