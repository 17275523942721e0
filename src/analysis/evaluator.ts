import { ClusterModel } from './cluster-model';
import { ConnectionQuery, PortQuery } from './connection-query';
import { Endpoint, EndpointResolver } from './endpoint';
import { Exemption, explainConnection, explainIsolation, explainSide } from './explanation';
import { IsolationVerdict } from './isolation-verdict';
import { buildClassMatrix } from './matrix-builder';
import { PeerResolver } from './peer-resolver';
import { checkPortQuery, portNumberOn } from './port-target';
import { ReachabilityMatrix } from './reachability-matrix';
import { evaluateSide } from './side-evaluation';
import { TrafficDirection } from './traffic-direction';
import { Verdict } from './verdict';

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
  /** What each peer matches, shared by the matrices of every port; made on the first matrix. */
  private peers?: PeerResolver;

  /**
   * @param model the cluster to evaluate
   */
  constructor(public readonly model: ClusterModel) {
    this.endpoints = new EndpointResolver(model);
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
      throw new Error(`NP-INPUT[port]: ${destination.label} has no ${portQuery.protocol} container port named "${portQuery.portName}" `
        + `(port names resolve on the destination pod; its ports: ${known})`);
    }

    const port = { protocol: portQuery.protocol, port: portNumber, destinationPorts };
    const index = this.model._index;
    const options = index.options;
    const self = options.allowSelfTraffic && source.workload !== undefined && source.workload === destination.workload;
    const node = options.allowNodeTraffic && source.kind === 'node';
    const egressExemption: Exemption | undefined = self ? 'self' : undefined;
    const ingressExemption: Exemption | undefined = self ? 'self' : node ? 'node' : undefined;

    const egressSide = evaluateSide(index, TrafficDirection.EGRESS, source, destination, port);
    const ingressSide = evaluateSide(index, TrafficDirection.INGRESS, destination, source, port);
    const egress = explainSide(egressSide, egressExemption, this.excludedFor(source));
    const ingress = explainSide(ingressSide, ingressExemption, this.excludedFor(destination));
    return {
      allowed: egress.verdict.allowed && ingress.verdict.allowed,
      source: source.label,
      destination: destination.label,
      port: portQuery.label,
      portNumber,
      protocol: portQuery.protocol,
      egress: egress.verdict,
      ingress: ingress.verdict,
      decisions: [...egress.decisions, ...ingress.decisions],
      explanation: explainConnection(egress.verdict, ingress.verdict, egressExemption),
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
    const index = this.model._index;
    const selecting = subject.kind !== 'pod' ? []
      : (direction === TrafficDirection.INGRESS ? index.ingressPolicies : index.egressPolicies)[subject.podClass!].map((id) => index.policies[id].id);
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
    return ReachabilityMatrix._create(this.model, portQuery, buildClassMatrix(this.model._index, portQuery, this.peers));
  }

  private excludedFor(endpoint: Endpoint): string[] {
    return endpoint.namespaceName === undefined ? [] : this.model._excludedPolicies.get(endpoint.namespaceName) ?? [];
  }
}
