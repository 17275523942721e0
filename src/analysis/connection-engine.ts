/* eslint-disable no-bitwise -- which rules match a peer is kept as bits, the key of a side's state */
import { Bitset } from './bitset';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { PolicyLayer } from './policy-layer';
import { PortRanges, PROTOCOLS } from './port-ranges';
import { decidedPorts, LayerRule, matchesClass, RuleOrder, SideRules } from './side-rules';
import { DecisionLayer, DecisionOutcome, RuleReference } from './verdict';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';

/** A subject's rules in every layer for one direction, and an id shared by subjects with the same. */
interface SideLayers {
  readonly id: number;
  /** Per layer, in evaluation order (undefined: the layer has no rules for the subject). */
  readonly rules: readonly (SideRules | undefined)[];
  /** Every layer's rules in order, one list. */
  readonly flat: readonly LayerRule[];
  readonly ruleCount: number;
  /** The side is open whatever the peer: no layer has rules for the subject. */
  readonly open: boolean;
}

/** Sides with at most this many rules key their states by a number: which rules match, as bits. */
const MASK_BITS = 30;

/** Ports of one protocol, and what decided them on one side. */
export interface SidePiece {
  readonly ports: PortRanges;
  /** The layer whose decision stands for these ports (`Default` where no layer decided). */
  readonly layer: DecisionLayer;
  /** The rules that accepted them (every admitting rule for NetworkPolicy, the first match otherwise). */
  readonly rules: readonly RuleReference[];
}

/**
 * Every port a pod of one class may open to a pod of another, over every port of TCP, UDP and
 * SCTP: per side, each layer's rules give the ports it accepts and decides for the peer (port
 * names resolved on the destination), combined in layer order with the default allowing the
 * rest; the connection is what both sides allow. A side's ports depend only on its state (the
 * subject's rules, which of them match the peer, the destination's port names), so each state
 * is computed once and pairs in a known state cost a lookup.
 */
export class ConnectionEngine {
  private readonly sides = [new Map<number, SideLayers>(), new Map<number, SideLayers>()];
  private readonly sideIds = new Map<string, number>();
  /** Per destination class, an id of the container ports its named ports resolve to. */
  private readonly profileOf: readonly number[];
  private readonly profileCount: number;
  /** Side states by side id, then by matching rules (bits) and destination profile. */
  private readonly stateCache = new Map<number, Map<number, PortRanges>>();
  /** States of sides with too many rules for bits, by text. */
  private readonly sideCache = new Map<string, PortRanges>();
  private readonly pairCache = new Map<PortRanges, Map<PortRanges, PortRanges>>();

  constructor(private readonly index: ClusterIndex, private readonly layers: readonly PolicyLayer[]) {
    const profiles = new Map<string, number>();
    this.profileOf = index.classes.map((c) => cached(profiles, c.ports
      .filter((p) => p.name !== undefined)
      .map((p) => `${p.protocol}/${p.port}/${p.name}`).sort().join(' '), () => profiles.size));
    this.profileCount = profiles.size;
  }

  /** The ports from a pod of class `source` to a pod of class `destination` (another pod when the classes are the same). */
  public ports(source: number, destination: number): PortRanges {
    const egress = this.side(TrafficDirection.EGRESS, source, destination, destination);
    if (egress.isEmpty()) {
      return egress;
    }
    const ingress = this.side(TrafficDirection.INGRESS, destination, source, destination);
    return cached(cached(this.pairCache, egress, () => new Map()), ingress, () => egress.intersect(ingress));
  }

  /**
   * One side's ports split by what decided them: the layer and rules behind each piece of the
   * ports it allows. `subject` is the source for egress, the destination for ingress.
   */
  public explainSide(direction: TrafficDirection, subject: number, peer: number): SidePiece[] {
    const destination = direction === TrafficDirection.EGRESS ? peer : subject;
    const destinationPorts = this.index.classes[destination].ports;
    const pieces: SidePiece[] = [];
    let undecided = PortRanges.ALL;
    this.layersOf(direction, subject).rules.forEach((rules, i) => {
      if (rules === undefined || undecided.isEmpty()) {
        return;
      }
      const layer = this.layers[i].layer;
      const { decided } = decidedPorts(rules, peer, destinationPorts);
      // Attribute each accepted port to the rules that accept it (ANY) or matched it first (FIRST).
      let unmatched = PortRanges.ALL;
      const accepted: { ports: PortRanges; rule: RuleReference }[] = [];
      for (const rule of rules.rules) {
        if (!matchesClass(rule, peer)) {
          continue;
        }
        const ports = rule.ports.resolvedOn(destinationPorts);
        const own = rules.order === RuleOrder.ANY ? ports : ports.intersect(unmatched);
        unmatched = unmatched.subtract(ports);
        if (rule.action === DecisionOutcome.ACCEPT && !own.isEmpty()) {
          accepted.push({ ports: own.intersect(undecided), rule: rule.reference });
        }
      }
      for (const group of groupByRules(accepted)) {
        pieces.push({ ports: group.ports, layer, rules: group.rules });
      }
      undecided = undecided.subtract(decided);
    });
    if (!undecided.isEmpty()) {
      pieces.push({ ports: undecided, layer: DecisionLayer.DEFAULT, rules: [] });
    }
    return pieces.filter((p) => !p.ports.isEmpty());
  }

