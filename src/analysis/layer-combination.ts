import { Bitset } from './bitset';
import { cached } from './cached';
import { sideName } from './explanation';
import { PolicyLayer, SideQuery } from './policy-layer';
import { ClassDecision } from './side-rules';
import { DecisionLayer, DecisionOutcome, LayerDecision } from './verdict';

/**
 * The decisions of the layers asked about one side, in order: each layer until one accepts or
 * denies, then, when none did, the default, which allows.
 */
export function decideSide(layers: readonly PolicyLayer[], side: SideQuery): LayerDecision[] {
  const decisions: LayerDecision[] = [];
  for (const layer of layers) {
    const decision = layer.decide(side);
    decisions.push(decision);
    if (decision.outcome === DecisionOutcome.ACCEPT || decision.outcome === DecisionOutcome.DENY) {
      return decisions;
    }
  }
  decisions.push({
    layer: DecisionLayer.DEFAULT,
    direction: side.direction,
    outcome: DecisionOutcome.ACCEPT,
    policies: [],
    rules: [],
    reason: `${sideName(side.direction, side.subject.label)} is allowed by default: no policy decides it`,
  });
  return decisions;
}

/**
 * The set form of `decideSide`, for one port and direction: per subject class, the peer classes
 * allowed, each taken from the first layer that decides it, and from `byDefault` when none does.
 * Classes whose layers decide alike share one result; where the first deciding layer decides
 * every peer, its accept set is the result as it is.
 */
export function combineLayers(size: number, layers: readonly (readonly (ClassDecision | undefined)[])[], byDefault: Bitset): Bitset[] {
  const ids = new Map<Bitset, number>();
  const idOf = (bitset: Bitset): number => cached(ids, bitset, () => ids.size);
  const fullness = new Map<Bitset, boolean>();
  const isFull = (bitset: Bitset): boolean => cached(fullness, bitset, () => bitset.isFull());
  const emptiness = new Map<Bitset, boolean>();
  // A layer that decides no peer on this port (its rules pass, or match other ports) changes nothing: leaving
  // it out lets classes that differ only there share one result.
  const decides = (part: ClassDecision | undefined): part is ClassDecision => part !== undefined
    && !cached(emptiness, part.decided, () => part.decided.isEmpty());
  const combined = new Map<string, Bitset>();
  const full = Bitset.full(size);
  const undecided = new Bitset(size);
  return Array.from({ length: size }, (_, c) => {
    const parts = layers.map((decisions) => decisions[c]).filter(decides);
    if (parts.length === 0) {
      return byDefault;
    }
    if (isFull(parts[0].decided)) {
      return parts[0].accept;
    }
    const key = parts.map((part) => `${idOf(part.accept)}/${idOf(part.decided)}`).join(' ');
    return cached(combined, key, () => {
      const allowed = new Bitset(size);
      undecided.words.set(full.words);
      for (const part of parts) {
        allowed.unionWithIntersection(part.accept, undecided);
        undecided.subtract(part.decided);
      }
      return allowed.unionWithIntersection(byDefault, undecided);
    });
  });
}
