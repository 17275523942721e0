import { ClusterModel } from './cluster-model';
import { ConnectionQuery, PortQuery } from './connection-query';
import { Endpoint, EndpointResolver } from './endpoint';
import { Exemption, exemptionDecision, explainConnection, explainIsolation, explainSide } from './explanation';
import { IsolationVerdict } from './isolation-verdict';
import { decideSide } from './layer-combination';
import { buildClassMatrix } from './matrix-builder';
import { NetworkPolicyLayer } from './network-policy-layer';
import { PeerResolver } from './peer-resolver';
import { PolicyLayer, SideQuery } from './policy-layer';
import { checkPortQuery, portNumberOn } from './port-target';
import { ReachabilityMatrix } from './reachability-matrix';
import { DecisionLayer, LayerDecision, SideVerdict, Verdict } from './verdict';
import { InputError } from '../k8s/input-error';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * Answers reachability questions about a `ClusterModel` with `networking.k8s.io/v1` semantics:
 * a connection is allowed iff the source's egress side and the destination's ingress side both
 * allow it, and each verdict names the policies and rules that decided.
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
  /** What each peer matches, shared by the matrices of every port; made on the first matrix. */
  private peers?: PeerResolver;

  /**
   * @param model the cluster to evaluate
   */
  constructor(public readonly model: ClusterModel) {
    this.endpoints = new EndpointResolver(model);
    this.networkPolicy = new NetworkPolicyLayer(model._index);
    this.layers = [this.networkPolicy];
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
      explanation += `; note: its pods on ${source.nodes[0]} are always reachable from their own node (allowNodeTraffic), `
        + 'so this is the answer for its pods on other nodes';
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
    this.peers ??= new PeerResolver(this.model._index);
    return ReachabilityMatrix._create(this.model, portQuery, buildClassMatrix(this.model._index, this.layers, portQuery, this.peers));
  }

  /** One side: the implicit layer when Kubernetes always allows it, else the policy layers in order. */
  private side(query: SideQuery, exemption: Exemption | undefined): { verdict: SideVerdict; decisions: LayerDecision[] } {
    const decisions = exemption ? [exemptionDecision(query.direction, query.subject, exemption)] : decideSide(this.layers, query);
    const networkPolicy = decisions.find((d) => d.layer === DecisionLayer.NETWORK_POLICY) ?? this.networkPolicy.decide(query);
    return { verdict: explainSide(query.subject, decisions, networkPolicy, this.excludedFor(query.subject)), decisions };
  }

  private excludedFor(endpoint: Endpoint): string[] {
    return endpoint.namespaceName === undefined ? [] : this.model._excludedPolicies.get(endpoint.namespaceName) ?? [];
  }
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
