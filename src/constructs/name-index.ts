import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { NETWORK_POLICY_GROUP, NETWORK_POLICY_KIND } from '../validation/network-policy-kind';


/** The app's NetworkPolicy objects by namespace and name, in tree order, and who has used this index. */
interface NameIndex {
  readonly byName: Map<string, ApiObject[]>;
  readonly served: Set<ApiObject>;
}

/**
 * One index per app, so checking every policy's name costs one walk of the tree per synth
 * rather than one per policy. Each policy validates once per synth, in tree order: a policy
 * asking twice, or one the index does not know, means a new synth, and the index is rebuilt.
 * The first policy of a synth is always one of those, so no synth uses an older tree.
 */
const INDEXES = new WeakMap<IConstruct, NameIndex>();

/**
 * The first NetworkPolicy (any `networking.k8s.io` NetworkPolicy object: ours, cdk8s-plus-27's,
 * raw) that comes before `policy` in the app's tree with the same namespace and name.
 */
export function earlierNamesake(policy: ApiObject): ApiObject | undefined {
  const root = policy.node.root;
  let index = INDEXES.get(root);
  if (index === undefined || index.served.has(policy) || !index.byName.get(nameKey(policy))?.includes(policy)) {
    index = buildIndex(root);
    INDEXES.set(root, index);
  }
  index.served.add(policy);
  const namesakes = index.byName.get(nameKey(policy))!;
  return namesakes[0] === policy ? undefined : namesakes[0];
}

function buildIndex(root: IConstruct): NameIndex {
  const byName = new Map<string, ApiObject[]>();
  for (const node of root.node.findAll()) {
    if (ApiObject.isApiObject(node) && node.kind === NETWORK_POLICY_KIND && node.apiGroup === NETWORK_POLICY_GROUP) {
      const key = nameKey(node);
      const namesakes = byName.get(key) ?? [];
      namesakes.push(node);
      byName.set(key, namesakes);
    }
  }
  return { byName, served: new Set() };
}

function nameKey(policy: ApiObject): string {
  return JSON.stringify([policy.metadata.namespace ?? null, policy.name]);
}
