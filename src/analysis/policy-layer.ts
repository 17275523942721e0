import { Endpoint } from './endpoint';
import { SideRules } from './side-rules';
import { DecisionLayer, LayerDecision } from './verdict';
import { ContainerPortInfo } from './workload-info';
import { TrafficDirection } from '../k8s/traffic-direction';

/** The connection's port as the destination sees it. */
export interface ConnectionPort {
  readonly protocol: string;
  readonly port: number;
  readonly destinationPorts: readonly ContainerPortInfo[];
}

/** One side of one connection: the endpoint whose policies apply, the other end, and the port. */
export interface SideQuery {
  readonly direction: TrafficDirection;
  /** The source for egress, the destination for ingress. */
  readonly subject: Endpoint;
  /** The other end, which the rules' peers must match. */
  readonly peer: Endpoint;
  readonly port: ConnectionPort;
}

/**
 * One layer of policy, such as NetworkPolicy. A side of a connection is decided by the first
 * layer, in order, that accepts or denies it; a layer that has nothing to say, or whose rule
 * passes, leaves it to the next. A layer answers the point question itself (one connection,
 * with its explanation) and gives its rules per pod class for the set questions (matrices,
 * connections over every port), which combine layers the same way for every kind of policy.
 */
export interface PolicyLayer {
  readonly layer: DecisionLayer;

  /** The layer's decision for one side of one connection, with the policies, rules and reason. */
  decide(side: SideQuery): LayerDecision;

  /**
   * The layer's rules for a subject pod class in a direction, in the order they apply;
   * undefined when none applies to it.
   */
  sideRules(direction: TrafficDirection, subjectClass: number): SideRules | undefined;
}
