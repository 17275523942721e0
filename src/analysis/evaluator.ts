import { ClusterModel } from './cluster-model';
import { ClusterNetworkPolicyLayer } from './cluster-network-policy-layer';
import { ConnectionEntry, ConnectionPiece, ConnectionsQuery, ConnectionVerdict } from './connection';
import { byProtocol, ConnectionEngine, SidePiece } from './connection-engine';
import { ConnectionQuery, PortQuery } from './connection-query';
import { closeMatches, Endpoint, EndpointResolver } from './endpoint';
import { Exemption, exemptionDecision, explainConnection, explainIsolation, explainSide } from './explanation';
import { IsolationVerdict } from './isolation-verdict';
import { decideSide } from './layer-combination';
import { buildClassMatrix } from './matrix-builder';
import { NetworkPolicyLayer } from './network-policy-layer';
import { PeerResolver } from './peer-resolver';
import { PolicyLayer, SideQuery } from './policy-layer';
import { PortRanges, PROTOCOLS } from './port-ranges';
import { checkPortQuery, portNumberOn } from './port-target';
import { ReachabilityMatrix } from './reachability-matrix';
import { compareText } from './text-order';
import { DecisionLayer, LayerDecision, SideVerdict, Verdict } from './verdict';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { InputError } from '../k8s/input-error';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * Answers reachability questions about a `ClusterModel`: a connection is allowed iff the
 * source's egress side and the destination's ingress side both allow it. Each side is decided
 * by the first layer that accepts or denies it: Admin-tier ClusterNetworkPolicies, then
 * `networking.k8s.io/v1` NetworkPolicies, then Baseline-tier ClusterNetworkPolicies, then the
 * default, which allows. Each verdict names the policies and rules that decided.
 *
 * @example
 * const evaluator = new Evaluator(ClusterModel.fromManifests(documents));
 * const verdict = evaluator.check({ source: 'prod/frontend', destination: 'prod/db', port: 5432 });
 * // "denied: ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend"
 * console.log(verdict.explanation);
 */
export class Evaluator {
  private readonly endpoints: EndpointResolver;
  private readonly networkPolicy: NetworkPolicyLayer;
  /** The layers that decide each side, in evaluation order (the default comes after them). */
  private readonly layers: readonly PolicyLayer[];
  private readonly peers: PeerResolver;
  private connectionEngine?: ConnectionEngine;
  private onOneNode?: { readonly hostNetwork: readonly (string | undefined)[]; readonly pods: readonly (string | undefined)[] };

  /**
   * @param model the cluster to evaluate
   */
  constructor(public readonly model: ClusterModel) {
    this.endpoints = new EndpointResolver(model);
    // What each peer matches does not depend on the port: resolved once, for every question.
    const peers = new PeerResolver(model._index);
    this.peers = peers;
    this.networkPolicy = new NetworkPolicyLayer(model._index, peers);
    // A tier without policies is left out: it would only say that none selects the side.
    const tier = (t: ClusterPolicyTier) => (model._clusterPolicies.some((p) => p.tier === t)
      ? [new ClusterNetworkPolicyLayer(t, model._index, peers, model._clusterPolicies)] : []);
    this.layers = [...tier(ClusterPolicyTier.ADMIN), this.networkPolicy, ...tier(ClusterPolicyTier.BASELINE)];
  }