  /**
   * The ports from `source` to each destination class, for listing a whole row: which of the
   * source's egress rules match each destination is worked out once for the row, from the
   * rules' peer sets, instead of once per pair.
   */
  public row(source: number): (destination: number) => PortRanges {
    const egress = this.layersOf(TrafficDirection.EGRESS, source);
    const masks = egress.open ? undefined : this.masksOf(egress);
    return (destination) => {
      const egressPorts = egress.open ? PortRanges.ALL
        : masks ? this.portsInState(egress, masks[destination], destination, destination)
          : this.side(TrafficDirection.EGRESS, source, destination, destination);
      if (egressPorts.isEmpty()) {
        return egressPorts;
      }
      const ingressPorts = this.side(TrafficDirection.INGRESS, destination, source, destination);
      return cached(cached(this.pairCache, egressPorts, () => new Map()), ingressPorts, () => egressPorts.intersect(ingressPorts));
    };
  }

  /** The ports one side allows: `subject`'s rules judged for `peer`, named ports resolved on `destination`. */
  private side(direction: TrafficDirection, subject: number, peer: number, destination: number): PortRanges {
    const layers = this.layersOf(direction, subject);
    if (layers.open) {
      return PortRanges.ALL;
    }
    if (layers.ruleCount <= MASK_BITS) {
      let mask = 0;
      layers.flat.forEach((rule, i) => {
        if (matchesClass(rule, peer)) mask |= 1 << i;
      });
      return this.portsInState(layers, mask >>> 0, peer, destination);
    }
    const bits = layers.flat.map((rule) => (matchesClass(rule, peer) ? '1' : '0')).join('');
    return cached(this.sideCache, `${layers.id} ${this.profileOf[destination]} ${bits}`, () => this.computeSide(layers, peer, destination));
  }

  /** The ports of a side whose rules matching the peer are the bits of `mask`. */
  private portsInState(layers: SideLayers, mask: number, peer: number, destination: number): PortRanges {
    const byState = cached(this.stateCache, layers.id, () => new Map<number, PortRanges>());
    return cached(byState, mask * this.profileCount + this.profileOf[destination], () => this.computeSide(layers, peer, destination));
  }

  /** Per peer class, which of the side's rules match it, as bits (the side has at most MASK_BITS rules). */
  private masksOf(layers: SideLayers): Uint32Array | undefined {
    if (layers.ruleCount > MASK_BITS) {
      return undefined;
    }
    const size = this.index.classes.length;
    const masks = new Uint32Array(size);
    layers.flat.forEach((rule, i) => {
      const bit = (1 << i) >>> 0;
      if (rule.peers === undefined) {
        for (let c = 0; c < size; c++) masks[c] |= bit;
        return;
      }
      for (const set of rule.peers) {
        if (set instanceof Bitset) {
          set.forEach((c) => { masks[c] |= bit; });
        } else {
          for (const c of set) masks[c] |= bit;
        }
      }
    });
    return masks;
  }

  private computeSide(layers: SideLayers, peer: number, destination: number): PortRanges {
    const destinationPorts = this.index.classes[destination].ports;
    let allowed = PortRanges.NONE;
    let undecided = PortRanges.ALL;
    for (const rules of layers.rules) {
      if (rules !== undefined && !undecided.isEmpty()) {
        const { accept, decided } = decidedPorts(rules, peer, destinationPorts);
        allowed = allowed.union(accept.intersect(undecided));
        undecided = undecided.subtract(decided);
      }
    }
    return allowed.union(undecided);
  }

  /**
   * What a subject's side says in every layer, independent of the model's numbering: equal in two
   * models when its rules are the same.
   */
  public sideSignature(direction: TrafficDirection, subject: number): string {
    return this.layersOf(direction, subject).rules.map((rules) => rules?.rules.map((r) => r.signature).join('\n') ?? '-').join('\n|\n');
  }

  private layersOf(direction: TrafficDirection, subject: number): SideLayers {
    const sides = this.sides[direction === TrafficDirection.EGRESS ? 0 : 1];
    return cached(sides, subject, () => {
      const rules = this.layers.map((layer) => layer.sideRules(direction, subject));
      const key = `${direction} ${rules.map((r) => r?.key ?? '-').join(' | ')}`;
      const flat = rules.flatMap((r) => r?.rules ?? []);
      const id = cached(this.sideIds, key, () => this.sideIds.size);
      return { id, rules, flat, ruleCount: flat.length, open: rules.every((r) => r === undefined) };
    });
  }
}

/** Ports accepted by several rules, split into pieces accepted by the same set of rules. */
function groupByRules(accepted: readonly { ports: PortRanges; rule: RuleReference }[]): { ports: PortRanges; rules: RuleReference[] }[] {
  let pieces: { ports: PortRanges; rules: RuleReference[] }[] = [];
  for (const { ports, rule } of accepted) {
    const next: typeof pieces = [];
    let rest = ports;
    for (const piece of pieces) {
      const shared = piece.ports.intersect(ports);
      const alone = piece.ports.subtract(ports);
      if (!shared.isEmpty()) next.push({ ports: shared, rules: [...piece.rules, rule] });
      if (!alone.isEmpty()) next.push({ ports: alone, rules: piece.rules });
      rest = rest.subtract(piece.ports);
    }
    if (!rest.isEmpty()) next.push({ ports: rest, rules: [rule] });
    pieces = next;
  }
  return pieces;
}

/** The protocols a set of ports reaches, each with its ranges as `[first, last]` pairs. */
export function byProtocol(ports: PortRanges): { protocol: Protocol; ranges: [number, number][] }[] {
  return PROTOCOLS.map((protocol) => ({ protocol, ranges: ports.rangesOf(protocol) })).filter((p) => p.ranges.length > 0);
}
