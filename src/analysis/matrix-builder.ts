import { Bitset } from './bitset';
import { ClassPorts } from './class-ports';
import { ClusterIndex } from './cluster-index';
import { combineLayers } from './layer-combination';
import { PolicyLayer } from './policy-layer';
import { CheckedPortQuery } from './port-target';
import { classDecisions } from './side-rules';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * Reachability between pod classes on one port, kept as the two sides that decide it: one
 * egress row per source class and one ingress column per destination class. Classes that the
 * layers decide alike share their row or column, so the matrix takes far less than classes^2 bits.
 */
export class ClassMatrix {
  constructor(
    /** Per source class: the destination classes its egress side lets through (only classes with the port). */
    public readonly egressRows: readonly Bitset[],
    /** Per destination class: the source classes its ingress side admits. */
    public readonly ingressColumns: readonly Bitset[],
    /** The classes that have the port (every class for a port number; those defining it for a port name). */
    public readonly hasPort: Bitset,
  ) {}

  /** Whether a pod of class `source` can reach a pod of class `destination` (another pod, when they are the same class). */
  public has(source: number, destination: number): boolean {
    return this.egressRows[source].has(destination) && this.ingressColumns[destination].has(source);
  }
}

/**
 * Computes the reachability between pod classes on one port: per direction, each layer's
 * decisions for every class, combined in layer order (the first layer that decides a peer
 * stands; the default allows the rest).
 */
export function buildClassMatrix(index: ClusterIndex, layers: readonly PolicyLayer[], query: CheckedPortQuery): ClassMatrix {
  const size = index.classes.length;
  const port = new ClassPorts(index, query);
  const decisions = (direction: TrafficDirection) =>
    layers.map((layer) => classDecisions(size, direction, port, (c) => layer.sideRules(direction, c)));
  return new ClassMatrix(
    combineLayers(size, decisions(TrafficDirection.EGRESS), port.hasPort),
    combineLayers(size, decisions(TrafficDirection.INGRESS), Bitset.full(size)),
    port.hasPort,
  );
}
