import { Bitset } from './bitset';
import { CompiledPeer, CompiledPolicy } from './compiled-policy';
import { CompiledSelector, Labels } from './compiled-selector';
import { IpSet } from './ip-set';
import { ItemRange, LabelIndex } from './label-index';
import { lowerBound } from './lower-bound';
import { NamespaceInfo } from './namespace-info';
import { ResolvedOptions } from './resolved-options';
import { WorkloadObject } from './workload-grouping';
import { ContainerPortInfo } from './workload-info';
import { unmapIpv4 } from '../k8s/ip-address';

/**
 * Workloads that no policy can tell apart: same namespace, labels, container ports, network
 * mode and ipBlock memberships. Selection and matrices work on classes, not workloads.
 */
export interface PodClass {
  readonly id: number;
  readonly namespace: number;
  readonly labels: Labels;
  readonly ports: readonly ContainerPortInfo[];
  /** hostNetwork pods are never selected; their traffic is node traffic. */
  readonly hostNetwork: boolean;
}

/**
 * Everything precomputed for evaluation: pod classes (those of a namespace numbered
 * consecutively), a label index over classes and one over namespaces, ipBlock memberships,
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
  private readonly ipBlockIds = new Map<string, number>();
  private readonly ipBlocks: IpSet[] = [];
  private readonly classesByIpBlock: number[][];

  constructor(
    public readonly namespaces: readonly NamespaceInfo[],
    public readonly workloads: readonly WorkloadObject[],
    public readonly policies: readonly CompiledPolicy[],
    public readonly options: ResolvedOptions,
  ) {
    namespaces.forEach((ns, id) => this.namespaceIds.set(ns.name, id));
    this.namespaceIndex = new LabelIndex(namespaces.map((ns) => ns.labels));

    for (const policy of policies) {
      for (const rule of [...policy.ingress ?? [], ...policy.egress ?? []]) {
        for (const peer of rule.peers ?? []) {
          if (peer.ipBlock && !this.ipBlockIds.has(peer.key)) {
            this.ipBlockIds.set(peer.key, this.ipBlocks.length);
            this.ipBlocks.push(peer.ipBlock);
          }
        }
      }
    }
    const grouping = groupIntoClasses(workloads, this.ipBlockMemberships(), this.namespaceIds, namespaces.length, this.ipBlocks.length);
    this.classes = grouping.classes;
    this.classOfWorkload = grouping.classOfWorkload;
    this.classSizes = grouping.classSizes;
    this.namespaceStart = grouping.namespaceStart;
    this.classesByIpBlock = grouping.classesByIpBlock;

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

  /** The classes whose IPs an ipBlock peer contains (hostNetwork pods, at node IPs, included). */
  public ipBlockClasses(peer: CompiledPeer): readonly number[] {
    return this.classesByIpBlock[this.ipBlockIds.get(peer.key)!];
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
   * For each workload, the distinct ipBlocks containing one of its IPs. Each block's ranges are
   * looked up in the sorted IPs, so the cost follows the matches, not workloads x blocks.
   */
  private ipBlockMemberships(): Set<number>[] {
    const memberships = this.workloads.map(() => new Set<number>());
    const addresses = { 4: [] as { value: bigint; workload: number }[], 6: [] as { value: bigint; workload: number }[] };
    this.workloads.forEach((workload, i) => {
      // hostNetwork IPs are node IPs, which ipBlocks always match; pod IPs only with the option.
      if (workload.hostNetwork || this.options.ipBlocksMatchPodIps) {
        workload.ips.map(unmapIpv4).forEach((ip) => addresses[ip.family].push({ value: ip.value, workload: i }));
      }
    });
    addresses[4].sort(byValue);
    addresses[6].sort(byValue);
    this.ipBlocks.forEach((block, blockId) => {
      for (const [family, set] of [[4, block.v4], [6, block.v6]] as const) {
        const sorted = addresses[family];
        for (const range of set.ranges) {
          for (let i = lowerBound(sorted.length, (j) => sorted[j].value < range.first); i < sorted.length && sorted[i].value <= range.last; i++) {
            memberships[sorted[i].workload].add(blockId);
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
  readonly classesByIpBlock: number[][];
}

function groupIntoClasses(workloads: readonly WorkloadObject[], memberships: Set<number>[], namespaceIds: ReadonlyMap<string, number>,
  namespaceCount: number, ipBlockCount: number): Grouping {
  const keys = new Map<string, number>();
  const firstWorkloads: number[] = [];
  const blocksOfClass: number[][] = [];
  const provisional = workloads.map((workload, i) => {
    const ipBlocks = [...memberships[i]].sort((a, b) => a - b);
    const key = JSON.stringify([
      workload.namespaceName,
      Object.entries(workload.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      workload.ports.map((p) => [p.name ?? '', p.protocol, p.port]).sort(),
      workload.hostNetwork,
      ipBlocks,
    ]);
    let id = keys.get(key);
    if (id === undefined) {
      id = firstWorkloads.length;
      keys.set(key, id);
      firstWorkloads.push(i);
      blocksOfClass.push(ipBlocks);
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
  const classesByIpBlock = Array.from({ length: ipBlockCount }, (): number[] => []);
  order.forEach((provisionalId, id) => blocksOfClass[provisionalId].forEach((blockId) => classesByIpBlock[blockId].push(id)));
  const namespaceStart = Array.from({ length: namespaceCount + 1 }, () => 0);
  namespaceOf.forEach((ns) => namespaceStart[ns + 1]++);
  for (let ns = 0; ns < namespaceCount; ns++) {
    namespaceStart[ns + 1] += namespaceStart[ns];
  }
  const classOfWorkload = provisional.map((id) => finalId[id]);
  const classSizes = classes.map(() => 0);
  classOfWorkload.forEach((id) => classSizes[id]++);
  return { classes, classOfWorkload, classSizes, namespaceStart, classesByIpBlock };
}

function byValue(a: { value: bigint }, b: { value: bigint }): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

