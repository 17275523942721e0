import { InputError, shown } from '../k8s/input-error';
import { KubeNetworkPolicyPort } from '../k8s/kube-json';
import { portNameErrors, portNumberErrors } from '../k8s/label-syntax';
import { Protocol } from '../k8s/protocol';

/**
 * The ports a NetworkPolicy rule admits for one protocol: a single port, an inclusive range,
 * a named container port, or every port of the protocol. One `PortRange` renders as one item
 * of a rule's `ports` list, always with an explicit `protocol`.
 *
 * Every port of a protocol renders as `{protocol}` without a `port`; Kubernetes rejects
 * `port: 0`. A rule with no ports at all admits every port of every protocol.
 *
 * @example
 * const web = [PortRange.HTTP, PortRange.HTTPS];
 * const ephemeral = PortRange.tcpRange(32768, 60999);
 * const metrics = PortRange.named('metrics');
 * const dns = [PortRange.DNS_UDP, PortRange.DNS_TCP];
 */
export class PortRange {
  /** SSH, TCP 22. */
  public static readonly SSH = PortRange.tcp(22);
  /** DNS queries, UDP 53. Pods under default-deny egress need this (and `DNS_TCP`) to resolve names. */
  public static readonly DNS_UDP = PortRange.udp(53);
  /** DNS over TCP, TCP 53, used for large responses. */
  public static readonly DNS_TCP = PortRange.tcp(53);
  /** HTTP, TCP 80. */
  public static readonly HTTP = PortRange.tcp(80);
  /** HTTPS, TCP 443. */
  public static readonly HTTPS = PortRange.tcp(443);
  /** The usual alternative HTTP port, TCP 8080. */
  public static readonly HTTP_ALT = PortRange.tcp(8080);
  /** MySQL and MariaDB, TCP 3306. */
  public static readonly MYSQL = PortRange.tcp(3306);
  /** PostgreSQL, TCP 5432. */
  public static readonly POSTGRES = PortRange.tcp(5432);
  /** Redis, TCP 6379. */
  public static readonly REDIS = PortRange.tcp(6379);
  /** MongoDB, TCP 27017. */
  public static readonly MONGODB = PortRange.tcp(27017);
  /** Kafka brokers, TCP 9092. */
  public static readonly KAFKA = PortRange.tcp(9092);
  /** Elasticsearch and OpenSearch HTTP API, TCP 9200. */
  public static readonly ELASTICSEARCH = PortRange.tcp(9200);
  /** RabbitMQ (AMQP), TCP 5672. */
  public static readonly RABBITMQ = PortRange.tcp(5672);
  /** Prometheus server, TCP 9090. */
  public static readonly PROMETHEUS = PortRange.tcp(9090);
  /**
   * The Kubernetes API server, TCP 6443.
   *
   * Policies see the API server's endpoint port, not the `kubernetes` Service's 443. 6443 is
   * the kubeadm default; some managed clusters serve on 443, so check your endpoints
   * (`kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes`).
   */
  public static readonly KUBE_API = PortRange.tcp(6443);

  /**
   * One TCP port.
   *
   * @param port 1 to 65535
   * @example
   * PortRange.tcp(8443);
   */
  public static tcp(port: number): PortRange {
    return PortRange.single('PortRange.tcp', Protocol.TCP, port);
  }

  /**
   * TCP ports `start` to `end`, inclusive (`port` and `endPort`).
   *
   * @param start 1 to 65535
   * @param end `start` to 65535; equal to `start` for a single port
   * @example
   * PortRange.tcpRange(8000, 8080);
   */
  public static tcpRange(start: number, end: number): PortRange {
    return PortRange.range('PortRange.tcpRange', Protocol.TCP, start, end, 'start', 'end');
  }

  /**
   * Every TCP port.
   *
   * @example
   * PortRange.allTcp();
   */
  public static allTcp(): PortRange {
    return new PortRange(Protocol.TCP);
  }

  /**
   * One UDP port.
   *
   * @param port 1 to 65535
   * @example
   * PortRange.udp(514);
   */
  public static udp(port: number): PortRange {
    return PortRange.single('PortRange.udp', Protocol.UDP, port);
  }

  /**
   * UDP ports `start` to `end`, inclusive (`port` and `endPort`).
   *
   * @param start 1 to 65535
   * @param end `start` to 65535; equal to `start` for a single port
   * @example
   * PortRange.udpRange(10000, 20000);
   */
  public static udpRange(start: number, end: number): PortRange {
    return PortRange.range('PortRange.udpRange', Protocol.UDP, start, end, 'start', 'end');
  }

  /**
   * Every UDP port.
   *
   * @example
   * PortRange.allUdp();
   */
  public static allUdp(): PortRange {
    return new PortRange(Protocol.UDP);
  }

  /**
   * One SCTP port.
   *
   * @param port 1 to 65535
   * @example
   * PortRange.sctp(3868);
   */
  public static sctp(port: number): PortRange {
    return PortRange.single('PortRange.sctp', Protocol.SCTP, port);
  }

  /**
   * SCTP ports `start` to `end`, inclusive (`port` and `endPort`).
   *
   * @param start 1 to 65535
   * @param end `start` to 65535; equal to `start` for a single port
   * @example
   * PortRange.sctpRange(36412, 36422);
   */
  public static sctpRange(start: number, end: number): PortRange {
    return PortRange.range('PortRange.sctpRange', Protocol.SCTP, start, end, 'start', 'end');
  }

  /**
   * Every SCTP port.
   *
   * @example
   * PortRange.allSctp();
   */
  public static allSctp(): PortRange {
    return new PortRange(Protocol.SCTP);
  }

