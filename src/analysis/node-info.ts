/**
 * A node of the cluster model: a Node object of the input, or a node the input's pods name in
 * `spec.nodeName` without its object.
 */
export interface NodeInfo {
  /** The node's name. */
  readonly name: string;

  /** Its labels (none when no Node object was read). */
  readonly labels: { [key: string]: string };

  /**
   * Its IP addresses: those of `status.addresses` (InternalIP, ExternalIP) and the host IPs of
   * the pods on it (`status.hostIP`, `status.hostIPs`).
   */
  readonly addresses: string[];

  /** Whether a Node object declared it (false when only pods running on it imply it). */
  readonly declared: boolean;

  /**
   * Where the Node object came from.
   *
   * @default - the node is implied by its pods, not declared
   */
  readonly origin?: string;
}
