import { Bitset } from './bitset';
import { ClusterPeerKind, CompiledClusterPeer, CompiledClusterPolicy, CompiledClusterRule } from './compiled-cluster-policy';
import { CompiledPeer, CompiledPolicy } from './compiled-policy';
import { CompiledSelector, Labels } from './compiled-selector';
import { IpSet } from './ip-set';
import { ItemRange, LabelIndex } from './label-index';
import { lowerBound } from './lower-bound';
import { NamespaceInfo } from './namespace-info';
import { NodeInfo } from './node-info';
import { ResolvedOptions } from './resolved-options';
import { WorkloadObject } from './workload-grouping';
import { ContainerPortInfo } from './workload-info';
import { parseIp } from '../k8s/cidr';
import { unmapIpv4 } from '../k8s/ip-address';

/**
 * Workloads that no policy can tell apart: same namespace, labels, container ports, network
 * mode and memberships of the address sets rules name (ipBlocks; `networks` and `nodes` peers).
 * Selection and matrices work on classes, not workloads.
 */
export interface PodClass {
  readonly id: number;
  readonly namespace: number;
  readonly labels: Labels;
  readonly ports: readonly ContainerPortInfo[];
  /** hostNetwork pods are never selected; their traffic is node traffic. */
  readonly hostNetwork: boolean;
}

/** A set of addresses some rule's peer matches, and whether pods on the pod network count by their IPs. */
interface AddressSet {
  readonly addresses: IpSet;
  /** Pod IPs count (ClusterNetworkPolicy peers; ipBlocks with `ipBlocksMatchPodIps`); hostNetwork pods' always do. */
  readonly podIps: boolean;
}

/**
 * Everything precomputed for evaluation: pod classes (those of a namespace numbered
 * consecutively), a label index over classes and one over namespaces, address-set memberships,
 * and each class's isolating policies.
 */
export class ClusterIndex {
  public readonly namespaceIds = new Map<string, number>();
  public readonly classes: PodClass[];
  public readonly classOfWorkload: number[];
  /** How many workloads each class stands for. */
  public readonly classSizes: number[];
  /** Per class, the policies (indexes into `policies`) that isolate it for ingress. */
  public readonly ingressPolicies: number[][];
  /** Per class, the policies that isolate it for egress. */
  public readonly egressPolicies: number[][];

  public readonly namespaceIndex: LabelIndex;
  public readonly classIndex: LabelIndex;
  public readonly hostNetworkClasses: Bitset;

  /** The classes of namespace `n` are `namespaceStart[n]` to `namespaceStart[n + 1] - 1`. */
  private readonly namespaceStart: number[];
  /** Address sets by the key of the peers that match them. */
  private readonly addressSetIds = new Map<string, number>();
  private readonly addressSets: AddressSet[] = [];
  private readonly classesByAddressSet: number[][];