  /**
   * A named container port, resolved on each destination pod: the port of its container port
   * with this `name` and the same protocol. Pods without such a port are not matched.
   *
   * @param name an IANA service name: 1 to 15 lowercase letters, digits and hyphens, with at
   * least one letter, no leading, trailing or doubled hyphen
   * @param protocol the protocol of the container port; TCP when omitted
   * @example
   * PortRange.named('metrics');
   * PortRange.named('syslog', Protocol.UDP);
   */
  public static named(name: string, protocol?: Protocol): PortRange {
    const resolved = checkedProtocol('PortRange.named', protocol ?? Protocol.TCP);
    const problems = portNameErrors(name).map(e => `name ${shown(name)}: ${e}`);
    if (typeof name === 'string' && /^[0-9]+$/.test(name)) {
      problems.push(`name ${shown(name)}: a port number must be a number, not a string (use PortRange.of(Protocol.${resolved}, ${Number(name)}))`);
    }
    if (problems.length > 0) {
      throw new InputError('PortRange.named', problems);
    }
    return new PortRange(resolved, undefined, undefined, name);
  }

  /**
   * Ports of `protocol`, for values known only at run time (for instance read from a container
   * spec): every port when `port` is absent, one port, or `port` to `endPort` inclusive.
   *
   * @param protocol the protocol
   * @param port 1 to 65535; every port of the protocol when omitted
   * @param endPort `port` to 65535, needs `port`; only `port` when omitted
   * @example
   * PortRange.of(Protocol.UDP, 8125);
   */
  public static of(protocol: Protocol, port?: number, endPort?: number): PortRange {
    const resolved = checkedProtocol('PortRange.of', protocol);
    if (port === undefined) {
      if (endPort !== undefined) {
        throw new InputError('PortRange.of', [`endPort ${shown(endPort)}: needs a port to start the range from (port to endPort, inclusive)`]);
      }
      return new PortRange(resolved);
    }
    if (endPort === undefined) {
      return PortRange.single('PortRange.of', resolved, port);
    }
    return PortRange.range('PortRange.of', resolved, port, endPort, 'port', 'endPort');
  }

  private static single(subject: string, protocol: Protocol, port: number): PortRange {
    const problems = numberProblems('port', port, protocol);
    if (problems.length > 0) {
      throw new InputError(subject, problems);
    }
    return new PortRange(protocol, port);
  }

  private static range(subject: string, protocol: Protocol, start: number, end: number, startField: string, endField: string): PortRange {
    const problems = [...numberProblems(startField, start, protocol), ...numberProblems(endField, end, protocol)];
    if (problems.length === 0 && start > end) {
      problems.push(`${endField} ${shown(end)}: must be at least ${startField} ${shown(start)} (the range is inclusive; swap the two)`);
    }
    if (problems.length > 0) {
      throw new InputError(subject, problems);
    }
    // Kubernetes accepts endPort == port, but one port reads better without it.
    return new PortRange(protocol, start, end > start ? end : undefined);
  }

  /** The protocol, always explicit in the rendered port. */
  public readonly protocol: Protocol;

  /**
   * The first (or only) port number.
   *
   * @default - none: every port of the protocol, or a named port
   */
  public readonly port?: number;

  /**
   * The last port of a range, inclusive; only set when greater than `port`.
   *
   * @default - none: a single port, a named port, or every port
   */
  public readonly endPort?: number;

  /**
   * The container port name, for a named port.
   *
   * @default - none: the port is numeric, or every port
   */
  public readonly name?: string;

  /** `_key()`, computed on first use. */
  private identity?: string;

  private constructor(protocol: Protocol, port?: number, endPort?: number, name?: string) {
    this.protocol = protocol;
    this.port = port;
    this.endPort = endPort;
    this.name = name;
  }

  /** A short description for messages: `TCP/80`, `TCP/8000-8080`, `UDP/all`, `TCP/http`. */
  public toString(): string {
    if (this.name !== undefined) {
      return `${this.protocol}/${this.name}`;
    }
    if (this.port === undefined) {
      return `${this.protocol}/all`;
    }
    return this.endPort === undefined ? `${this.protocol}/${this.port}` : `${this.protocol}/${this.port}-${this.endPort}`;
  }

  /**
   * The v1 `NetworkPolicyPort` JSON.
   *
   * @internal
   */
  public _toKube(): KubeNetworkPolicyPort {
    return {
      protocol: this.protocol,
      ...(this.name !== undefined ? { port: this.name } : this.port !== undefined ? { port: this.port } : {}),
      ...(this.endPort !== undefined ? { endPort: this.endPort } : {}),
    };
  }

  /**
   * An identity equal for equal port ranges, used to add a rule idempotently.
   *
   * @internal
   */
  public _key(): string {
    this.identity ??= JSON.stringify(this._toKube());
    return this.identity;
  }
}

function checkedProtocol(subject: string, protocol: Protocol): Protocol {
  if (!Object.values(Protocol).includes(protocol)) {
    throw new InputError(subject, [`protocol ${shown(protocol)}: must be one of TCP, UDP or SCTP (upper case)`]);
  }
  return protocol;
}

function numberProblems(field: string, port: number, protocol: Protocol): string[] {
  const problems = portNumberErrors(port).map(e => `${field} ${shown(port)}: ${e}`);
  if (problems.length > 0 && !Number.isInteger(port)) {
    problems[problems.length - 1] += ' (a whole number)';
  }
  if (port === 0 && problems.length > 0) {
    // cdk8s-plus emits port 0 for "all ports"; point to the form Kubernetes accepts.
    const all = `all${protocol.charAt(0)}${protocol.slice(1).toLowerCase()}`;
    problems[problems.length - 1] += ` (for every ${protocol} port use PortRange.${all}(), which renders no port)`;
  }
  return problems;
}
