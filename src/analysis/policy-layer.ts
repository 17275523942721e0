import { Bitset } from './bitset';
import { ClassPorts } from './class-ports';
import { Endpoint } from './endpoint';
import { PeerResolver } from './peer-resolver';
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
 * What a layer decides, on one port, for one subject class: the peer classes it accepts, and
 * the peer classes it decides at all (accepted or denied). Every other peer goes on to the next
 * layer. On the egress side only destinations that have the port are ever accepted.
 */
export interface ClassDecision {
  readonly accept: Bitset;
  readonly decided: Bitset;
}

/**
 * One layer of policy, such as NetworkPolicy. A side of a connection is decided by the first
 * layer, in order, that accepts or denies it; a layer that has nothing to say, or whose rule
 * passes, leaves it to the next. Each layer answers both the point question (one connection,
 * with its explanation) and the set question (one port, every pair of pod classes at once).
 */
export interface PolicyLayer {
  readonly layer: DecisionLayer;

  /** The layer's decision for one side of one connection, with the policies, rules and reason. */
  decide(side: SideQuery): LayerDecision;

  /**
   * The layer's decisions for one port and direction, per subject class (`undefined` where it
   * decides nothing for that class). Classes under the same policies should share their
   * `ClassDecision`, and decisions may share bitsets: callers never change them.
   */
  classDecisions(direction: TrafficDirection, port: ClassPorts, peers: PeerResolver): readonly (ClassDecision | undefined)[];
}
