import { InputError } from '../k8s/input-error';
import { KubeClusterNetworkPolicyProtocol } from '../k8s/kube-json';
import { portNameErrors, portNumberErrors } from '../k8s/label-syntax';
import { Protocol } from '../k8s/protocol';

const MAX_PORT = 65535;

/**
 * The destination ports a ClusterNetworkPolicy rule matches, for one protocol: one item of a
 * rule's `protocols`. A rule without ports matches every port of every protocol.
 *
 * Every protocol entry of the CRD names a port: a whole protocol is the range 1-65535 (what
 * `allTcp()` writes), since `tcp: {}` is refused. A named port is a container port's name on the
 * destination pod, with whatever protocol that container port declares.
 *
 * @example
 * const web = [ClusterPolicyPort.tcp(80), ClusterPolicyPort.tcp(443)];
 * const dns = [ClusterPolicyPort.DNS_UDP, ClusterPolicyPort.DNS_TCP];
 * const metrics = ClusterPolicyPort.named('metrics');
 * const ephemeral = ClusterPolicyPort.tcpRange(32768, 60999);
 */
export class ClusterPolicyPort {
  /** DNS queries, UDP 53. */
  public static readonly DNS_UDP = ClusterPolicyPort.udp(53);
  /** DNS over TCP, TCP 53. */
  public static readonly DNS_TCP = ClusterPolicyPort.tcp(53);

  /**
   * One TCP port.
   *
   * @param port 1 to 65535
   * @example
   * ClusterPolicyPort.tcp(443);
   */
  public static tcp(port: number): ClusterPolicyPort {
    return ClusterPolicyPort.single('ClusterPolicyPort.tcp', Protocol.TCP, port);
  }

  /**
   * TCP ports `start` to `end`, inclusive.
   *
   * @param start 1 to 65535
   * @param end `start` to 65535 (equal to `start` writes the single port: the CRD refuses a range of one)
   * @example
   * ClusterPolicyPort.tcpRange(8000, 8080);
   */
  public static tcpRange(start: number, end: number): ClusterPolicyPort {
    return ClusterPolicyPort.range('ClusterPolicyPort.tcpRange', Protocol.TCP, start, end);
  }

  /**
   * Every TCP port (the range 1-65535).
   *
   * @example
   * ClusterPolicyPort.allTcp();
   */
  public static allTcp(): ClusterPolicyPort {
    return new ClusterPolicyPort(Protocol.TCP, 1, MAX_PORT);
  }

  /**
   * One UDP port.
   *
   * @param port 1 to 65535
   * @example
   * ClusterPolicyPort.udp(53);
   */
  public static udp(port: number): ClusterPolicyPort {
    return ClusterPolicyPort.single('ClusterPolicyPort.udp', Protocol.UDP, port);
  }

  /**
   * UDP ports `start` to `end`, inclusive.
   *
   * @param start 1 to 65535
   * @param end `start` to 65535
   * @example
   * ClusterPolicyPort.udpRange(10000, 20000);
   */
  public static udpRange(start: number, end: number): ClusterPolicyPort {
    return ClusterPolicyPort.range('ClusterPolicyPort.udpRange', Protocol.UDP, start, end);
  }

  /**
   * Every UDP port (the range 1-65535).
   *
   * @example
   * ClusterPolicyPort.allUdp();
   */
  public static allUdp(): ClusterPolicyPort {
    return new ClusterPolicyPort(Protocol.UDP, 1, MAX_PORT);
  }

  /**
   * One SCTP port.
   *
   * @param port 1 to 65535
   * @example
   * ClusterPolicyPort.sctp(3868);
   */
  public static sctp(port: number): ClusterPolicyPort {
    return ClusterPolicyPort.single('ClusterPolicyPort.sctp', Protocol.SCTP, port);
  }

  /**
   * SCTP ports `start` to `end`, inclusive.
   *
   * @param start 1 to 65535
   * @param end `start` to 65535
   * @example
   * ClusterPolicyPort.sctpRange(3868, 3870);
   */
  public static sctpRange(start: number, end: number): ClusterPolicyPort {
    return ClusterPolicyPort.range('ClusterPolicyPort.sctpRange', Protocol.SCTP, start, end);
  }

