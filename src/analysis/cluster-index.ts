import { CompiledPeer, CompiledPolicy } from './compiled-policy';
import { CompiledSelector, Labels } from './compiled-selector';
import { IpSet } from './ip-set';
import { LabelIndex } from './label-index';
import { WorkloadObject } from './manifest-reader';
import { ContainerPortFact } from './port-set';
import { ResolvedOptions } from './resolved-options';
import { ParsedIp } from '../validation/cidr';
import { isIpv4Mapped } from '../validation/ip-address';

/** A namespace and its labels (including `kubernetes.io/metadata.name`). */
export interface NamespaceRecord {
  readonly name: string;
  readonly labels: Labels;
}

/**
 * Workloads that no policy can tell apart: same namespace, labels, container ports, network
 * mode and ipBlock memberships. Selection and matrices work on classes, not workloads.
 */
export interface PodClass {
  readonly id: number;
  readonly namespace: number;
  readonly labels: Labels;
  readonly ports: readonly ContainerPortFact[];
  /** hostNetwork pods are never selected; their traffic is node traffic. */
  readonly hostNetwork: boolean;
}

/**
 * Everything precomputed for evaluation: pod classes, label indexes over classes and
 * namespaces, each policy's selected classes, and the peers' matches (on demand, cached).
 */
export class ClusterIndex {
  public readonly namespaceIds = new Map<string, number>();
  public readonly classes: PodClass[] = [];
  public readonly classOfWorkload: number[];
  /** Per class, the policies (indexes into `policies`) that isolate it for ingress. */
  public readonly ingressPolicies: number[][];
  /** Per class, the policies that isolate it for egress. */
  public readonly egressPolicies: number[][];

  private readonly namespaceIndex: LabelIndex;
  private readonly classIndex: LabelIndex;
  private readonly classesByNamespace: number[][];
  private readonly classIndexByNamespace: LabelIndex[];
  private readonly ipBlockIds = new Map<string, number>();
  private readonly ipBlocks: IpSet[] = [];
  private readonly classesByIpBlock: number[][] = [];
  private readonly peerCache = new Map<string, number[]>();

  constructor(
    public readonly namespaces: readonly NamespaceRecord[],
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
    this.classOfWorkload = this.groupIntoClasses(this.ipBlockMemberships());

    this.classIndex = new LabelIndex(this.classes.map((c) => c.labels));
    this.classesByNamespace = namespaces.map(() => []);
    for (const podClass of this.classes) {
      this.classesByNamespace[podClass.namespace].push(podClass.id);
    }
    this.classIndexByNamespace = this.classesByNamespace.map((ids) => new LabelIndex(ids.map((id) => this.classes[id].labels)));

    this.ingressPolicies = this.classes.map(() => []);
    this.egressPolicies = this.classes.map(() => []);
    policies.forEach((policy, policyId) => {
      for (const classId of this.selectPods(policy.podSelector, this.namespaceIds.get(policy.namespaceName)!)) {
        if (policy.ingress) this.ingressPolicies[classId].push(policyId);
        if (policy.egress) this.egressPolicies[classId].push(policyId);
      }
    });
  }

  /** The namespaces a selector matches. */
  public selectNamespaces(selector: CompiledSelector): number[] {
    return this.namespaceIndex.select(selector);
  }

  /** The selectable (not hostNetwork) classes of one namespace that a pod selector matches. */
  public selectPods(selector: CompiledSelector, namespace: number): number[] {
    const local = this.classesByNamespace[namespace];
    return this.classIndexByNamespace[namespace].select(selector).map((i) => local[i]).filter((id) => !this.classes[id].hostNetwork);
  }

  /** The classes a peer matches, in increasing order (cached by the peer's key). */
  public peerClasses(peer: CompiledPeer, policyNamespace: string): number[] {
    let result = this.peerCache.get(peer.key);
    if (!result) {
      result = this.computePeerClasses(peer, policyNamespace);
      this.peerCache.set(peer.key, result);
    }
    return result;
  }

  private computePeerClasses(peer: CompiledPeer, policyNamespace: string): number[] {
    if (peer.ipBlock) {
      return this.classesByIpBlock[this.ipBlockIds.get(peer.key)!] ?? [];
    }
    const podSelector = peer.podSelector ?? CompiledSelector.compile(undefined);
    if (!peer.namespaceSelector) {
      return this.selectPods(podSelector, this.namespaceIds.get(policyNamespace)!);
    }
    const namespaces = this.selectNamespaces(peer.namespaceSelector);
    const perNamespaceCost = namespaces.reduce((sum, ns) => sum + this.classesByNamespace[ns].length, 0);
    if (this.classIndex.candidateCount(podSelector) < perNamespaceCost) {
      // A selective pod selector: look it up cluster-wide, then keep the matched namespaces.
      const inScope = new Set(namespaces);
      return this.classIndex.select(podSelector).filter((id) => inScope.has(this.classes[id].namespace) && !this.classes[id].hostNetwork);
    }
    return namespaces.flatMap((ns) => this.selectPods(podSelector, ns)).sort((a, b) => a - b);
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
        workload.ips.forEach((ip) => addresses[familyOf(ip)].push({ value: ipValue(ip), workload: i }));
      }
    });
    addresses[4].sort(byValue);
    addresses[6].sort(byValue);
    this.ipBlocks.forEach((block, blockId) => {
      for (const [family, set] of [[4, block.v4], [6, block.v6]] as const) {
        const sorted = addresses[family];
        for (const range of set.ranges) {
          for (let i = lowerBound(sorted, range.first); i < sorted.length && sorted[i].value <= range.last; i++) {
            memberships[sorted[i].workload].add(blockId);
          }
        }
      }
    });
    return memberships;
  }

  private groupIntoClasses(memberships: Set<number>[]): number[] {
    const classIds = new Map<string, number>();
    return this.workloads.map((workload, i) => {
      const namespace = this.namespaceIds.get(workload.namespaceName)!;
      const ipBlocks = [...memberships[i]].sort((a, b) => a - b);
      const key = JSON.stringify([
        namespace,
        Object.entries(workload.labels).sort(([a], [b]) => a.localeCompare(b)),
        workload.ports.map((p) => [p.name ?? '', p.protocol, p.port]).sort(),
        workload.hostNetwork,
        ipBlocks,
      ]);
      let id = classIds.get(key);
      if (id === undefined) {
        id = this.classes.length;
        classIds.set(key, id);
        const { labels, ports, hostNetwork } = workload;
        this.classes.push({ id, namespace, labels, ports, hostNetwork });
        for (const blockId of ipBlocks) {
          (this.classesByIpBlock[blockId] ??= []).push(id);
        }
      }
      return id;
    });
  }
}

/** Addresses compare within a family; an IPv4-mapped IPv6 address counts as IPv4, as in Go (and IpSet). */
function familyOf(ip: ParsedIp): 4 | 6 {
  return isIpv4Mapped(ip) ? 4 : ip.family;
}

function ipValue(ip: ParsedIp): bigint {
  return isIpv4Mapped(ip) ? ip.value % 2n ** 32n : ip.value;
}

function byValue(a: { value: bigint }, b: { value: bigint }): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

function lowerBound(sorted: readonly { value: bigint }[], value: bigint): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (sorted[middle].value < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