  constructor(
    public readonly namespaces: readonly NamespaceInfo[],
    public readonly workloads: readonly WorkloadObject[],
    public readonly policies: readonly CompiledPolicy[],
    public readonly options: ResolvedOptions,
    /** The valid ClusterNetworkPolicies, in reading order. */
    public readonly clusterPolicies: readonly CompiledClusterPolicy[] = [],
    /** The Nodes, whose addresses `nodes` peers match. */
    public readonly nodes: readonly NodeInfo[] = [],
  ) {
    namespaces.forEach((ns, id) => this.namespaceIds.set(ns.name, id));
    this.namespaceIndex = new LabelIndex(namespaces.map((ns) => ns.labels));

    const addSet = (key: string, addresses: () => IpSet, podIps: boolean): void => {
      if (!this.addressSetIds.has(key)) {
        const set = { addresses: addresses(), podIps };
        this.addressSetIds.set(key, this.addressSets.length);
        this.addressSets.push(set);
      }
    };
    for (const policy of policies) {
      for (const rule of [...policy.ingress ?? [], ...policy.egress ?? []]) {
        for (const peer of rule.peers ?? []) {
          if (peer.ipBlock) {
            addSet(peer.key, () => peer.ipBlock!, options.ipBlocksMatchPodIps);
          }
        }
      }
    }
    // ClusterNetworkPolicy address peers match pod IPs too, whatever ipBlocksMatchPodIps says (the API says so).
    for (const policy of clusterPolicies) {
      for (const rule of policy.egress) {
        for (const peer of rule.peers) {
          if (peer.kind === ClusterPeerKind.NETWORKS || peer.kind === ClusterPeerKind.NODES) {
            addSet(peer.key, () => this.peerAddresses(peer), true);
          }
        }
      }
    }
    const grouping = groupIntoClasses(workloads, this.addressMemberships(), this.namespaceIds, namespaces.length, this.addressSets.length);
    this.classes = grouping.classes;
    this.classOfWorkload = grouping.classOfWorkload;
    this.classSizes = grouping.classSizes;
    this.namespaceStart = grouping.namespaceStart;
    this.classesByAddressSet = grouping.classesByAddressSet;

    this.classIndex = new LabelIndex(this.classes.map((c) => c.labels));
    this.hostNetworkClasses = Bitset.of(this.classes.length, this.classes.filter((c) => c.hostNetwork).map((c) => c.id));

    this.ingressPolicies = this.classes.map(() => []);
    this.egressPolicies = this.classes.map(() => []);
    policies.forEach((policy, policyId) => {
      for (const classId of this.selectPods(policy.podSelector, this.namespaceIds.get(policy.namespaceName)!)) {
        if (policy.ingress) this.ingressPolicies[classId].push(policyId);
        if (policy.egress) this.egressPolicies[classId].push(policyId);
      }
    });
  }

  /**
   * The classes whose IPs an address peer holds: an ipBlock, or a `networks` or `nodes` peer;
   * pods by their pod IPs, hostNetwork pods by their node's.
   */
  public addressSetClasses(peer: CompiledPeer | CompiledClusterPeer): readonly number[] {
    return this.classesByAddressSet[this.addressSetIds.get(peer.key)!];
  }

  /**
   * The addresses a `networks` or `nodes` peer matches: its CIDRs, or every address of the nodes
   * its selector matches (the Node objects, and the nodes pods name without one, which have no
   * labels and their pods' host IPs).
   */
  public clusterPeerAddresses(peer: CompiledClusterPeer): IpSet {
    return this.addressSets[this.addressSetIds.get(peer.key)!].addresses;
  }

  /** The addresses a ClusterNetworkPolicy rule's `networks` and `nodes` peers match; undefined when it has none. */
  public clusterRuleAddresses(rule: CompiledClusterRule): IpSet | undefined {
    return rule.peers
      .filter((p) => p.kind === ClusterPeerKind.NETWORKS || p.kind === ClusterPeerKind.NODES)
      .map((p) => this.clusterPeerAddresses(p))
      .reduce<IpSet | undefined>((all, set) => (all ? all.union(set) : set), undefined);
  }

  /** Computes what `clusterPeerAddresses` then reads, once per peer. */
  private peerAddresses(peer: CompiledClusterPeer): IpSet {
    if (peer.kind === ClusterPeerKind.NETWORKS) {
      return peer.networks!;
    }
    const addresses = this.nodes.filter((node) => peer.nodes!.matches(node.labels)).flatMap((node) => node.addresses);
    return IpSet.fromIps(addresses.map((text) => parseIp(text)!));
  }

  /** The classes of one namespace. */
  public classRange(namespace: number): ItemRange {
    return [this.namespaceStart[namespace], this.namespaceStart[namespace + 1]];
  }

  /** The selectable (not hostNetwork) classes of one namespace that a pod selector matches. */
  private selectPods(selector: CompiledSelector, namespace: number): number[] {
    return this.classIndex.selectInRanges(selector, [this.classRange(namespace)]).filter((id) => !this.classes[id].hostNetwork);
  }

