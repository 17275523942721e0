import { RangeSet } from './range-set';
import { ContainerPortInfo } from './workload-info';
import { KubeClusterNetworkPolicyProtocol, KubeNetworkPolicyPort } from '../k8s/kube-json';
import { Protocol } from '../k8s/protocol';

const PROTOCOLS = Object.values(Protocol) as string[];
const EVERY_PORT = RangeSet.of(1n, 65535n);
const byKey = (a: [string, unknown], b: [string, unknown]) => a[0].localeCompare(b[0]);

/**
 * The ports of one rule: numeric ranges and port names, per protocol. Port names only gain a
 * number on a destination pod, so membership takes the destination's container ports.
 */
export class PortSet {
  /** Every port of every protocol (a rule with absent or empty `ports`). */
  public static readonly ALL = new PortSet(new Map(PROTOCOLS.map((p) => [p, EVERY_PORT])), new Map());

  /** Compiles a rule's `ports` list (already validated). */
  public static fromRulePorts(entries: readonly KubeNetworkPolicyPort[] | undefined): PortSet {
    if (!entries || entries.length === 0) {
      return PortSet.ALL;
    }
    const numbers = new Map<string, RangeSet>();
    const names = new Map<string, Set<string>>();
    for (const entry of entries) {
      const protocol: string = entry.protocol ?? 'TCP';
      if (typeof entry.port === 'string') {
        names.set(protocol, new Set([...names.get(protocol) ?? [], entry.port]));
        continue;
      }
      // A missing port means every port of the protocol; endPort makes an inclusive range.
      const range = entry.port === undefined ? EVERY_PORT : RangeSet.of(BigInt(entry.port), BigInt(entry.endPort ?? entry.port));
      numbers.set(protocol, (numbers.get(protocol) ?? RangeSet.EMPTY).union(range));
    }
    return new PortSet(numbers, names);
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
    const numbers = new Map<string, RangeSet>();
    const names = new Map<string, Set<string>>();
    for (const entry of entries) {
      if (entry.destinationNamedPort !== undefined) {
        PROTOCOLS.forEach((protocol) => names.set(protocol, new Set([...names.get(protocol) ?? [], entry.destinationNamedPort!])));
        continue;
      }
      for (const protocol of PROTOCOLS) {
        const port = entry[protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp']?.destinationPort;
        if (port !== undefined) {
          const [first, last] = port.range ? [port.range.start, port.range.end] : [port.number!, port.number!];
          const range = RangeSet.of(BigInt(first), BigInt(last));
          numbers.set(protocol, (numbers.get(protocol) ?? RangeSet.EMPTY).union(range));
        }
      }
    }
    return new PortSet(numbers, names);
  }

  /** The numeric ranges again, as plain numbers: point queries test them often. */
  private readonly numberRanges: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  /** The canonical text, computed once: matrices use it as a cache key for every rule. */
  private readonly text: string;

  private constructor(
    numbers: ReadonlyMap<string, RangeSet>,
    private readonly names: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    this.numberRanges = new Map([...numbers].map(([protocol, set]) => [protocol, set.ranges.map((r) => [Number(r.first), Number(r.last)] as const)]));
    const numberTexts = [...numbers].sort(byKey).map(([protocol, set]) => `${protocol}[${set}]`);
    const nameTexts = [...names].sort(byKey).map(([protocol, set]) => `${protocol}{${[...set].sort().join(',')}}`);
    this.text = [...numberTexts, ...nameTexts].join(' ');
  }

  /** Whether a connection to `port`/`protocol` on a destination with these container ports is in the set. */
  public contains(protocol: string, port: number, destinationPorts: readonly ContainerPortInfo[]): boolean {
    if (this.numberRanges.get(protocol)?.some(([first, last]) => first <= port && port <= last)) {
      return true;
    }
    const names = this.names.get(protocol);
    return names !== undefined
      && destinationPorts.some((p) => p.protocol === protocol && p.port === port && p.name !== undefined && names.has(p.name));
  }

  /** A canonical text form, also used as a cache key. */
  public toString(): string {
    return this.text;
  }
}
