import { Protocol } from '../k8s/protocol';

/** A port declared by a container of a workload's pods. */
export interface ContainerPortInfo {
  /**
   * The port's name, which NetworkPolicy rules can use instead of its number.
   *
   * @default - the port has no name
   */
  readonly name?: string;

  /** The container port number. */
  readonly port: number;

  /** The port's protocol (TCP when the manifest does not say). */
  readonly protocol: Protocol;
}

/**
 * A pod, or a workload standing for its pods (labels and ports of its pod template).
 */
export interface WorkloadInfo {
  /**
   * How queries and matrices name this workload: `namespace/name`, or `namespace/kind/name`
   * (kind in lower case) when several workloads of different kinds share a name.
   */
  readonly endpoint: string;

  /** The workload's namespace. */
  readonly namespaceName: string;

  /** The workload's name. */
  readonly name: string;

  /** The object's kind, e.g. `Deployment` or `Pod`. */
  readonly kind: string;

  /** The pods' labels (the pod template's labels for a workload). */
  readonly labels: { [key: string]: string };

  /** The ports declared by the pods' containers. */
  readonly ports: ContainerPortInfo[];

  /** Known pod IPs (`status.podIP` / `status.podIPs` of a Pod); empty when unknown. */
  readonly ips: string[];

  /**
   * The pods use the node's network: no policy selects them and their traffic is node
   * traffic, matched only by ipBlocks containing their IP and by rules that admit all peers.
   */
  readonly hostNetwork: boolean;

  /** Where the object came from. */
  readonly origin: string;
}
