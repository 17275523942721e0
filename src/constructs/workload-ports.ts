import { Protocol } from '../k8s/protocol';
import { PortRange } from '../policy/port-range';
import { WorkloadConstruct } from '../policy/workload-construct';

/**
 * The ports a workload's containers declare, each once, with its own protocol (cdk8s-plus
 * itself turns every container port into a TCP rule). Read from the rendered pod template when
 * the policy is rendered, so containers added after the policy count.
 *
 * Returns undefined when there is no workload or it declares no port: the rule then admits every port.
 */
export function workloadPorts(workload: WorkloadConstruct | undefined): PortRange[] | undefined {
  if (workload === undefined) {
    return undefined;
  }
  const ports = new Map<string, PortRange>();
  for (const port of workload.podTemplate().ports) {
    const range = PortRange.of(toProtocol(port.protocol), port.port);
    ports.set(range._key(), range);
  }
  return ports.size === 0 ? undefined : [...ports.values()];
}

function toProtocol(protocol: string | undefined): Protocol {
  switch (protocol) {
    case Protocol.UDP: return Protocol.UDP;
    case Protocol.SCTP: return Protocol.SCTP;
    default: return Protocol.TCP;
  }
}
