import { sideLines } from './verdict-lines';
import { Bitset } from '../analysis/bitset';
import { Endpoint, EndpointResolver } from '../analysis/endpoint';
import { Evaluator } from '../analysis/evaluator';
import { ConnectionPort } from '../analysis/policy-layer';
import { checkPortQuery, CheckedPortQuery, portNumberOn } from '../analysis/port-target';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';
import { LayerDecision, RuleReference, SideVerdict } from '../analysis/verdict';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * Stand-ins for the endpoints' names in side templates: the page puts the subject's name (the
 * source for egress, the destination for ingress) and the peer's name in their place. Private-use
 * characters, which no Kubernetes name, policy name or origin the explanations quote contains.
 */
export const SUBJECT_MARK = '\uE000';
export const PEER_MARK = '\uE001';

/** A row entry for a destination that lacks the queried port name: no connection to explain. */
export const NO_PORT = -1;

/** The decision of one layer for one side, with the endpoints' names as marks. */
export interface DecisionTemplate {
  readonly layer: string;
  readonly outcome: string;
  readonly reason: string;
  readonly policies: string[];
}

/** One side of a connection as `explain` prints it, with the endpoints' names as marks. */
export interface SideTemplate {
  readonly allowed: boolean;
  /** `SideVerdict.reason`, which the connection's sentence quotes. */
  readonly reason: string;
  /** The side's lines of `VerdictReport.toText`, title included ("egress" or "ingress"). */
  readonly lines: string[];
  readonly excluded: string[];
  /** Every layer asked, in order; the last one decided. */
  readonly decisions: DecisionTemplate[];
}

/** One port's sides, per pod class: an index into `rows` for the egress and for the ingress side. */
export interface PortSides {
  /** Per source class, the row of its egress sides over destination classes. */
  readonly egress: number[];
  /** Per destination class, the row of its ingress sides over source classes. */
  readonly ingress: number[];
  /**
   * Per class, a row of two sides (egress, ingress) for a workload reaching itself, which
   * Kubernetes allows (`allowSelfTraffic`; null without it), or `NO_PORT`.
   */
  readonly self: number[] | null;
}

/**
 * The explanations of every connection between pod classes, kept small enough to embed in a page.
 *
 * Why sides, computed here, rather than an evaluator in the page: a connection's explanation is
 * its egress side's and its ingress side's, each decided by the evaluator's own policy layers
 * (`Evaluator._explainSide`, the code `check` runs), so whatever layers the evaluator has
 * (NetworkPolicy today, ClusterNetworkPolicy tiers beside it) are explained in their own words,
 * and the page only puts the names in and joins the two sides as `explainConnection` does.
 * Sides repeat: a side's text depends on the subject only through its name and on the peer only
 * through its name and which rules match it, so each distinct side is kept once (`sides`), each
 * distinct row of sides once (`rows`, run-length encoded over peer classes), and classes that the
 * layers decide alike (the same row or column of the class matrix, namespace and network mode)
 * share one row, computed once from a representative.
 */
export class ExplanationTable {
  /** The distinct sides. */
  public readonly sides: SideTemplate[] = [];
  /** The distinct rows: pairs of (side index or `NO_PORT`, how many consecutive peer classes have it). */
  public readonly rows: number[][] = [];

  private readonly sideIds = new Map<string, number>();
  private readonly rowIds = new Map<string, number>();
  /** The sides of the row being computed, by a key that is short because its subject is fixed. */
  private readonly rowSides = new Map<string, number>();
  /** Per class, a representative workload's endpoint named by the subject mark, and by the peer mark. */
  private readonly subjects: Endpoint[] = [];
  private readonly peers: Endpoint[] = [];

  constructor(private readonly evaluator: Evaluator) {
    const model = evaluator.model;
    const resolver = new EndpointResolver(model);
    model._index.classOfWorkload.forEach((classId, workload) => {
      if (this.subjects[classId] === undefined) {
        const endpoint = resolver.workload(workload);
        this.subjects[classId] = { ...endpoint, label: SUBJECT_MARK };
        this.peers[classId] = { ...endpoint, label: PEER_MARK };
      }
    });
  }

  /** The sides of every pair of classes on the matrix's port. */
  public port(matrix: ReachabilityMatrix): PortSides {
    const query = checkPortQuery({ port: matrix.port, portName: matrix.portName, protocol: matrix.protocol });
    const portOf = this.subjects.map((endpoint) => portNumberOn(query, endpoint.ports));
    const classes = matrix._classes;
    const connectionPort = (destination: number): ConnectionPort =>
      ({ protocol: query.protocol, port: portOf[destination]!, destinationPorts: this.subjects[destination].ports });
    const egress = this.rowsFor(classes.egressRows, portOf, (subject, peer) => (portOf[peer] === undefined ? NO_PORT
      : this.side(TrafficDirection.EGRESS, subject, peer, connectionPort(peer))));
    const ingress = this.rowsFor(classes.ingressColumns, portOf, (subject, peer) => (portOf[subject] === undefined ? NO_PORT
      : this.side(TrafficDirection.INGRESS, subject, peer, connectionPort(subject))));
    if (!this.evaluator.model._index.options.allowSelfTraffic) {
      return { egress, ingress, self: null };
    }
    // Exempt, but the sides still say how the policies treat the pod on this port.
    const self = this.subjects.map((endpoint, c) => {
      if (portOf[c] === undefined) {
        return NO_PORT;
      }
      const side = (direction: TrafficDirection) => this.sideId(this.evaluator._explainSide(
        { direction, subject: endpoint, peer: { ...endpoint, label: SUBJECT_MARK }, port: connectionPort(c) }, 'self'));
      return this.rowId([side(TrafficDirection.EGRESS), side(TrafficDirection.INGRESS)]);
    });
    return { egress, ingress, self };
  }

