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
 * A workload standing for its pods (their labels and ports, or its pod template's when the
 * input has no pods of it), one group of its pods when they differ, or a bare pod.
 */
export interface WorkloadInfo {
  /**
   * How queries and matrices name this workload: `namespace/name`, or `namespace/kind/name`
   * (kind in lower case) when several workloads of different kinds share a name, followed by
   * `[n]` for the n-th group of pods when its pods differ in labels or ports. Control
   * characters in names are shown escaped (`\n`, `\x1b`).
   */
  readonly endpoint: string;

  /** The workload's namespace. */
  readonly namespaceName: string;

  /** The workload's name: the owning controller's (e.g. the Deployment's), or the bare pod's. */
  readonly name: string;

  /** The workload's kind, e.g. `Deployment` (also when only its pods are in the input), or `Pod` for a bare pod. */
  readonly kind: string;

  /** The pods' labels (the pod template's labels for a workload). */
  readonly labels: { [key: string]: string };

  /** The ports declared by the pods' containers. */
  readonly ports: ContainerPortInfo[];

  /** Known pod IPs (`status.podIP` / `status.podIPs` of its pods); empty when unknown. */
  readonly ips: string[];

  /**
   * The pods of the input it stands for, by name; empty when it stands for a pod template (a
   * workload object without its pods in the input).
   */
  readonly pods: string[];

  /** The nodes its pods run on (`spec.nodeName`), sorted; empty when the input does not say. */
  readonly nodes: string[];

  /**
   * The pods use the node's network: no policy selects them and their traffic is node
   * traffic, matched only by ipBlocks and ClusterNetworkPolicy networks or nodes peers that
   * hold their IP, and by rules that admit all peers.
   */
  readonly hostNetwork: boolean;

  /** Where the object came from. */
  readonly origin: string;
}
