import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { AllowFrom } from './allow-from';
import { AllowTo } from './allow-to';
import { emptyListProblems } from './empty-list';
import { resolveNamespace } from './policy-namespace';
import { PolicyTarget } from './policy-target';
import { InputError } from '../k8s/input-error';
import { PortRange } from '../policy/port-range';

/**
 * Properties of `AllowConnection`.
 */
export interface AllowConnectionProps {
  /** The pods that open the connection. */
  readonly source: PolicyTarget;

  /** The pods that accept it. */
  readonly destination: PolicyTarget;

  /**
   * The destination ports (OR).
   *
   * @default - the container ports of the destination when it is a cdk8s-plus-27 workload
   * that declares some, with their protocols; else every port of every protocol
   */
  readonly ports?: PortRange[];

  /**
   * Metadata of the egress policy on the source.
   *
   * @default - named `allow-<source>-to-<destination>-egress`, in the source's namespace, else the chart's
   */
  readonly egressMetadata?: ApiObjectMetadata;

  /**
   * Metadata of the ingress policy on the destination.
   *
   * @default - named `allow-<source>-to-<destination>`, in the destination's namespace, else the chart's
   */
  readonly ingressMetadata?: ApiObjectMetadata;
}

/**
 * Allows one connection on both ends, since both must allow it: egress from the source to the
 * destination (an `AllowTo` in the source's namespace) and ingress to the destination from
 * the source (an `AllowFrom` in the destination's namespace). Across namespaces each side
 * names the other's namespace, so both need a known namespace.
 *
 * @example
 * const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 8080 }] });
 * const db = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres', portNumber: 5432 }] });
 * // allow-api-to-db-egress on api and allow-api-to-db on db, both on TCP 5432
 * new AllowConnection(chart, 'api-to-db', {
 *   source: PolicyTarget.workload(api),
 *   destination: PolicyTarget.workload(db),
 * });
 */
export class AllowConnection extends Construct {
  /** The egress side, selecting the source. */
  public readonly egress: AllowTo;

  /** The ingress side, selecting the destination. */
  public readonly ingress: AllowFrom;

  constructor(scope: Construct, id: string, props: AllowConnectionProps) {
    super(scope, id);
    const source = resolveNamespace(this, props.egressMetadata?.namespace, props.source, 'source', 'egressMetadata');
    const destination = resolveNamespace(this, props.ingressMetadata?.namespace, props.destination, 'destination', 'ingressMetadata');
    const problems = [...source.problems, ...destination.problems];
    const sourcePeer = props.source._toPeer(source.namespaceName, destination.namespaceName);
    const destinationPeer = props.destination._toPeer(destination.namespaceName, source.namespaceName);
    for (const [field, peer, target, other] of [
      ['source', sourcePeer, props.source, destination.namespaceName],
      ['destination', destinationPeer, props.destination, source.namespaceName],
    ] as const) {
      if (peer === undefined) {
        problems.push(`${field}: ${target} has no namespace, so the policy in ${JSON.stringify(other)} cannot name it; `
          + 'pin it with PolicyTarget.inNamespaceNamed, or give its chart a namespace');
      }
    }
    problems.push(...emptyListProblems(props.ports, 'ports', 'every port', 'list the ports, or leave ports out'));
    if (problems.length > 0) {
      throw new InputError(this.node.path, problems);
    }
    this.egress = new AllowTo(this, 'Egress', {
      metadata: { ...props.egressMetadata, namespace: source.namespaceName },
      target: props.source,
      destinations: [destinationPeer!],
      ports: props.ports,
    });
    this.ingress = new AllowFrom(this, 'Ingress', {
      metadata: { ...props.ingressMetadata, namespace: destination.namespaceName },
      target: props.destination,
      sources: [sourcePeer!],
      ports: props.ports,
    });
  }
}
