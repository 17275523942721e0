/**
 * The side of a connection a policy governs: egress of the source or ingress of the destination.
 */
export enum TrafficDirection {
  /** Traffic into the selected pods (`spec.ingress`). */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods (`spec.egress`). */
  EGRESS = 'Egress',
}
