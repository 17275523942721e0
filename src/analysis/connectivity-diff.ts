import { cached } from './cached';
import { ClusterModel } from './cluster-model';
import { ConnectionEntry } from './connection';
import { byProtocol, ConnectionEngine, SidePiece } from './connection-engine';
import { Evaluator } from './evaluator';
import { policyLabel } from './explanation';
import { PortRanges } from './port-ranges';
import { compareText } from './text-order';
import { RuleReference } from './verdict';
import { TrafficDirection } from '../k8s/traffic-direction';

/** A connection a change opens or closes: ports of one protocol, and the rules responsible. */
export interface ConnectionChange extends ConnectionEntry {
  /**
   * The policies whose rules let these ports through: in the new model for an added connection,
   * in the old one for a removed one (`namespace/name`, or `ClusterNetworkPolicy/<name>`). Empty
   * when both sides allow them by default.
   */
  readonly policies: string[];

  /** Those rules. */
  readonly rules: RuleReference[];
}

/**
 * What a change to the policies (or workloads) opens and closes: the connections, over every
 * port, allowed after but not before (`added`) and before but not after (`removed`). Workloads
 * are matched by name; one that exists on one side only counts with all its connections.
 *
 * Only the pairs a change can affect are evaluated: a connection depends on the source's egress
 * rules, the destination's ingress rules and what both ends are (namespace and its labels,
 * labels, ports, addresses), so pairs where none of those changed are skipped.
 *
 * @example
 * const diff = ConnectivityDiff.between(ClusterModel.fromManifests(before), ClusterModel.fromManifests(after));
 * for (const change of diff.added) {
 *   console.log(`opens ${change.source} -> ${change.destination} ${change.protocol} (${change.policies.join(', ')})`);
 * }
 */
export class ConnectivityDiff {
  /**
   * Compares two models of the same cluster (usually built with the same options).
   *
   * @param before the model before the change
   * @param after the model after it
   */
  public static between(before: ClusterModel, after: ClusterModel): ConnectivityDiff {
    const diff = new ConnectivityDiff();
    ConnectivityDiff._forEachChange(new Evaluator(before), new Evaluator(after), (change, added) => (added ? diff.added : diff.removed).push(change));
    return diff;
  }

  /**
   * Calls `visit` for every change, in the order of source, destination and protocol, an
   * added entry before a removed one of the same pair: the streaming form of `between`.
   * `progress` hears how many of all sources are done.
   *
   * @internal
   */
  public static _forEachChange(before: Evaluator, after: Evaluator, visit: (change: ConnectionChange, added: boolean) => void,
    progress?: (sources: number, total: number) => void): void {
    const sides = [new ModelSide(before), new ModelSide(after)] as const;
    const names = [...new Set([...sides[0].names(), ...sides[1].names()])].sort(compareText);
    // Each name's workload in either model (-1 where it has none), so the pair loop compares numbers.
    const [oldIndex, newIndex] = sides.map((side) => Int32Array.from(names, (name) => side.workloadNamed(name) ?? -1));
    const changed = (k: number, signature: (side: ModelSide, workload: number) => string) =>
      oldIndex[k] < 0 || newIndex[k] < 0 || signature(sides[0], oldIndex[k]) !== signature(sides[1], newIndex[k]);
    const everything = JSON.stringify(before.model.options) !== JSON.stringify(after.model.options);
    // A connection depends on its source's egress rules, its destination's ingress rules, and what both ends are.
    const factsChanged = names.map((_, k) => everything || changed(k, (s, w) => s.peerFacts(w)));
    const affected = (direction: TrafficDirection) => names.map((_, k) => factsChanged[k] || changed(k, (s, w) => s.signature(direction, w)));
    const isSource = affected(TrafficDirection.EGRESS);
    const destinations = affected(TrafficDirection.INGRESS).flatMap((yes, k) => (yes ? [k] : []));
    const everyName = names.map((_, k) => k);
    // The entries of the ports one side of a change allows and the other does not, with that side's rules.
    const emit = (k: number, t: number, ports: PortRanges, side: ModelSide, index: Int32Array, added: boolean) => {
      for (const { protocol, ranges } of byProtocol(ports)) {
        const rules = side.rulesFor(index[k], index[t], PortRanges.fromPairs(new Map([[protocol, ranges]])));
        visit({ source: names[k], destination: names[t], protocol, ports: ranges, policies: [...new Set(rules.map(policyLabel))], rules }, added);
      }
    };
    for (let k = 0; k < names.length; k++) {
      progress?.(k, names.length);
      const targets = isSource[k] ? everyName : destinations;
      if (targets.length === 0) {
        continue;
      }
      const oldRow = sides[0].row(oldIndex[k]);
      const newRow = sides[1].row(newIndex[k]);
      for (const t of targets) {
        if (t === k) {
          continue;
        }
        const old = oldRow !== undefined && oldIndex[t] >= 0 ? oldRow(oldIndex[t]) : PortRanges.NONE;
        const now = newRow !== undefined && newIndex[t] >= 0 ? newRow(newIndex[t]) : PortRanges.NONE;
        if (old === now || old.equals(now)) {
          continue;
        }
        emit(k, t, now.subtract(old), sides[1], newIndex, true);
        emit(k, t, old.subtract(now), sides[0], oldIndex, false);
      }
    }
  }