  /**
   * Every SCTP port (the range 1-65535).
   *
   * @example
   * ClusterPolicyPort.allSctp();
   */
  public static allSctp(): ClusterPolicyPort {
    return new ClusterPolicyPort(Protocol.SCTP, 1, MAX_PORT);
  }

  /**
   * A container port by name (`destinationNamedPort`), looked up on the destination pod: for an
   * egress rule the peer, for an ingress rule the subject. Named ports match pods only, so they
   * cannot be combined with `networks`, `nodes` or `domainNames` peers.
   *
   * @param name a container port name (IANA service name syntax: at most 15 lower-case letters, digits and '-')
   * @example
   * ClusterPolicyPort.named('metrics');
   */
  public static named(name: string): ClusterPolicyPort {
    const problems = portNameErrors(name).map((e) => `name ${JSON.stringify(name)}: ${e}`);
    if (/^[0-9]+$/.test(name)) {
      problems.push(`name ${JSON.stringify(name)}: a port number must be a number (use ClusterPolicyPort.tcp(${Number(name)}))`);
    }
    if (problems.length > 0) {
      throw new InputError('ClusterPolicyPort.named', problems);
    }
    return new ClusterPolicyPort(undefined, undefined, undefined, name);
  }

  private static single(subject: string, protocol: Protocol, port: number): ClusterPolicyPort {
    const problems = portNumberErrors(port).map((e) => `port ${port}: ${e}`);
    if (problems.length > 0) {
      throw new InputError(subject, problems);
    }
    return new ClusterPolicyPort(protocol, port, port);
  }

  private static range(subject: string, protocol: Protocol, start: number, end: number): ClusterPolicyPort {
    const problems = [...portNumberErrors(start).map((e) => `start ${start}: ${e}`), ...portNumberErrors(end).map((e) => `end ${end}: ${e}`)];
    if (problems.length === 0 && start > end) {
      problems.push(`end ${end}: must be at least start ${start} (the range is inclusive; swap the two)`);
    }
    if (problems.length > 0) {
      throw new InputError(subject, problems);
    }
    return new ClusterPolicyPort(protocol, start, end);
  }

  /**
   * The protocol.
   *
   * @default - none: a named port takes the protocol of the container port it names
   */
  public readonly protocol?: Protocol;

  /**
   * The first port of the range (the port itself for a single port).
   *
   * @default - none: a named port
   */
  public readonly startPort?: number;

  /**
   * The last port of the range, inclusive (equal to `startPort` for a single port).
   *
   * @default - none: a named port
   */
  public readonly endPort?: number;

  /**
   * The container port name.
   *
   * @default - none: a port number or range
   */
  public readonly name?: string;

  private constructor(protocol?: Protocol, startPort?: number, endPort?: number, name?: string) {
    this.protocol = protocol;
    this.startPort = startPort;
    this.endPort = endPort;
    this.name = name;
  }

  /** A short description for messages: `TCP/443`, `TCP/8000-8080`, `UDP/all`, `named(metrics)`. */
  public toString(): string {
    if (this.name !== undefined) {
      return `named(${this.name})`;
    }
    if (this.startPort === 1 && this.endPort === MAX_PORT) {
      return `${this.protocol}/all`;
    }
    return this.startPort === this.endPort ? `${this.protocol}/${this.startPort}` : `${this.protocol}/${this.startPort}-${this.endPort}`;
  }

  /**
   * The `protocols` item JSON: a number for one port, a range otherwise.
   *
   * @internal
   */
  public _toKube(): KubeClusterNetworkPolicyProtocol {
    if (this.name !== undefined) {
      return { destinationNamedPort: this.name };
    }
    const destinationPort = this.startPort === this.endPort ? { number: this.startPort! } : { range: { start: this.startPort!, end: this.endPort! } };
    return { [this.protocol!.toLowerCase()]: { destinationPort } };
  }
}