  /**
   * Whether `source` can open a connection to `destination`, and why.
   *
   * Throws a `NP-INPUT` error for an unknown endpoint (listing close matches), for a query that
   * does not give exactly one of `port` and `portName`, and for a port name the destination does
   * not define.
   */
  public check(query: ConnectionQuery): Verdict {
    const portQuery = checkPortQuery(query);
    const source = this.endpoints.resolve(query.source, 'source');
    const destination = this.endpoints.resolve(query.destination, 'destination');
    const destinationPorts = destination.ports;
    const portNumber = portNumberOn(portQuery, destinationPorts);
    if (portNumber === undefined) {
      const known = destinationPorts.map((p) => `${p.protocol}/${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ') || 'none';
      throw new InputError('port', [`${destination.label} has no ${portQuery.protocol} container port named "${portQuery.portName}" `
        + `(port names resolve on the destination pod; its ports: ${known})`]);
    }

    const port = { protocol: portQuery.protocol, port: portNumber, destinationPorts };
    const options = this.model._index.options;
    const self = options.allowSelfTraffic && source.workload !== undefined && source.label === destination.label;
    const local = nodeLocality(source, destination);
    const node = options.allowNodeTraffic && local === 'all';
    const egress = this.side({ direction: TrafficDirection.EGRESS, subject: source, peer: destination, port }, self ? 'self' : undefined);
    const ingress = this.side({ direction: TrafficDirection.INGRESS, subject: destination, peer: source, port }, self ? 'self' : node ? 'node' : undefined);
    let explanation = explainConnection(egress.verdict, ingress.verdict, self ? 'self' : undefined);
    if (options.allowNodeTraffic && local === 'some' && !self) {
      explanation += someOnNodeNote(source.nodes[0]);
    }
    return {
      allowed: egress.verdict.allowed && ingress.verdict.allowed,
      source: source.label,
      destination: destination.label,
      port: portNumber,
      portName: portQuery.portName,
      protocol: portQuery.protocol,
      egress: egress.verdict,
      ingress: ingress.verdict,
      decisions: [...egress.decisions, ...ingress.decisions],
      explanation,
    };
  }

  /**
   * The model's index of the workload an endpoint names (an IP counts when exactly one pod has
   * it); undefined for an outside address or `node`.
   *
   * @internal
   */
  public _workloadOf(endpoint: string): number | undefined {
    return this.endpoints.resolve(endpoint, 'endpoint').workload;
  }

  /**
   * Whether `endpoint` (a workload or pod as `namespace/name`) is isolated for `direction`:
   * whether some policy of its namespace selects it with that direction in its policyTypes.
   * Isolation depends on neither the peer nor the port.
   */
  public isolation(endpoint: string, direction: TrafficDirection): IsolationVerdict {
    const subject = this.endpoints.resolve(endpoint, 'endpoint');
    const selecting = subject.kind !== 'pod' ? [] : this.networkPolicy.selecting(direction, subject.podClass!).map((p) => p.id);
    const excludedPolicies = this.excludedFor(subject);
    return {
      endpoint: subject.label,
      direction,
      isolated: selecting.length > 0,
      selectingPolicies: selecting,
      excludedPolicies,
      reason: explainIsolation(subject, direction, selecting, excludedPolicies),
    };
  }

  /**
   * Which workloads can reach which on one port. A destination that does not define a queried
   * port name is not reachable.
   */
  public matrix(query: PortQuery): ReachabilityMatrix {
    const portQuery = checkPortQuery(query);
    return ReachabilityMatrix._create(this.model, portQuery, buildClassMatrix(this.model._index, this.layers, portQuery));
  }

  /**
   * Every allowed connection between two workloads, over every port of TCP, UDP and SCTP: one
   * entry per (from, to, protocol) with its merged port ranges, a workload paired with itself
   * left out, sorted by source, destination and protocol (so the list is stable enough for a
   * snapshot test).
   *
   * @param query only the connections from or to a namespace or workload
   * @example
   * for (const c of evaluator.connections({ source: 'shop/web' })) {
   *   console.log(`${c.source} -> ${c.destination} ${c.protocol} ${c.ports.map(([lo, hi]) => (lo === hi ? lo : `${lo}-${hi}`)).join(', ')}`);
   * }
   */
  public connections(query: ConnectionsQuery = {}): ConnectionEntry[] {
    const entries: ConnectionEntry[] = [];
    this._forEachConnection(query, (from, to, ports) => {
      for (const { protocol, ranges } of byProtocol(ports)) {
        entries.push({ source: this.model.workloads[from].endpoint, destination: this.model.workloads[to].endpoint, protocol, ports: ranges });
      }
    });
    return entries;
  }

  /**
   * Every port `source` may open to `destination` (workloads or pods as `namespace/name`), and
   * what lets each piece through on each side.
   *
   * @example
   * const verdict = evaluator.connection('shop/web', 'shop/api');
   * console.log(verdict.explanation); // "allowed on TCP 8080; every other port is denied"
   */
  public connection(source: string, destination: string): ConnectionVerdict {
    const [from, to] = [this.workloadEndpoint(source, 'source'), this.workloadEndpoint(destination, 'destination')];
    const engine = this.engine();
    const [s, d] = [from.podClass!, to.podClass!];
    const options = this.model._index.options;
    const same = options.allowSelfTraffic && from.label === to.label;
    const local = nodeLocality(from, to);
    const nodeLocal = !same && options.allowNodeTraffic && local === 'all';
    const exempt = same || nodeLocal;
    const ports = exempt ? PortRanges.ALL : engine.ports(s, d);
    const egress = exempt ? [] : engine.explainSide(TrafficDirection.EGRESS, s, d);
    const ingress = exempt ? [] : engine.explainSide(TrafficDirection.INGRESS, d, s);
    return {
      source: from.label,
      destination: to.label,
      allowed: !ports.isEmpty(),
      connections: byProtocol(ports).map(({ protocol, ranges }) => ({ source: from.label, destination: to.label, protocol, ports: ranges })),
      pieces: combinePieces(egress, ingress),
      explanation: same ? `allowed on every port: ${from.label} can always reach itself (allowSelfTraffic)`
        : nodeLocal ? `allowed on every port: ${from.label} uses its node's network, and a pod's own node can always reach it (allowNodeTraffic)`
          : explainPorts(ports, unionOf(egress), unionOf(ingress), from.label, to.label)
            + (options.allowNodeTraffic && local === 'some' ? someOnNodeNote(from.nodes[0]) : ''),
    };
  }

  /**
   * Calls `visit` for every ordered pair of distinct workloads (model indexes) with some port
   * allowed, sources and destinations each in endpoint-name order: the streaming form of
   * `connections`.
   *
   * @internal
   */
  public _forEachConnection(query: ConnectionsQuery, visit: (from: number, to: number, ports: PortRanges) => void): void {
    const workloads = this.model.workloads;
    const classOf = this.model._index.classOfWorkload;
    const order = workloads.map((_, i) => i).sort((a, b) => compareText(workloads[a].endpoint, workloads[b].endpoint));
    const sources = order.filter(this.workloadFilter(query.source, 'source'));
    const destinations = order.filter(this.workloadFilter(query.destination, 'destination'));
    const engine = this.engine();
    const row: PortRanges[] = [];
    const { hostNetwork: hostNodes, pods: podNodes } = this.nodesOfOneNode();
    let rowClass = -1;
    for (const from of sources) {
      if (classOf[from] !== rowClass) {
        rowClass = classOf[from];
        engine.fillRow(rowClass, row);
      }
      const hostNode = hostNodes[from];
      for (const to of destinations) {
        const ports = hostNode !== undefined && podNodes[to] === hostNode ? PortRanges.ALL : row[classOf[to]];
        if (to !== from && !ports.isEmpty()) {
          visit(from, to, ports);
        }
      }
    }
  }

  /**
   * Whether Kubernetes lets workload `from` reach workload `to` (model indexes) on every port,
   * whatever the policies say, because `from` uses the network of the one node all of `to`'s
   * pods run on (`allowNodeTraffic`).
   *
   * @internal
   */
  public _nodeLocal(from: number, to: number): boolean {
    const { hostNetwork, pods } = this.nodesOfOneNode();
    return hostNetwork[from] !== undefined && pods[to] === hostNetwork[from];
  }

  /** @internal The classes each peer matches, resolved once for every question (and the lints and exposure). */
  public _peers(): PeerResolver {
    return this.peers;
  }

  /** @internal The policy layers, in evaluation order (the default after them). */
  public _layers(): readonly PolicyLayer[] {
    return this.layers;
  }

  /** @internal The connection engine of this evaluator, made on first use. */
  public _engine(): ConnectionEngine {
    return this.engine();
  }

  /**
   * One side of a connection between endpoints already resolved, decided as `check` decides it:
   * for reports that explain every pair of pod classes without resolving names.
   *
   * @internal
   */
  public _explainSide(query: SideQuery, exemption?: Exemption): { verdict: SideVerdict; decisions: LayerDecision[] } {
    return this.side(query, exemption);
  }

  /** One side: the implicit layer when Kubernetes always allows it, else the policy layers in order. */
  private side(query: SideQuery, exemption: Exemption | undefined): { verdict: SideVerdict; decisions: LayerDecision[] } {
    const decisions = exemption ? [exemptionDecision(query.direction, query.subject, exemption)] : decideSide(this.layers, query);
    const networkPolicy = decisions.find((d) => d.layer === DecisionLayer.NETWORK_POLICY) ?? this.networkPolicy.decide(query);
    return { verdict: explainSide(query.subject, decisions, networkPolicy, this.excludedFor(query.subject)), decisions };
  }

  /** Per workload, the one node it runs on: hostNetwork workloads (when node traffic is allowed) and the others apart. */
  private nodesOfOneNode(): NonNullable<Evaluator['onOneNode']> {
    if (this.onOneNode === undefined) {
      const allowed = this.model._index.options.allowNodeTraffic;
      const oneNode = (hostNetwork: boolean) => this.model.workloads.map((w) =>
        (w.hostNetwork === hostNetwork && w.nodes.length === 1 && (allowed || !hostNetwork) ? w.nodes[0] : undefined));
      this.onOneNode = { hostNetwork: oneNode(true), pods: oneNode(false) };
    }
    return this.onOneNode;
  }

  private engine(): ConnectionEngine {
    this.connectionEngine ??= new ConnectionEngine(this.model._index, this.layers);
    return this.connectionEngine;
  }

  /** A workload or pod endpoint, for the questions asked of workloads only. */
  private workloadEndpoint(text: string, role: 'source' | 'destination'): Endpoint {
    const endpoint = this.endpoints.resolve(text, role);
    if (endpoint.workload === undefined) {
      throw new InputError(role, [`${endpoint.label} is not a workload or pod; connections over every port are between workloads (ask about one port with check)`]);
    }
    return endpoint;
  }

  /** Which workloads (model indexes) a `--from`/`--to` filter keeps: a namespace or a workload. */
  private workloadFilter(filter: string | undefined, field: 'source' | 'destination'): (workload: number) => boolean {
    if (filter === undefined) {
      return () => true;
    }
    const workloads = this.model.workloads;
    if (!filter.includes('/')) {
      if (!this.model.namespaces.some((ns) => ns.name === filter)) {
        const matches = closeMatches(filter, this.model.namespaces.map((ns) => ns.name));
        throw new InputError(field, [`unknown namespace "${filter}"`, matches.length > 0 ? `close matches: ${matches.join(', ')}` : 'use a namespace or namespace/name']);
      }
      return (i) => workloads[i].namespaceName === filter;
    }
    const index = this.endpoints.resolve(filter, field).workload;
    return (i) => i === index;
  }

  private excludedFor(endpoint: Endpoint): string[] {
    return endpoint.namespaceName === undefined ? [] : this.model._excludedPolicies.get(endpoint.namespaceName) ?? [];
  }
}

/** The allowed ports split by what admits them on both sides: every overlap of an egress piece with an ingress piece. */
function combinePieces(egress: readonly SidePiece[], ingress: readonly SidePiece[]): ConnectionPiece[] {
  const pieces: ConnectionPiece[] = [];
  for (const e of egress) {
    for (const i of ingress) {
      for (const { protocol, ranges } of byProtocol(e.ports.intersect(i.ports))) {
        pieces.push({
          protocol,
          ports: ranges,
          egress: { layer: e.layer, rules: [...e.rules] },
          ingress: { layer: i.layer, rules: [...i.rules] },
        });
      }
    }
  }
  return pieces.sort((a, b) => PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) || a.ports[0][0] - b.ports[0][0]);
}

function unionOf(pieces: readonly SidePiece[]): PortRanges {
  return pieces.reduce((all, piece) => all.union(piece.ports), PortRanges.NONE);
}

/** The sentence of a connection verdict: the ports allowed, or which side allows nothing (or nothing in common). */
function explainPorts(ports: PortRanges, egress: PortRanges, ingress: PortRanges, from: string, to: string): string {
  if (!ports.isEmpty()) {
    return ports === PortRanges.ALL || ports.equals(PortRanges.ALL) ? 'allowed on every port' : `allowed on ${ports}; every other port is denied`;
  }
  const closed = [
    ...(egress.isEmpty() ? [`egress from ${from} allows nothing to ${to}`] : []),
    ...(ingress.isEmpty() ? [`ingress to ${to} admits nothing from ${from}`] : []),
  ];
  return closed.length > 0 ? `denied on every port: ${closed.join('; ')}`
    : `denied on every port: egress from ${from} allows only ${egress} and ingress to ${to} admits only ${ingress}`;
}

/** Where only some of the destination's pods run on the source's node, those are exempt: the answer is for the others. */
function someOnNodeNote(node: string): string {
  return `; note: its pods on ${node} are always reachable from their own node (allowNodeTraffic), so this is the answer for its pods on other nodes`;
}

/**
 * Whether traffic comes from the destination's own node: `all` for the plain `node` source, and
 * for a node (or a hostNetwork pod, whose traffic is its node's) on the one node every pod of
 * the destination runs on; `some` when only some of them run there.
 */
function nodeLocality(source: Endpoint, destination: Endpoint): 'all' | 'some' | 'none' {
  if (source.kind === 'node' && source.nodes.length === 0) {
    return 'all';
  }
  if ((source.kind !== 'node' && source.kind !== 'hostNetwork') || destination.kind !== 'pod' || source.nodes.length !== 1) {
    return 'none';
  }
  const here = destination.nodes.filter((n) => n === source.nodes[0]).length;
  return here === 0 ? 'none' : here === destination.nodes.length ? 'all' : 'some';
}
