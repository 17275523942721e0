/* eslint-disable no-bitwise -- which rules match a peer is kept as bits, the key of a side's state */
import { Bitset } from './bitset';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { layeredPorts } from './layered-ports';
import { ClassSet } from './peer-resolver';
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
  /** Some rule names ports, so what the side allows depends on the destination's port names. */
  readonly usesNames: boolean;
  readonly ruleCount: number;
  /** The side is open whatever the peer: no layer has rules for the subject. */
  readonly open: boolean;
}

/** Sides with at most this many rules key their states by a number: which rules match, as bits. */
const MASK_BITS = 30;
/** How many sides' egress masks (4 bytes per class each) are kept for the sources that follow. */
const RECENT_MASKS = 64;

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
  /** Per direction (egress, ingress), each subject class's layers, made on first use. */
  private readonly sides: (SideLayers | undefined)[][] = [[], []];
  private readonly sideIds = new Map<string, number>();
  private rows?: RowIndex;
  /** The egress masks of the last sides asked for, by side id: sources of one side share them. */
  private readonly recentMasks = new Map<number, SideMasks>();
  /** @internal Per destination class, an id of the container ports its named ports resolve to. */
  public readonly _profileOf: readonly number[];
  /** Side states by side id, then by destination profile (when its rules name ports), then by matching rules (bits). */
  private readonly stateCache: (Map<number, PortRanges> | undefined)[][] = [];
  /** States of sides with too many rules for bits, by text. */
  private readonly sideCache = new Map<string, PortRanges>();
  private readonly pairCache = new Map<PortRanges, Map<PortRanges, PortRanges>>();

  constructor(/** @internal */ public readonly _index: ClusterIndex, private readonly layers: readonly PolicyLayer[]) {
    const profiles = new Map<string, number>();
    this._profileOf = _index.classes.map((c) => cached(profiles, c.ports
      .filter((p) => p.name !== undefined)
      .map((p) => `${p.protocol}/${p.port}/${p.name}`).sort().join(' '), () => profiles.size));
  }

  /** The ports from a pod of class `source` to a pod of class `destination` (another pod when the classes are the same). */
  public ports(source: number, destination: number): PortRanges {
    const egress = this.side(TrafficDirection.EGRESS, source, destination, destination);
    if (egress.isEmpty()) {
      return egress;
    }
    return this.both(egress, this.side(TrafficDirection.INGRESS, destination, source, destination));
  }

  /**
   * One side's ports split by what decided them: the layer and rules behind each piece of the
   * ports it allows. `subject` is the source for egress, the destination for ingress.
   */
  public explainSide(direction: TrafficDirection, subject: number, peer: number): SidePiece[] {
    const destination = direction === TrafficDirection.EGRESS ? peer : subject;
    const destinationPorts = this._index.classes[destination].ports;
    const pieces: SidePiece[] = [];
    let undecided = PortRanges.ALL;
    this._layersOf(direction, subject).rules.forEach((rules, i) => {
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
   * The ports from `source` to destination classes asked one by one (a diff asks for a few per
   * source): which of the source's egress rules match each destination is worked out once, from
   * the rules' peer sets, and each distinct ingress side is judged once for the source.
   */
  public row(source: number): (destination: number) => PortRanges {
    const egress = this._layersOf(TrafficDirection.EGRESS, source);
    const masks = egress.open ? undefined : this.masksOf(egress);
    // Which rules of each destination's ingress side match this source: once per distinct side.
    const ingressMasks = new Map<number, number>();
    return (destination) => {
      const egressPorts = egress.open ? PortRanges.ALL
        : masks ? this.portsInState(egress, masks.bits[destination], destination, destination)
          : this.side(TrafficDirection.EGRESS, source, destination, destination);
      if (egressPorts.isEmpty()) {
        return egressPorts;
      }
      const ingress = this._layersOf(TrafficDirection.INGRESS, destination);
      if (ingress.open) {
        return egressPorts;
      }
      if (ingress.ruleCount > MASK_BITS) {
        return this.both(egressPorts, this.side(TrafficDirection.INGRESS, destination, source, destination));
      }
      let mask = ingressMasks.get(ingress.id);
      if (mask === undefined) {
        mask = maskOf(ingress.flat, source);
        ingressMasks.set(ingress.id, mask);
      }
      return this.both(egressPorts, this.portsInState(ingress, mask, source, destination));
    };
  }

  /**
   * The ports from `source` to every class, into `out` (indexed by destination class): the fast
   * form of `row` for listings, where every pair must be visited.
   *
   * Destinations come in groups with the same ingress rules and port names: the ingress side is
   * judged once per group, from which peer sets hold the source (an inverted index, set up
   * once), and only for the groups the egress side lets anything through to. An open egress
   * side passes each group's answer on as it is; an isolated one is judged only for the
   * destinations some of its rules match, the others sharing the answer for no match.
   */
  public fillRow(source: number, out: PortRanges[]): void {
    const rows = this.rows ??= new RowIndex(this);
    rows.startRow(source);
    const groupOf = rows.groupOf;
    const egress = this._layersOf(TrafficDirection.EGRESS, source);
    if (egress.open) {
      const answers = rows.everyIngressPort();
      for (let d = 0; d < groupOf.length; d++) out[d] = answers[groupOf[d]];
      return;
    }
    const masks = this.masksOf(egress);
    if (masks === undefined) {
      for (let d = 0; d < groupOf.length; d++) out[d] = this.both(this.side(TrafficDirection.EGRESS, source, d, d), rows.ingressPorts(groupOf[d]));
      return;
    }
    const unmatched = masks.unmatched === undefined ? PortRanges.NONE : this.portsInState(egress, 0, masks.unmatched, masks.unmatched);
    if (unmatched.isEmpty()) {
      out.length = groupOf.length;
      out.fill(unmatched);
    } else {
      for (let d = 0; d < groupOf.length; d++) out[d] = this.both(unmatched, rows.ingressPorts(groupOf[d]));
    }
    for (const d of masks.matched) {
      const egressPorts = this.portsInState(egress, masks.bits[d], d, d);
      out[d] = egressPorts.isEmpty() ? egressPorts : this.both(egressPorts, rows.ingressPorts(groupOf[d]));
    }
  }

  /** @internal What a side allows a peer, its rules matching as `mask` says. */
  public _portsInState(layers: SideLayers, mask: number, peer: number, destination: number): PortRanges {
    return this.portsInState(layers, mask, peer, destination);
  }

  /** @internal What a side allows a peer, judged rule by rule. */
  public _side(direction: TrafficDirection, subject: number, peer: number, destination: number): PortRanges {
    return this.side(direction, subject, peer, destination);
  }

  /** What both sides allow, once per distinct pair of sides' results. */
  private both(egress: PortRanges, ingress: PortRanges): PortRanges {
    let byIngress = this.pairCache.get(egress);
    if (byIngress === undefined) {
      byIngress = new Map();
      this.pairCache.set(egress, byIngress);
    }
    let ports = byIngress.get(ingress);
    if (ports === undefined) {
      ports = egress.intersect(ingress);
      byIngress.set(ingress, ports);
    }
    return ports;
  }

  /** The ports one side allows: `subject`'s rules judged for `peer`, named ports resolved on `destination`. */
  private side(direction: TrafficDirection, subject: number, peer: number, destination: number): PortRanges {
    const layers = this._layersOf(direction, subject);
    if (layers.open) {
      return PortRanges.ALL;
    }
    if (layers.ruleCount <= MASK_BITS) {
      return this.portsInState(layers, maskOf(layers.flat, peer), peer, destination);
    }
    const bits = layers.flat.map((rule) => (matchesClass(rule, peer) ? '1' : '0')).join('');
    return cached(this.sideCache, `${layers.id} ${this._profileOf[destination]} ${bits}`, () => this.computeSide(layers, peer, destination));
  }

  /** The ports of a side whose rules matching the peer are the bits of `mask`. */
  private portsInState(layers: SideLayers, mask: number, peer: number, destination: number): PortRanges {
    // Two levels of small-integer keys (destination profile, then mask): V8 hashes those fastest.
    let byProfile = this.stateCache[layers.id];
    if (byProfile === undefined) {
      byProfile = [];
      this.stateCache[layers.id] = byProfile;
    }
    const profile = layers.usesNames ? this._profileOf[destination] : 0;
    let byMask = byProfile[profile];
    if (byMask === undefined) {
      byMask = new Map();
      byProfile[profile] = byMask;
    }
    let ports = byMask.get(mask);
    if (ports === undefined) {
      ports = this.computeSide(layers, peer, destination);
      byMask.set(mask, ports);
    }
    return ports;
  }


  /**
   * Per peer class, which of the side's rules match it, as bits (the side has at most MASK_BITS
   * rules), with the classes some rule matches and one that none does.
   */
  private masksOf(layers: SideLayers): SideMasks | undefined {
    if (layers.ruleCount > MASK_BITS) {
      return undefined;
    }
    const recent = this.recentMasks.get(layers.id);
    if (recent !== undefined) {
      return recent;
    }
    const size = this._index.classes.length;
    const bits = new Uint32Array(size);
    layers.flat.forEach((rule, i) => {
      const bit = (1 << i) >>> 0;
      if (rule.peers === undefined) {
        for (let c = 0; c < size; c++) bits[c] |= bit;
        return;
      }
      for (const set of rule.peers) {
        if (set instanceof Bitset) {
          set.forEach((c) => { bits[c] |= bit; });
        } else {
          for (const c of set) bits[c] |= bit;
        }
      }
    });
    const matched: number[] = [];
    let unmatched: number | undefined;
    bits.forEach((mask, c) => {
      if (mask !== 0) matched.push(c);
      else unmatched ??= c;
    });
    const masks = { bits, matched, unmatched };
    if (this.recentMasks.size >= RECENT_MASKS) {
      this.recentMasks.delete(this.recentMasks.keys().next().value!);
    }
    this.recentMasks.set(layers.id, masks);
    return masks;
  }

  private computeSide(layers: SideLayers, peer: number, destination: number): PortRanges {
    return layeredPorts(layers.rules, (rule) => matchesClass(rule, peer), this._index.classes[destination].ports);
  }

  /**
   * What a subject's side says in every layer, independent of the model's numbering: equal in two
   * models when its rules are the same.
   */
  public sideSignature(direction: TrafficDirection, subject: number): string {
    return this._layersOf(direction, subject).rules.map((rules) => rules?.rules.map((r) => r.signature).join('\n') ?? '-').join('\n|\n');
  }

  /** @internal A subject class's rules in every layer for one direction. */
  public _layersOf(direction: TrafficDirection, subject: number): SideLayers {
    const sides = this.sides[direction === TrafficDirection.EGRESS ? 0 : 1];
    let side = sides[subject];
    if (side === undefined) {
      const rules = this.layers.map((layer) => layer.sideRules(direction, subject));
      const key = `${direction} ${rules.map((r) => r?.key ?? '-').join(' | ')}`;
      const flat = rules.flatMap((r) => r?.rules ?? []);
      const id = cached(this.sideIds, key, () => this.sideIds.size);
      side = { id, rules, flat, ruleCount: flat.length, usesNames: flat.some((r) => r.ports.hasNames), open: rules.every((r) => r === undefined) };
      sides[subject] = side;
    }
    return side;
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

/** Which of `rules` (at most MASK_BITS) match pod class `peer`, as bits. */
function maskOf(rules: readonly LayerRule[], peer: number): number {
  let mask = 0;
  for (let i = 0; i < rules.length; i++) {
    if (matchesClass(rules[i], peer)) {
      mask |= 1 << i;
    }
  }
  return mask >>> 0;
}

/** Which of a side's rules match each peer class. */
interface SideMasks {
  readonly bits: Uint32Array;
  /** The classes some rule matches. */
  readonly matched: readonly number[];
  /** A class no rule matches, if there is one. */
  readonly unmatched?: number;
}

/** Destination classes with the same ingress rules and port names. */
interface DestinationGroup {
  /** Position of their ingress side in `RowIndex.sides`. */
  readonly side: number;
  /** A member, on which port names resolve. */
  readonly first: number;
}

/** A distinct ingress side, with its rules' peer sets by id (undefined when it has too many rules for bits). */
interface IngressSide {
  readonly layers: SideLayers;
  /** Per rule, the ids of its peers' sets (empty: every peer). */
  readonly setIds?: readonly (readonly number[])[];
}

/**
 * What listings of rows share: destination groups and their distinct ingress sides, an inverted
 * index of the ingress rules' peer sets (which sets hold each class), so that judging a source
 * against a side's rules is a few array reads, and per-row answers stamped with the row.
 */
class RowIndex {
  /** Per class, its destination group. */
  public readonly groupOf: number[];
  private readonly groups: DestinationGroup[] = [];
  private readonly sides: IngressSide[] = [];
  /** Per class, the ids of the sets that hold it. */
  private readonly setsHolding: number[][];
  /** Per set id, whether it holds the current source. */
  private readonly holding: Uint8Array;
  /** Per group and per side, the row each answer was computed for, and the answers. */
  private readonly groupRow: Int32Array;
  private readonly groupAnswer: PortRanges[];
  private readonly sideRow: Int32Array;
  private readonly sideMask: Uint32Array;
  private row = -1;
  private source = -1;

  constructor(private readonly engine: ConnectionEngine) {
    const classes = engine._index.classes;
    const setIds = new Map<ClassSet, number>();
    const sideOf = new Map<number, number>();
    const groupKeys = new Map<string, number>();
    this.groupOf = classes.map((c) => {
      const layers = engine._layersOf(TrafficDirection.INGRESS, c.id);
      const side = cached(sideOf, layers.id, () => {
        const ids = layers.ruleCount > MASK_BITS ? undefined
          : layers.flat.map((rule) => (rule.peers ?? []).map((set) => cached(setIds, set, () => setIds.size)));
        this.sides.push({ layers, setIds: ids });
        return this.sides.length - 1;
      });
      // Port names matter only to sides whose rules name ports.
      return cached(groupKeys, `${side} ${layers.usesNames ? engine._profileOf[c.id] : '-'}`, () => {
        this.groups.push({ side, first: c.id });
        return this.groups.length - 1;
      });
    });
    this.setsHolding = classes.map(() => []);
    for (const [set, id] of setIds) {
      if (set instanceof Bitset) {
        set.forEach((c) => this.setsHolding[c].push(id));
      } else {
        for (const c of set) this.setsHolding[c].push(id);
      }
    }
    this.holding = new Uint8Array(setIds.size);
    this.groupRow = new Int32Array(this.groups.length).fill(-1);
    this.groupAnswer = this.groups.map(() => PortRanges.NONE);
    this.sideRow = new Int32Array(this.sides.length).fill(-1);
    this.sideMask = new Uint32Array(this.sides.length);
  }

  /** Starts a row: answers from now on are for `source`. */
  public startRow(source: number): void {
    if (this.source >= 0) {
      for (const id of this.setsHolding[this.source]) this.holding[id] = 0;
    }
    for (const id of this.setsHolding[source]) this.holding[id] = 1;
    this.source = source;
    this.row++;
  }

  /** What the ingress side of group `g` allows the row's source, computed once per row. */
  public ingressPorts(g: number): PortRanges {
    if (this.groupRow[g] === this.row) {
      return this.groupAnswer[g];
    }
    const group = this.groups[g];
    const side = this.sides[group.side];
    const answer = side.layers.open ? PortRanges.ALL
      : side.setIds === undefined ? this.engine._side(TrafficDirection.INGRESS, group.first, this.source, group.first)
        : this.engine._portsInState(side.layers, this.maskOf(group.side, side.setIds), this.source, group.first);
    this.groupRow[g] = this.row;
    this.groupAnswer[g] = answer;
    return answer;
  }

  /** Every group's ingress answer for the row's source, by group. */
  public everyIngressPort(): readonly PortRanges[] {
    for (let g = 0; g < this.groups.length; g++) this.ingressPorts(g);
    return this.groupAnswer;
  }

  /** Which rules of side `s` match the row's source, as bits, computed once per row. */
  private maskOf(s: number, setIds: readonly (readonly number[])[]): number {
    if (this.sideRow[s] === this.row) {
      return this.sideMask[s];
    }
    let mask = 0;
    for (let r = 0; r < setIds.length; r++) {
      const ids = setIds[r];
      let held = ids.length === 0;
      for (let i = 0; !held && i < ids.length; i++) {
        held = this.holding[ids[i]] === 1;
      }
      if (held) {
        mask |= 1 << r;
      }
    }
    this.sideRow[s] = this.row;
    this.sideMask[s] = mask >>> 0;
    return this.sideMask[s];
  }
}
