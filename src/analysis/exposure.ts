import { ClusterModel } from './cluster-model';
import { Evaluator } from './evaluator';
import { exposureOf } from './open-world-exposure';
import { Protocol } from '../k8s/protocol';

/** The question `Exposure.of` answers: who could reach a workload, on a port or on any. */
export interface ExposureQuery {
  /** The workload or pod, as `namespace/name`. */
  readonly destination: string;

  /**
   * The destination port number.
   *
   * @default - any port of any protocol (or `portName`)
   */
  readonly port?: number;

  /**
   * A container port name of the destination, as rules name ports.
   *
   * @default - any port of any protocol (or `port`)
   */
  readonly portName?: string;

  /**
   * The protocol of `port` or `portName`.
   *
   * @default Protocol.TCP when a port is given
   */
  readonly protocol?: Protocol;
}

/** One kind of source that could reach the destination, and what admits it. */
export interface ExposureSource {
  /** The sources in words, e.g. `any pod labelled app=api in a namespace labelled team=shop (allowed by shop/allow-api, ingress[0])`. */
  readonly description: string;

  /** The policy (`namespace/name`) that admits them; empty when the destination is not isolated for ingress. */
  readonly policy: string;

  /** Where in the policy: the peer, e.g. `ingress[0].from[1]`, or the rule without peers, `ingress[0]`; empty when the destination is not isolated. */
  readonly rule: string;
}

/** Who could reach a workload in any cluster that holds the input's policies. */
export interface ExposureAnswer {
  /** The destination, as the evaluator names it. */
  readonly destination: string;

  /** Whether some pod that is not in the input (in an input namespace or a new one, with any labels) could connect. */
  readonly otherPods: boolean;

  /** Whether some IP address that is no input pod's could connect (the destination's own node, always allowed, does not count). */
  readonly otherAddresses: boolean;

  /** The kinds of sources that could connect, one per admitting rule and peer, in the policies' order. */
  readonly sources: ExposureSource[];
}

/**
 * Open-world exposure: who could reach a workload in *any* cluster that holds these policies,
 * including pods the input does not show (with any labels, in the input's namespaces, which
 * keep the labels the input gives them, or in new namespaces with any labels) and addresses
 * outside it. Answered exactly by reasoning over selectors as sets of label maps, not by
 * sampling: a pod of an input namespace counts when some labels put it in an admitting peer
 * and either out of every egress policy of its namespace or into one that lets the connection
 * out. Pods not in the input are matched by selectors only (their IPs are unknown). Judged
 * with the NetworkPolicy layer only: ClusterNetworkPolicy tiers, which can widen or narrow the
 * answer, are not applied to it (the `exposure` command says so when the input has any).
 *
 * @example
 * const answer = Exposure.of(model, { destination: 'shop/db', port: 5432 });
 * if (answer.otherPods) {
 *   console.log(answer.sources.map((s) => s.description).join('\n'));
 * }
 */
export class Exposure {
  /**
   * The answer for one destination.
   *
   * @param model the cluster the policies come from
   * @param query the destination and the port (any when absent)
   */
  public static of(model: ClusterModel, query: ExposureQuery): ExposureAnswer {
    return exposureOf(new Evaluator(model), query, []);
  }

  private constructor() {}
}

