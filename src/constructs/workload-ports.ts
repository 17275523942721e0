import * as kplus from 'cdk8s-plus-27';
import { Protocol } from '../k8s/protocol';
import { PortRange } from '../policy/port-range';

/**
 * The ports a cdk8s-plus-27 workload's containers declare, each once, with its own protocol
 * (cdk8s-plus itself turns every container port into a TCP rule). Read when the policy is
 * rendered, so containers added after the policy count.
 *
 * Returns undefined when there is no workload or it declares no port: the rule then admits every port.
 */
export function workloadPorts(workload: kplus.AbstractPod | undefined): PortRange[] | undefined {
  if (workload === undefined) {
    return undefined;
  }
  const ports = new Map<string, PortRange>();
  for (const container of workload.containers) {
    for (const port of container.ports) {
      const range = PortRange.of(toProtocol(port.protocol), port.number);
      ports.set(range._key(), range);
    }
  }
  return ports.size === 0 ? undefined : [...ports.values()];
}

function toProtocol(protocol: kplus.Protocol | undefined): Protocol {
  switch (protocol) {
    case kplus.Protocol.UDP: return Protocol.UDP;
    case kplus.Protocol.SCTP: return Protocol.SCTP;
    default: return Protocol.TCP;
  }
}
