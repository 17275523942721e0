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
 *   console.log(`opens ${change.from} -> ${change.to} ${change.protocol} (${change.policies.join(', ')})`);
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
   *
   * @internal
   */
  public static _forEachChange(before: Evaluator, after: Evaluator, visit: (change: ConnectionChange, added: boolean) => void): void {
    const sides = [new ModelSide(before), new ModelSide(after)] as const;
    const names = [...new Set([...sides[0].names(), ...sides[1].names()])].sort(compareText);
    const changed = (name: string, signature: (side: ModelSide, workload: number) => string) => {
      const [a, b] = sides.map((side) => side.workloadNamed(name));
      return a === undefined || b === undefined || signature(sides[0], a) !== signature(sides[1], b);
    };
    const everything = JSON.stringify(before.model.options) !== JSON.stringify(after.model.options);
    // A connection depends on its source's egress rules, its destination's ingress rules, and what both ends are.
    const affected = (direction: TrafficDirection) => (n: string) => everything
      || changed(n, (s, w) => s.peerFacts(w)) || changed(n, (s, w) => s.signature(direction, w));
    const sources = new Set(names.filter(affected(TrafficDirection.EGRESS)));
    const destinations = names.filter(affected(TrafficDirection.INGRESS));
    for (const from of names) {
      const rows = sides.map((side) => side.row(from));
      for (const to of sources.has(from) ? names : destinations) {
        if (to === from) {
          continue;
        }
        const [old, now] = rows.map((row, i) => row?.(to, sides[i]) ?? PortRanges.NONE);
        if (old === now || old.equals(now)) {
          continue;
        }
        const added = now.subtract(old);
        const removed = old.subtract(now);
        for (const [ports, side, isAdded] of [[added, sides[1], true], [removed, sides[0], false]] as const) {
          for (const { protocol, ranges } of byProtocol(ports)) {
            const rules = side.rulesFor(from, to, PortRanges.fromPairs(new Map([[protocol, ranges]])));
            visit({ from, to, protocol, ports: ranges, policies: [...new Set(rules.map(policyLabel))], rules }, isAdded);
          }
        }
      }
    }
  }

  /** The connections allowed after the change and not before, one entry per (from, to, protocol). */
  public readonly added: ConnectionChange[] = [];

  /** The connections allowed before the change and not after. */
  public readonly removed: ConnectionChange[] = [];

  private constructor() {}
}

/** One model of a diff, with its workloads by name and what a diff compares of them. */
class ModelSide {
  private readonly byName = new Map<string, number>();
  private readonly engine: ConnectionEngine;
  private readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>;

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

  /** The ports from `from` to each destination (by name; undefined where either is not in this model). */
  public row(from: string): ((to: string, side: ModelSide) => PortRanges | undefined) | undefined {
    const source = this.byName.get(from);
    if (source === undefined) {
      return undefined;
    }
    const row = this.engine.row(this.classOf(source));
    return (to) => {
      const destination = this.byName.get(to);
      return destination === undefined ? undefined : row(this.classOf(destination));
    };
  }

  /** What a workload's side says, in this model. */
  public signature(direction: TrafficDirection, workload: number): string {
    return this.engine.sideSignature(direction, this.classOf(workload));
  }

  /** What rules can tell of a workload as a peer or a destination. */
  public peerFacts(workload: number): string {
    const w = this.evaluator.model.workloads[workload];
    const namespaceLabels = sorted(this.namespaceLabels.get(w.namespaceName) ?? {});
    return JSON.stringify([w.namespaceName, namespaceLabels, sorted(w.labels), w.ports, w.ips, w.hostNetwork]);
  }

  /** The rules, on either side, that admit some of `ports` from `from` to `to` in this model. */
  public rulesFor(from: string, to: string, ports: PortRanges): RuleReference[] {
    const [source, destination] = [this.byName.get(from)!, this.byName.get(to)!].map((w) => this.classOf(w));
    const pieces: SidePiece[] = [
      ...this.engine.explainSide(TrafficDirection.EGRESS, source, destination),
      ...this.engine.explainSide(TrafficDirection.INGRESS, destination, source),
    ];
    return pieces.filter((piece) => !piece.ports.intersect(ports).isEmpty()).flatMap((piece) => piece.rules);
  }

  private classOf(workload: number): number {
    return this.evaluator.model._index.classOfWorkload[workload];
  }
}

function sorted(labels: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => compareText(a, b));
}
