import { Bitset } from './bitset';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { PortSet } from './port-set';
import { CheckedPortQuery, portNumberOn } from './port-target';

/**
 * One queried port as each pod class sees it: the number it resolves to (a port name resolves
 * per class, on the destination) and which classes have it. Whether a rule's ports cover a
 * connection depends only on that number and the names the class gives it, so classes with the
 * same of both are grouped and each group is tested once per distinct set of ports.
 */
export class ClassPorts {
  /** Per class, the port number the query resolves to; undefined when the class lacks a queried port name. */
  public readonly portOf: readonly (number | undefined)[];
  /** The classes that have the port (every class for a port number). */
  public readonly hasPort: Bitset;
  /** Per class with the port, the facts a rule's ports are tested on: the number and the names it has. */
  public readonly profileOf: readonly (string | undefined)[];

  private readonly profiles = new Map<string, number[]>();
  private readonly covered = new Map<string, Bitset>();

  constructor(private readonly index: ClusterIndex, public readonly query: CheckedPortQuery) {
    const classes = index.classes;
    this.portOf = classes.map((c) => portNumberOn(query, c.ports));
    this.hasPort = Bitset.of(classes.length, classes.filter((c) => this.portOf[c.id] !== undefined).map((c) => c.id));
    this.profileOf = classes.map((c) => {
      const port = this.portOf[c.id];
      return port === undefined ? undefined : `${port} ${c.ports
        .filter((p) => p.protocol === query.protocol && p.port === port && p.name !== undefined)
        .map((p) => p.name).sort().join(',')}`;
    });
    this.profileOf.forEach((profile, id) => profile !== undefined && cached(this.profiles, profile, () => []).push(id));
  }

  /** Whether `ports` cover the connection to a pod of class `classId` (which has the port). */
  public covers(ports: PortSet, classId: number): boolean {
    return ports.contains(this.query.protocol, this.portOf[classId]!, this.index.classes[classId].ports);
  }

  /** The classes with the port whose port `ports` cover; computed once per distinct set of ports. */
  public coveredBy(ports: PortSet): Bitset {
    return cached(this.covered, ports.toString(), () => {
      const result = new Bitset(this.index.classes.length);
      for (const members of this.profiles.values()) {
        if (this.covers(ports, members[0])) {
          members.forEach((id) => result.add(id));
        }
      }
      return result;
    });
  }
}