  /**
   * For each workload, the distinct address sets containing one of its IPs. Each set's ranges
   * are looked up in the sorted IPs, so the cost follows the matches, not workloads x sets.
   */
  private addressMemberships(): Set<number>[] {
    const memberships = this.workloads.map(() => new Set<number>());
    type Address = { value: bigint; workload: number; hostNetwork: boolean };
    const addresses = { 4: [] as Address[], 6: [] as Address[] };
    this.workloads.forEach((workload, i) => {
      workload.ips.map(unmapIpv4).forEach((ip) => addresses[ip.family].push({ value: ip.value, workload: i, hostNetwork: workload.hostNetwork }));
    });
    addresses[4].sort(byValue);
    addresses[6].sort(byValue);
    this.addressSets.forEach(({ addresses: set, podIps }, setId) => {
      for (const [family, ranges] of [[4, set.v4], [6, set.v6]] as const) {
        const sorted = addresses[family];
        for (const range of ranges.ranges) {
          for (let i = lowerBound(sorted.length, (j) => sorted[j].value < range.first); i < sorted.length && sorted[i].value <= range.last; i++) {
            // hostNetwork IPs are node IPs, which every address set matches; pod IPs only where they count.
            if (podIps || sorted[i].hostNetwork) {
              memberships[sorted[i].workload].add(setId);
            }
          }
        }
      }
    });
    return memberships;
  }
}

/** Workloads grouped into classes, the classes of each namespace numbered consecutively (in namespace order). */
interface Grouping {
  readonly classes: PodClass[];
  readonly classOfWorkload: number[];
  readonly classSizes: number[];
  readonly namespaceStart: number[];
  readonly classesByAddressSet: number[][];
}

function groupIntoClasses(workloads: readonly WorkloadObject[], memberships: Set<number>[], namespaceIds: ReadonlyMap<string, number>,
  namespaceCount: number, addressSetCount: number): Grouping {
  const keys = new Map<string, number>();
  const firstWorkloads: number[] = [];
  const setsOfClass: number[][] = [];
  const provisional = workloads.map((workload, i) => {
    const sets = [...memberships[i]].sort((a, b) => a - b);
    const key = JSON.stringify([
      workload.namespaceName,
      Object.entries(workload.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      workload.ports.map((p) => [p.name ?? '', p.protocol, p.port]).sort(),
      workload.hostNetwork,
      sets,
    ]);
    let id = keys.get(key);
    if (id === undefined) {
      id = firstWorkloads.length;
      keys.set(key, id);
      firstWorkloads.push(i);
      setsOfClass.push(sets);
    }
    return id;
  });

  const namespaceOf = firstWorkloads.map((i) => namespaceIds.get(workloads[i].namespaceName)!);
  // Arrays are filled in order throughout: out-of-order writes would make them sparse, and slow.
  const order = namespaceOf.map((_, p) => p).sort((a, b) => namespaceOf[a] - namespaceOf[b] || a - b);
  const finalId = order.map(() => 0);
  order.forEach((provisionalId, id) => {
    finalId[provisionalId] = id;
  });
  const classes = order.map((provisionalId, id) => {
    const { labels, ports, hostNetwork } = workloads[firstWorkloads[provisionalId]];
    return { id, namespace: namespaceOf[provisionalId], labels, ports, hostNetwork };
  });
  const classesByAddressSet = Array.from({ length: addressSetCount }, (): number[] => []);
  order.forEach((provisionalId, id) => setsOfClass[provisionalId].forEach((setId) => classesByAddressSet[setId].push(id)));
  const namespaceStart = Array.from({ length: namespaceCount + 1 }, () => 0);
  namespaceOf.forEach((ns) => namespaceStart[ns + 1]++);
  for (let ns = 0; ns < namespaceCount; ns++) {
    namespaceStart[ns + 1] += namespaceStart[ns];
  }
  const classOfWorkload = provisional.map((id) => finalId[id]);
  const classSizes = classes.map(() => 0);
  classOfWorkload.forEach((id) => classSizes[id]++);
  return { classes, classOfWorkload, classSizes, namespaceStart, classesByAddressSet };
}

function byValue(a: { value: bigint }, b: { value: bigint }): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