  /** The portion of `portNumberOn` the page needs: per class, the number a port name resolves to (null without it). */
  public portNumbers(query: CheckedPortQuery): (number | null)[] {
    return this.subjects.map((endpoint) => portNumberOn(query, endpoint.ports) ?? null);
  }

  /**
   * Per subject class, the row of its sides over every peer class. Classes that share their
   * class-matrix bitset (the layers decided them alike), their namespace (whose invalid policies
   * the sides mention), their network mode and the port number the query resolves to on them
   * (classes no policy decides share the default's bitset, with or without a port name) share
   * one row.
   */
  private rowsFor(bitsets: readonly Bitset[], portOf: ReadonlyArray<number | undefined>,
    sideOf: (subject: number, peer: number) => number): number[] {
    const bitsetIds = new Map<Bitset, number>();
    const rowOfKey = new Map<string, number>();
    return bitsets.map((bitset, subject) => {
      let bitsetId = bitsetIds.get(bitset);
      if (bitsetId === undefined) {
        bitsetId = bitsetIds.size;
        bitsetIds.set(bitset, bitsetId);
      }
      const endpoint = this.subjects[subject];
      const key = `${bitsetId} ${endpoint.kind} ${portOf[subject]} ${endpoint.namespaceName}`;
      let row = rowOfKey.get(key);
      if (row === undefined) {
        this.rowSides.clear();
        const sides = this.peers.map((_, peer) => sideOf(subject, peer));
        row = this.rowId(sides);
        rowOfKey.set(key, row);
      }
      return row;
    });
  }

  /**
   * Within one row the subject is fixed, and so is every word of its sides but the outcomes and
   * the rules that matched: those make a short key for the sides seen in the row.
   */
  private side(direction: TrafficDirection, subject: number, peer: number, port: ConnectionPort): number {
    const side = this.evaluator._explainSide({ direction, subject: this.subjects[subject], peer: this.peers[peer], port });
    const rules = (refs: readonly RuleReference[]) => refs.map((r) => `${r.policy} ${r.ruleIndex}`).join(',');
    const key = `${rules(side.verdict.admittedBy)};${side.decisions.map((d) => `${d.layer} ${d.outcome} ${rules(d.rules)}`).join(';')}`;
    let id = this.rowSides.get(key);
    if (id === undefined) {
      id = this.sideId(side);
      this.rowSides.set(key, id);
    }
    return id;
  }

  private sideId(side: { verdict: SideVerdict; decisions: LayerDecision[] }): number {
    const verdict = side.verdict;
    // Everything the template is made of, joined cheaply: most sides were seen before.
    const key = [verdict.direction, verdict.allowed, verdict.reason, verdict.selectingPolicies.join(','), verdict.excludedPolicies.join(','),
      ...verdict.admittedBy.map((r) => `${r.policy} ${r.ruleIndex} ${r.origin}`),
      ...side.decisions.map((d) => `${d.layer} ${d.outcome} ${d.reason} ${d.policies.join(',')}`)].join('\u0000');
    let id = this.sideIds.get(key);
    if (id !== undefined) {
      return id;
    }
    const template: SideTemplate = {
      allowed: verdict.allowed,
      reason: verdict.reason,
      lines: sideLines(verdict.direction === TrafficDirection.EGRESS ? 'egress' : 'ingress', verdict, side.decisions),
      excluded: verdict.excludedPolicies,
      decisions: side.decisions.map((d) => ({ layer: d.layer, outcome: d.outcome, reason: d.reason, policies: d.policies })),
    };
    id = this.sides.length;
    this.sides.push(template);
    this.sideIds.set(key, id);
    return id;
  }

  private rowId(sides: readonly number[]): number {
    const encoded: number[] = [];
    for (const side of sides) {
      if (encoded.length > 0 && encoded[encoded.length - 2] === side) {
        encoded[encoded.length - 1]++;
      } else {
        encoded.push(side, 1);
      }
    }
    const key = encoded.join(',');
    let id = this.rowIds.get(key);
    if (id === undefined) {
      id = this.rows.length;
      this.rows.push(encoded);
      this.rowIds.set(key, id);
    }
    return id;
  }
}
