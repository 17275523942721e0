import { Protocol } from '../k8s/protocol';

/** A destination port: exactly one of `port` and `portName`, and a protocol. */
export interface PortQuery {
  /**
   * The destination port number (1-65535).
   *
   * @default - `portName` is given instead
   */
  readonly port?: number;

  /**
   * A container port name, resolved on the destination pod as Kubernetes resolves named ports
   * (a container port with this name and the same protocol).
   *
   * @default - `port` is given instead
   */
  readonly portName?: string;

  /**
   * The protocol of the connection.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/** A question for the evaluator: can `source` open a connection to `destination` on this port? */
export interface ConnectionQuery extends PortQuery {
  /**
   * Who opens the connection: a workload or pod as `namespace/name`, an IP address (an
   * endpoint outside the cluster, unless it is the known IP of exactly one pod), or `node`
   * (the destination pod's own node).
   */
  readonly source: string;

  /** Who receives it: a workload or pod as `namespace/name`, or an IP address (read as for `source`). */
  readonly destination: string;
}
