import { PortSet } from '../../src/analysis/port-set';
import { Protocol } from '../../src/k8s/protocol';

const http = [{ name: 'http', port: 8080, protocol: Protocol.TCP }, { name: 'dns', port: 53, protocol: Protocol.UDP }];

describe('PortSet', () => {
  test.each([
    ['absent ports', undefined, 'SCTP', 9, true],
    ['empty ports', [], 'UDP', 65535, true],
    ['empty entry is every TCP port', [{}], 'TCP', 1, true],
    ['empty entry is not UDP', [{}], 'UDP', 1, false],
    ['protocol only', [{ protocol: 'UDP' }], 'UDP', 4000, true],
    ['number defaults to TCP', [{ port: 80 }], 'TCP', 80, true],
    ['number defaults to TCP, not UDP', [{ port: 80 }], 'UDP', 80, false],
    ['endPort low bound', [{ port: 80, endPort: 90 }], 'TCP', 80, true],
    ['endPort high bound', [{ port: 80, endPort: 90 }], 'TCP', 90, true],
    ['past endPort', [{ port: 80, endPort: 90 }], 'TCP', 91, false],
    ['below port', [{ port: 80, endPort: 90 }], 'TCP', 79, false],
    ['named port resolves on the destination', [{ port: 'http' }], 'TCP', 8080, true],
    ['named port with another number', [{ port: 'http' }], 'TCP', 80, false],
    ['named port with another protocol', [{ port: 'dns' }], 'TCP', 53, false],
    ['named port with its protocol', [{ port: 'dns', protocol: 'UDP' }], 'UDP', 53, true],
    ['named port the destination lacks', [{ port: 'grpc' }], 'TCP', 8080, false],
  ])('%s', (_, entries, protocol, port, expected) => {
    expect(PortSet.fromRulePorts(entries as any[]).contains(protocol, port, http)).toBe(expected);
  });

  test('the text form is canonical', () => {
    expect(PortSet.fromRulePorts([{ port: 81 }, { port: 'http' }, { protocol: 'UDP', port: 53 }, { port: 80 }]).toString())
      .toBe(PortSet.fromRulePorts([{ port: 80, endPort: 81 }, { protocol: 'UDP', port: 53 }, { port: 'http', protocol: 'TCP' }]).toString());
    expect(PortSet.fromRulePorts(undefined).toString()).toBe('TCP 1-65535; UDP 1-65535; SCTP 1-65535');
  });
});

describe('PortSet.fromClusterProtocols', () => {
  test('absent protocols are every port; present ones are their numbers and ranges, with named ports under every protocol', () => {
    expect(PortSet.fromClusterProtocols(undefined)).toBe(PortSet.ALL);
    const set = PortSet.fromClusterProtocols([
      { tcp: { destinationPort: { number: 80 } } },
      { tcp: { destinationPort: { range: { start: 81, end: 90 } } } },
      { sctp: { destinationPort: { number: 9 } } },
      { destinationNamedPort: 'm' },
    ]);
    expect(set.toString()).toBe('TCP 80-90; SCTP 9 TCP{m} UDP{m} SCTP{m}');
  });
});
