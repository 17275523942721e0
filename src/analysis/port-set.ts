import { PortRanges, PROTOCOLS } from './port-ranges';
import { ContainerPortInfo } from './workload-info';
import { KubeClusterNetworkPolicyProtocol, KubeNetworkPolicyPort } from '../k8s/kube-json';
import { Protocol } from '../k8s/protocol';

/**
 * The ports of one rule: numeric ranges and port names, per protocol. Port names only gain a
 * number on a destination pod, so membership takes the destination's container ports.
 */
export class PortSet {
  /** Every port of every protocol (a rule with absent or empty `ports`). */
  public static readonly ALL = new PortSet(PortRanges.ALL, new Map());

  /** Compiles a rule's `ports` list (already validated). */
  public static fromRulePorts(entries: readonly KubeNetworkPolicyPort[] | undefined): PortSet {
    if (!entries || entries.length === 0) {
      return PortSet.ALL;
    }
    const numbers = new Map<Protocol, [number, number][]>();
    const names = new Map<string, Set<string>>();
    for (const entry of entries) {
      const protocol = (entry.protocol ?? Protocol.TCP) as Protocol;
      if (typeof entry.port === 'string') {
        names.set(protocol, new Set([...names.get(protocol) ?? [], entry.port]));
        continue;
      }
      // A missing port means every port of the protocol; endPort makes an inclusive range.
      const range: [number, number] = entry.port === undefined ? [1, 65535] : [entry.port, entry.endPort ?? entry.port];
      numbers.set(protocol, [...numbers.get(protocol) ?? [], range]);
    }
    return new PortSet(PortRanges.fromPairs(numbers), names);
  }

  /**
   * Compiles a ClusterNetworkPolicy rule's `protocols` (already validated): absent means every
   * port of every protocol. A `destinationNamedPort` names a container port of any protocol, so
   * it joins the names of all three: it matches where the destination has a port of that name
   * and the connection's protocol is that port's.
   */
  public static fromClusterProtocols(entries: readonly KubeClusterNetworkPolicyProtocol[] | undefined): PortSet {
    if (entries === undefined) {
      return PortSet.ALL;
    }
    const numbers = new Map<Protocol, [number, number][]>();
    const names = new Map<string, Set<string>>();
    for (const entry of entries) {
      if (entry.destinationNamedPort !== undefined) {
        PROTOCOLS.forEach((protocol) => names.set(protocol, new Set([...names.get(protocol) ?? [], entry.destinationNamedPort!])));
        continue;
      }
      for (const protocol of PROTOCOLS) {
        const port = entry[protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp']?.destinationPort;
        if (port !== undefined) {
          const range: [number, number] = port.range ? [port.range.start, port.range.end] : [port.number!, port.number!];
          numbers.set(protocol, [...numbers.get(protocol) ?? [], range]);
        }
      }
    }
    return new PortSet(PortRanges.fromPairs(numbers), names);
  }

  /** The canonical text, computed once: matrices use it as a cache key for every rule. */
  private readonly text: string;

  private constructor(
    /** The numeric ports, whatever the destination. */
    public readonly numbers: PortRanges,
    private readonly names: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    const nameTexts = PROTOCOLS.filter((p) => names.has(p)).map((p) => `${p}{${[...names.get(p)!].sort().join(',')}}`);
    this.text = [numbers.toString(), ...nameTexts].join(' ');
  }

  /** Whether the set names container ports, whose numbers depend on the destination. */
  public get hasNames(): boolean {
    return this.names.size > 0;
  }

  /** Whether a connection to `port`/`protocol` on a destination with these container ports is in the set. */
  public contains(protocol: string, port: number, destinationPorts: readonly ContainerPortInfo[]): boolean {
    if (this.numbers.contains(protocol as Protocol, port)) {
      return true;
    }
    const names = this.names.get(protocol);
    return names !== undefined
      && destinationPorts.some((p) => p.protocol === protocol && p.port === port && p.name !== undefined && names.has(p.name));
  }

  /** The ports on a destination with these container ports: the numbers, and the numbers its container ports give the names. */
  public resolvedOn(destinationPorts: readonly ContainerPortInfo[]): PortRanges {
    if (this.names.size === 0) {
      return this.numbers;
    }
    const named = destinationPorts.filter((p) => p.name !== undefined && this.names.get(p.protocol)?.has(p.name) === true);
    return named.reduce((set, p) => set.union(PortRanges.of(p.protocol, p.port)), this.numbers);
  }

  /** A canonical text form, also used as a cache key. */
  public toString(): string {
    return this.text;
  }
}
