import { Bitset } from './bitset';
import { ClusterIndex } from './cluster-index';
import { CompiledRule } from './compiled-policy';
import { CheckedPortQuery, portNumberOn } from './port-target';

/** Reachability between pod classes on one port. */
export interface ClassMatrix {
  /** Row `s` holds the destination classes that class `s` can reach (a pod to another pod of the class, for `s` itself). */
  readonly rows: Bitset[];
  /** The classes that have the port (every class for a port number; those defining it for a port name). */
  readonly hasPort: Bitset;
}

/**
 * Computes the reachability between pod classes on one port.
 *
 * Rows are bitsets. Egress rows are built per source class, ingress rows per destination class
 * (as bitsets over sources), the ingress rows are transposed, and the two are intersected.
 * Rows depend only on the policies that apply, so classes under the same policies share them.
 */
export function buildClassMatrix(index: ClusterIndex, query: CheckedPortQuery): ClassMatrix {
  const size = index.classes.length;
  const everyone = Bitset.full(size);
  const portOf = index.classes.map((c) => portNumberOn(query, c.ports));
  const hasPort = Bitset.of(size, index.classes.filter((c) => portOf[c.id] !== undefined).map((c) => c.id));

  const portCache = new Map<string, Bitset>();
  const destinationsOnPort = (rule: CompiledRule): Bitset => cached(portCache, rule.ports.toString(), () => Bitset.of(size, index.classes
    .filter((c) => portOf[c.id] !== undefined && rule.ports.contains(query.protocol, portOf[c.id]!, c.ports))
    .map((c) => c.id)));

  // A fresh set each time: rows are built once per distinct set of policies, and the index caches each peer's matches.
  const peersOf = (rule: CompiledRule, policyNamespace: string): Bitset => (rule.peers === undefined
    ? Bitset.full(size)
    : Bitset.of(size, rule.peers.flatMap((peer) => index.peerClasses(peer, policyNamespace))));

  // Egress: the destinations each source class may send to.
  const egressCache = new Map<string, Bitset>();
  const egressRows = index.classes.map((c) => {
    const policyIds = index.egressPolicies[c.id];
    return policyIds.length === 0 ? everyone : cached(egressCache, policyIds.join(','), () => {
      const row = new Bitset(size);
      for (const policy of policyIds.map((id) => index.policies[id])) {
        for (const rule of policy.egress!) {
          row.unionWith(peersOf(rule, policy.namespaceName).intersectWith(destinationsOnPort(rule)));
        }
      }
      return row;
    });
  });

  // Ingress, transposed: start every row with the destinations that are not ingress-isolated,
  // then add each isolated destination to the rows of the sources its admitting rules match.
  const notIsolated = Bitset.of(size, index.classes.filter((c) => index.ingressPolicies[c.id].length === 0).map((c) => c.id));
  const rows = index.classes.map(() => notIsolated.clone());
  const ingressCache = new Map<string, Bitset>();
  for (const destination of index.classes) {
    const policyIds = index.ingressPolicies[destination.id];
    const port = portOf[destination.id];
    if (policyIds.length === 0 || port === undefined) {
      continue;
    }
    const admitting: { rule: CompiledRule; namespace: string; key: string }[] = [];
    for (const policyId of policyIds) {
      const policy = index.policies[policyId];
      policy.ingress!.forEach((rule, i) => {
        if (rule.ports.contains(query.protocol, port, destination.ports)) {
          admitting.push({ rule, namespace: policy.namespaceName, key: `${policyId}:${i}` });
        }
      });
    }
    const sources = cached(ingressCache, admitting.map((a) => a.key).join(','), () =>
      admitting.reduce((union, a) => union.unionWith(peersOf(a.rule, a.namespace)), new Bitset(size)));
    sources.forEach((source) => rows[source].add(destination.id));
  }

  rows.forEach((row, source) => row.intersectWith(egressRows[source]).intersectWith(hasPort));
  return { rows, hasPort };
}

function cached<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}
