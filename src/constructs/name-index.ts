import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SynthPasses } from './synth-pass';
import { NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../k8s/kinds';

/** The key of the app's name index among its per-synthesis values. */
const NAME_INDEX = Symbol('NetworkPolicy names');

/**
 * The first NetworkPolicy (any `networking.k8s.io` NetworkPolicy object: ours, cdk8s-plus's,
 * raw) that comes before `policy` in the app's tree with the same namespace and name. The
 * app's policies are indexed by name once per synthesis, not once per policy.
 */
export function earlierNamesake(policy: ApiObject): ApiObject | undefined {
  const byName = SynthPasses.of(policy).perSynthesis(NAME_INDEX, () => buildIndex(policy.node.root));
  const namesakes = byName.get(nameKey(policy)) ?? [];
  return namesakes[0] === policy || namesakes.length === 0 ? undefined : namesakes[0];
}

function buildIndex(root: IConstruct): Map<string, ApiObject[]> {
  const byName = new Map<string, ApiObject[]>();
  for (const node of root.node.findAll()) {
    if (ApiObject.isApiObject(node) && node.kind === NETWORK_POLICY_KIND && node.apiGroup === NETWORK_POLICY_GROUP) {
      const key = nameKey(node);
      const namesakes = byName.get(key) ?? [];
      namesakes.push(node);
      byName.set(key, namesakes);
    }
  }
  return byName;
}

function nameKey(policy: ApiObject): string {
  return JSON.stringify([policy.metadata.namespace ?? null, policy.name]);
}
