import { PortRanges } from './port-ranges';
import { decidedPortsWhere, LayerRule, SideRules } from './side-rules';
import { ContainerPortInfo } from './workload-info';

/**
 * The ports one side allows a peer, the layers' rules asked in order (each decides the ports
 * no earlier layer decided; the default allows the rest), for a peer described by which rules
 * match it: a group of pod classes or a part of the address space. `destinationPorts` are the
 * container ports port names resolve on (none for an address).
 */
export function layeredPorts(layers: readonly (SideRules | undefined)[], matches: (rule: LayerRule) => boolean,
  destinationPorts: readonly ContainerPortInfo[]): PortRanges {
  let allowed = PortRanges.NONE;
  let undecided = PortRanges.ALL;
  for (const rules of layers) {
    if (rules !== undefined && !undecided.isEmpty()) {
      const { accept, decided } = decidedPortsWhere(rules, matches, destinationPorts);
      allowed = allowed.union(accept.intersect(undecided));
      undecided = undecided.subtract(decided);
    }
  }
  return allowed.union(undecided);
}
