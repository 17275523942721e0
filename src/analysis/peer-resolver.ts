import { Bitset } from './bitset';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
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
const EVERY_POD = CompiledSelector.compile(undefined);

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
    return cached(this.peers, peer.key, () => this.resolve(peer, policyNamespace));
  }

  private resolve(peer: CompiledPeer, policyNamespace: string): ClassSet {
    const index = this.index;
    if (peer.ipBlock) {
      return index.ipBlockClasses(peer);
    }
    const podSelector = peer.podSelector ?? EVERY_POD;
    const scope = this.scope(peer, policyNamespace);
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

  private scope(peer: CompiledPeer, policyNamespace: string): Scope {
    const namespaceSelector = peer.namespaceSelector;
    return cached(this.scopes, peer.scopeKey!, () => {
      const namespaces = namespaceSelector ? this.index.namespaceIndex.select(namespaceSelector) : [this.index.namespaceIds.get(policyNamespace)!];
      const ranges = namespaces.map((ns) => this.index.classRange(ns)).filter(([start, end]) => start < end);
      const classCount = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
      return classCount < this.few
        ? { ranges }
        : { classes: Bitset.ofRanges(this.index.classes.length, ranges).subtract(this.index.hostNetworkClasses) };
    });
  }
}
