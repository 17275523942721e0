import { Bitset } from './bitset';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { ClusterPeerKind, CompiledClusterPeer, CompiledPodSelection } from './compiled-cluster-policy';
import { CompiledPeer } from './compiled-policy';
import { CompiledSelector, requirementKey } from './compiled-selector';
import { ItemRange } from './label-index';

/** Class ids, as a list or as a bitset over all classes. */
export type ClassSet = readonly number[] | Bitset;

/**
 * Peers that can match fewer than 1/DENSE of the classes (their namespaces hold few, or their
 * pod selector's shortest posting list is short) resolve to lists: adding a list to a bitset
 * then takes fewer steps than adding its words. The others resolve to bitsets.
 */
const DENSE = 32;
const EVERYTHING = CompiledSelector.compile(undefined);

/** The selectable classes of the namespaces a peer looks in: their ranges when they are few, else a bitset. */
interface Scope {
  readonly ranges?: readonly ItemRange[];
  readonly classes?: Bitset;
}

/**
 * Resolves the peers of rules to the pod classes they match, for the matrices of one evaluator
 * (what a peer matches does not depend on the port). Each distinct peer is resolved once, and
 * so is what peers share: the namespaces a namespace selector picks and, for peers matching
 * many classes, the bitsets they are intersected from (the classes of those namespaces, the
 * classes meeting each label requirement).
 */
export class PeerResolver {
  private readonly peers = new Map<string, ClassSet>();
  private readonly scopes = new Map<string, Scope>();
  private readonly requirements = new Map<string, Bitset>();

  /** Fewer classes than this are kept as a list. */
  private readonly few: number;

  constructor(private readonly index: ClusterIndex) {
    this.few = index.classes.length / DENSE;
  }

  /** The classes a peer of a policy in `policyNamespace` matches. */
  public classesOf(peer: CompiledPeer, policyNamespace: string): ClassSet {
    return cached(this.peers, peer.key, () => {
      if (peer.ipBlock) {
        return this.index.addressSetClasses(peer);
      }
      const namespaceSelector = peer.namespaceSelector;
      const namespaces = () => (namespaceSelector ? this.index.namespaceIndex.select(namespaceSelector)
        : [this.index.namespaceIds.get(policyNamespace)!]);
      return this.select(this.scope(peer.scopeKey!, namespaces), peer.podSelector ?? EVERYTHING);
    });
  }

  /**
   * The classes a ClusterNetworkPolicy subject, or `namespaces` or `pods` peer, selects: pods of
   * every namespace its namespace selector matches (every namespace when it has none), never
   * hostNetwork ones.
   */
  public classesOfSelection(selection: CompiledPodSelection): ClassSet {
    const namespaceSelector = selection.namespaceSelector ?? EVERYTHING;
    const podSelector = selection.podSelector ?? EVERYTHING;
    // The key a NetworkPolicy peer with the same selectors has: the two match the same classes.
    const scopeKey = `namespaces {${namespaceSelector.key}}`;
    return cached(this.peers, `${scopeKey} pods {${podSelector.key}}`,
      () => this.select(this.scope(scopeKey, () => this.index.namespaceIndex.select(namespaceSelector)), podSelector));
  }

  /** The classes a ClusterNetworkPolicy peer matches; a `domainNames` peer matches none (there is no DNS model). */
  public classesOfClusterPeer(peer: CompiledClusterPeer): ClassSet {
    switch (peer.kind) {
      case ClusterPeerKind.PODS:
        return this.classesOfSelection(peer.pods!);
      case ClusterPeerKind.NETWORKS:
      case ClusterPeerKind.NODES:
        return this.index.addressSetClasses(peer);
      case ClusterPeerKind.DOMAIN_NAMES:
        return [];
    }
  }

  /** The selectable classes of a scope that a pod selector matches. */
  private select(scope: Scope, podSelector: CompiledSelector): ClassSet {
    const index = this.index;
    if (scope.ranges) {
      return index.classIndex.selectInRanges(podSelector, scope.ranges).filter((id) => !index.classes[id].hostNetwork);
    }
    const classes = scope.classes!;
    if (index.classIndex.candidateCount(podSelector) < this.few) {
      return index.classIndex.selectInRanges(podSelector, [[0, index.classes.length]], (id) => classes.has(id));
    }
    const result = classes.clone();
    for (const requirement of podSelector.requirements) {
      result.intersectWith(cached(this.requirements, requirementKey(requirement), () => index.classIndex.itemsMeeting(requirement)));
    }
    return result;
  }

  /** The namespaces a peer looks in (`key` identifies them), as class ranges or a bitset. */
  private scope(key: string, namespacesOf: () => number[]): Scope {
    return cached(this.scopes, key, () => {
      const namespaces = namespacesOf();
      const ranges = namespaces.map((ns) => this.index.classRange(ns)).filter(([start, end]) => start < end);
      const classCount = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
      return classCount < this.few
        ? { ranges }
        : { classes: Bitset.ofRanges(this.index.classes.length, ranges).subtract(this.index.hostNetworkClasses) };
    });
  }
}
