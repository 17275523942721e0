import { PortQuery } from './connection-query';
import { ContainerPortInfo } from './workload-info';
import { InputError, shown } from '../k8s/input-error';
import { Protocol } from '../k8s/protocol';

/** A validated port query. */
export interface CheckedPortQuery {
  readonly protocol: Protocol;
  readonly port?: number;
  readonly portName?: string;
  /** The port as queried, for verdicts and matrices. */
  readonly label: string;
}

const PROTOCOLS = Object.values(Protocol) as string[];

/** Checks that exactly one of port and portName is given, and that both they and the protocol are usable. */
export function checkPortQuery(query: PortQuery): CheckedPortQuery {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    throw new InputError('query', [`must be an object with port or portName (and protocol), not ${query === null ? 'null' : typeof query}`]);
  }
  const protocol = query.protocol ?? Protocol.TCP;
  if (!PROTOCOLS.includes(protocol)) {
    throw new InputError('protocol', [`unsupported protocol ${shown(protocol)}`, `use one of ${PROTOCOLS.join(', ')}`]);
  }
  if ((query.port === undefined) === (query.portName === undefined)) {
    throw new InputError('port', ['give exactly one of port (a number) and portName (a container port name)']);
  }
  if (query.port !== undefined) {
    if (!Number.isInteger(query.port) || query.port < 1 || query.port > 65535) {
      throw new InputError('port', [`${shown(query.port)} is not a port number`, 'use an integer from 1 to 65535']);
    }
    return { protocol, port: query.port, label: String(query.port) };
  }
  if (typeof query.portName !== 'string' || query.portName === '') {
    throw new InputError('port', ['portName must be a non-empty container port name']);
  }
  return { protocol, portName: query.portName, label: query.portName };
}

/** A query for a port written as rules and the command line write it: a number, or a container port name. */
export function portQueryOf(port: number | string, protocol?: Protocol): PortQuery {
  return typeof port === 'number' ? { port, protocol } : { portName: port, protocol };
}

/**
 * The port number a connection uses on a destination with these container ports: the queried
 * number, or the number of the container port with the queried name and protocol (undefined
 * when the destination has none).
 */
export function portNumberOn(query: CheckedPortQuery, destinationPorts: readonly ContainerPortInfo[]): number | undefined {
  if (query.port !== undefined) {
    return query.port;
  }
  return destinationPorts.find((p) => p.name === query.portName && p.protocol === query.protocol)?.port;
}
