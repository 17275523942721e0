import { Bitset, countMutualPairs } from './bitset';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { ClassSet, PeerResolver } from './peer-resolver';
import { PortSet } from './port-set';
import { CheckedPortQuery, portNumberOn } from './port-target';

/**
 * Reachability between pod classes on one port, kept as the two sides that decide it: one
 * egress row per source class and one ingress column per destination class. Classes under the
 * same policies share their row or column, so the matrix takes far less than classes^2 bits.
 */
export class ClassMatrix {
  constructor(
    /** Per source class: the destination classes its egress side lets through (only classes with the port). */
    private readonly egressRows: readonly Bitset[],
    /** Per destination class: the source classes its ingress side admits. */
    private readonly ingressColumns: readonly Bitset[],
    /** The classes that have the port (every class for a port number; those defining it for a port name). */
    public readonly hasPort: Bitset,
  ) {}

  /** Whether a pod of class `source` can reach a pod of class `destination` (another pod, when they are the same class). */
  public has(source: number, destination: number): boolean {
    return this.egressRows[source].has(destination) && this.ingressColumns[destination].has(source);
  }

  /**
   * The number of allowed (source pod, destination pod) pairs when class `c` has `sizes[c]`
   * pods; a pod paired with itself counts as a pod of its class reaching another.
   */
  public countPairs(sizes: readonly number[]): number {
    return countMutualPairs(this.egressRows, this.ingressColumns, sizes);
  }
}

/**
 * Computes the reachability between pod classes on one port.
 *
 * Egress rows are unions of the admitting rules' peers, intersected with the destinations
 * their ports cover; ingress columns are unions of the peers of the rules admitting the port.
 * Both are computed once per distinct set of policies, from peers resolved once per peer
 * (`peers` may be shared by the matrices of several ports: what a peer matches does not
 * depend on the port).
 */
export function buildClassMatrix(index: ClusterIndex, query: CheckedPortQuery, peers: PeerResolver = new PeerResolver(index)): ClassMatrix {
  const size = index.classes.length;
  const portOf = index.classes.map((c) => portNumberOn(query, c.ports));
  const hasPort = Bitset.of(size, index.classes.filter((c) => portOf[c.id] !== undefined).map((c) => c.id));
  const everyone = Bitset.full(size);
  const nobody = new Bitset(size);

  // Whether a rule's ports cover the connection depends only on the port number and the names
  // the destination gives it, so classes are grouped by those facts.
  const profileOf = index.classes.map((c) => (portOf[c.id] === undefined ? undefined : `${portOf[c.id]} ${c.ports
    .filter((p) => p.protocol === query.protocol && p.port === portOf[c.id] && p.name !== undefined)
    .map((p) => p.name).sort().join(',')}`));
  const profiles = new Map<string, number[]>();
  profileOf.forEach((profile, id) => profile !== undefined && cached(profiles, profile, () => []).push(id));
  const covers = (ports: PortSet, classId: number) => ports.contains(query.protocol, portOf[classId]!, index.classes[classId].ports);

  const portCache = new Map<string, Bitset>();
  const destinationsOnPort = (ports: PortSet): Bitset => cached(portCache, ports.toString(), () => {
    const result = new Bitset(size);
    for (const members of profiles.values()) {
      if (covers(ports, members[0])) {
        members.forEach((id) => result.add(id));
      }
    }
    return result;
  });
  const egressRows = sharedBitsets(size, index.egressPolicies.map((ids) => (ids.length > 0 ? ids.join(',') : undefined)), (row, classId) => {
    for (const policy of index.egressPolicies[classId].map((id) => index.policies[id])) {
      for (const rule of policy.egress!) {
        const onPort = destinationsOnPort(rule.ports);
        if (rule.peers === undefined) {
          row.unionWith(onPort);
        } else {
          rule.peers.forEach((peer) => addClasses(row, peers.classesOf(peer, policy.namespaceName), onPort));
        }
      }
    }
  }).map((row) => row ?? hasPort);

  const ingressKeys = index.ingressPolicies.map((ids, c) => (ids.length > 0 && portOf[c] !== undefined ? `${ids.join(',')} ${profileOf[c]}` : undefined));
  const ingressColumns = sharedBitsets(size, ingressKeys, (column, classId) => {
    for (const policy of index.ingressPolicies[classId].map((id) => index.policies[id])) {
      for (const rule of policy.ingress!.filter((r) => covers(r.ports, classId))) {
        if (rule.peers === undefined) {
          column.addRange(0, size);
        } else {
          rule.peers.forEach((peer) => addClasses(column, peers.classesOf(peer, policy.namespaceName)));
        }
      }
    }
  }).map((column, c) => column ?? (index.ingressPolicies[c].length === 0 ? everyone : nobody));

  return new ClassMatrix(egressRows, ingressColumns, hasPort);
}

/**
 * One bitset per distinct key, filled by `fill` from the first class with that key, all in one
 * allocation (a large cluster has tens of thousands); undefined for classes without a key.
 */
function sharedBitsets(size: number, keys: readonly (string | undefined)[], fill: (target: Bitset, classId: number) => void): (Bitset | undefined)[] {
  const firstClass = new Map<string, number>();
  keys.forEach((key, classId) => {
    if (key !== undefined && !firstClass.has(key)) {
      firstClass.set(key, classId);
    }
  });
  const bitsets = Bitset.many(firstClass.size, size);
  const byKey = new Map<string, Bitset>();
  [...firstClass].forEach(([key, classId], i) => {
    fill(bitsets[i], classId);
    byKey.set(key, bitsets[i]);
  });
  return keys.map((key) => (key === undefined ? undefined : byKey.get(key)));
}

/** Adds the classes of `set` to `target`, only those in `mask` when given. */
function addClasses(target: Bitset, set: ClassSet, mask?: Bitset): void {
  if (set instanceof Bitset) {
    if (mask) {
      target.unionWithIntersection(set, mask);
    } else {
      target.unionWith(set);
    }
    return;
  }
  for (const id of set) {
    if (!mask || mask.has(id)) {
      target.add(id);
    }
  }
}
