import { PortQuery } from '../../src/analysis/connection-query';
import { checkPortQuery, portNumberOn } from '../../src/analysis/port-target';
import { Protocol } from '../../src/k8s/protocol';

describe('checkPortQuery', () => {
  test.each([
    [{ port: 80 }, { protocol: Protocol.TCP, port: 80, label: '80' }],
    [{ port: 65535, protocol: Protocol.SCTP }, { protocol: Protocol.SCTP, port: 65535, label: '65535' }],
    [{ portName: 'dns', protocol: Protocol.UDP }, { protocol: Protocol.UDP, portName: 'dns', label: 'dns' }],
  ])('accepts %j', (query, expected) => {
    expect(checkPortQuery(query)).toEqual(expected);
  });

  test.each([
    [{}, 'give exactly one of port'],
    [{ port: 80, portName: 'http' }, 'give exactly one of port'],
    [{ port: 0 }, 'use an integer from 1 to 65535'],
    [{ port: 65536 }, 'use an integer from 1 to 65535'],
    [{ port: 80.5 }, 'use an integer from 1 to 65535'],
    [{ portName: '' }, 'portName must be a non-empty container port name'],
    [{ port: 80, protocol: 'ICMP' }, 'unsupported protocol "ICMP"'],
  ])('rejects %j', (query, message) => {
    expect(() => checkPortQuery(query as PortQuery)).toThrow(message);
  });
});

describe('portNumberOn', () => {
  const ports = [{ name: 'dns', port: 53, protocol: Protocol.UDP }, { name: 'http', port: 8080, protocol: Protocol.TCP }];
  test.each([
    [{ port: 80 }, 80],
    [{ portName: 'http' }, 8080],
    [{ portName: 'dns', protocol: Protocol.UDP }, 53],
    [{ portName: 'dns' }, undefined],
    [{ portName: 'grpc' }, undefined],
  ])('%j -> %s', (query, expected) => {
    expect(portNumberOn(checkPortQuery(query), ports)).toBe(expected);
  });
});