  /** The connections allowed after the change and not before, one entry per (from, to, protocol). */
  public readonly added: ConnectionChange[] = [];

  /** The connections allowed before the change and not after. */
  public readonly removed: ConnectionChange[] = [];

  private constructor() {}
}

/** How many pairs of classes a side keeps the explained pieces of (a bound on memory, not a tuning). */
const PIECES_CACHED = 10_000;
/** Pairs of classes are cached under source x CLASS_KEY + destination: exact for up to 2^26 classes. */
const CLASS_KEY = 2 ** 26;

/** One model of a diff, with its workloads by name and what a diff compares of them. */
class ModelSide {
  private readonly byName = new Map<string, number>();
  private readonly engine: ConnectionEngine;
  private readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Both sides' explained pieces by pair of classes, for changes between workloads of the same classes. */
  private readonly pieces = new Map<number, SidePiece[]>();
  /** Side signatures by direction and class: many workloads share a class. */
  private readonly signatures = [new Map<number, string>(), new Map<number, string>()];

  constructor(private readonly evaluator: Evaluator) {
    evaluator.model.workloads.forEach((w, i) => this.byName.set(w.endpoint, i));
    this.engine = evaluator._engine();
    this.namespaceLabels = new Map(evaluator.model.namespaces.map((ns) => [ns.name, ns.labels]));
  }

  public names(): Iterable<string> {
    return this.byName.keys();
  }

  public workloadNamed(name: string): number | undefined {
    return this.byName.get(name);
  }

  /** The ports from workload `source` to each destination workload; undefined when `source` is -1 (not in this model). */
  public row(source: number): ((destination: number) => PortRanges) | undefined {
    if (source < 0) {
      return undefined;
    }
    const row = this.engine.row(this.classOf(source));
    return (destination) => (this.evaluator._nodeLocal(source, destination) ? PortRanges.ALL : row(this.classOf(destination)));
  }

  /** What a workload's side says, in this model. */
  public signature(direction: TrafficDirection, workload: number): string {
    const byClass = this.signatures[direction === TrafficDirection.EGRESS ? 0 : 1];
    const subject = this.classOf(workload);
    return cached(byClass, subject, () => this.engine.sideSignature(direction, subject));
  }

  /** What rules can tell of a workload as a peer or a destination. */
  public peerFacts(workload: number): string {
    const w = this.evaluator.model.workloads[workload];
    const namespaceLabels = sorted(this.namespaceLabels.get(w.namespaceName) ?? {});
    return JSON.stringify([w.namespaceName, namespaceLabels, sorted(w.labels), w.ports, w.ips, w.hostNetwork, w.nodes]);
  }

  /** The rules, on either side, that admit some of `ports` from workload `from` to workload `to` in this model. */
  public rulesFor(from: number, to: number, ports: PortRanges): RuleReference[] {
    const [source, destination] = [this.classOf(from), this.classOf(to)];
    if (this.pieces.size > PIECES_CACHED) {
      this.pieces.clear();
    }
    const pieces = cached(this.pieces, source * CLASS_KEY + destination, () => [
      ...this.engine.explainSide(TrafficDirection.EGRESS, source, destination),
      ...this.engine.explainSide(TrafficDirection.INGRESS, destination, source),
    ]);
    return pieces.filter((piece) => !piece.ports.intersect(ports).isEmpty()).flatMap((piece) => piece.rules);
  }

  private classOf(workload: number): number {
    return this.evaluator.model._index.classOfWorkload[workload];
  }
}

function sorted(labels: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => compareText(a, b));
}
