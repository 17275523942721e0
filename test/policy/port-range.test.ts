import { Protocol } from '../../src/k8s';
import { PortRange } from '../../src/policy';
import { thrown } from '../thrown';

describe('rendering', () => {
  test.each([
    ['tcp(80)', () => PortRange.tcp(80), { protocol: 'TCP', port: 80 }],
    ['tcpRange(8000, 8080)', () => PortRange.tcpRange(8000, 8080), { protocol: 'TCP', port: 8000, endPort: 8080 }],
    ['tcpRange(80, 80) is a single port', () => PortRange.tcpRange(80, 80), { protocol: 'TCP', port: 80 }],
    ['allTcp()', () => PortRange.allTcp(), { protocol: 'TCP' }],
    ['udp(53)', () => PortRange.udp(53), { protocol: 'UDP', port: 53 }],
    ['udpRange(1, 65535)', () => PortRange.udpRange(1, 65535), { protocol: 'UDP', port: 1, endPort: 65535 }],
    ['allUdp()', () => PortRange.allUdp(), { protocol: 'UDP' }],
    ['sctp(3868)', () => PortRange.sctp(3868), { protocol: 'SCTP', port: 3868 }],
    ['sctpRange(36412, 36422)', () => PortRange.sctpRange(36412, 36422), { protocol: 'SCTP', port: 36412, endPort: 36422 }],
    ['allSctp()', () => PortRange.allSctp(), { protocol: 'SCTP' }],
    ['named(http)', () => PortRange.named('http'), { protocol: 'TCP', port: 'http' }],
    ['named(syslog, UDP)', () => PortRange.named('syslog', Protocol.UDP), { protocol: 'UDP', port: 'syslog' }],
    ['named, 15 characters', () => PortRange.named('grpc-web-health'), { protocol: 'TCP', port: 'grpc-web-health' }],
    ['named, digits and a letter', () => PortRange.named('8080-tcp'), { protocol: 'TCP', port: '8080-tcp' }],
    ['of(UDP)', () => PortRange.of(Protocol.UDP), { protocol: 'UDP' }],
    ['of(SCTP, 9)', () => PortRange.of(Protocol.SCTP, 9), { protocol: 'SCTP', port: 9 }],
    ['of(TCP, 1, 1024)', () => PortRange.of(Protocol.TCP, 1, 1024), { protocol: 'TCP', port: 1, endPort: 1024 }],
    ['of(TCP, 443, 443)', () => PortRange.of(Protocol.TCP, 443, 443), { protocol: 'TCP', port: 443 }],
  ])('%s', (_name, build, json) => {
    expect(build()._toKube()).toStrictEqual(json);
  });

  test('all ports of a protocol render no port at all (never port 0) and keep their protocol', () => {
    for (const [range, protocol] of [[PortRange.allTcp(), 'TCP'], [PortRange.allUdp(), 'UDP'], [PortRange.allSctp(), 'SCTP']] as const) {
      const kube = range._toKube();
      expect(kube).not.toHaveProperty('port');
      expect(kube).not.toHaveProperty('endPort');
      expect(kube.protocol).toBe(protocol);
    }
  });

  test.each([
    ['SSH', PortRange.SSH, 'TCP/22'],
    ['DNS_UDP', PortRange.DNS_UDP, 'UDP/53'],
    ['DNS_TCP', PortRange.DNS_TCP, 'TCP/53'],
    ['HTTP', PortRange.HTTP, 'TCP/80'],
    ['HTTPS', PortRange.HTTPS, 'TCP/443'],
    ['HTTP_ALT', PortRange.HTTP_ALT, 'TCP/8080'],
    ['MYSQL', PortRange.MYSQL, 'TCP/3306'],
    ['POSTGRES', PortRange.POSTGRES, 'TCP/5432'],
    ['REDIS', PortRange.REDIS, 'TCP/6379'],
    ['MONGODB', PortRange.MONGODB, 'TCP/27017'],
    ['KAFKA', PortRange.KAFKA, 'TCP/9092'],
    ['ELASTICSEARCH', PortRange.ELASTICSEARCH, 'TCP/9200'],
    ['RABBITMQ', PortRange.RABBITMQ, 'TCP/5672'],
    ['PROMETHEUS', PortRange.PROMETHEUS, 'TCP/9090'],
    ['KUBE_API', PortRange.KUBE_API, 'TCP/6443'],
  ])('constant %s is %s', (_name, range, text) => {
    expect(range.toString()).toBe(text);
  });

  test('accessors', () => {
    const range = PortRange.udpRange(1000, 2000);
    expect([range.protocol, range.port, range.endPort, range.name]).toEqual([Protocol.UDP, 1000, 2000, undefined]);
    const named = PortRange.named('metrics');
    expect([named.protocol, named.port, named.endPort, named.name]).toEqual([Protocol.TCP, undefined, undefined, 'metrics']);
    const all = PortRange.allSctp();
    expect([all.protocol, all.port, all.endPort, all.name]).toEqual([Protocol.SCTP, undefined, undefined, undefined]);
  });
});

test.each([
  [PortRange.tcp(80), 'TCP/80'],
  [PortRange.tcpRange(8000, 8080), 'TCP/8000-8080'],
  [PortRange.tcpRange(8000, 8000), 'TCP/8000'],
  [PortRange.allUdp(), 'UDP/all'],
  [PortRange.allTcp(), 'TCP/all'],
  [PortRange.sctp(9), 'SCTP/9'],
  [PortRange.named('http'), 'TCP/http'],
  [PortRange.named('dns', Protocol.UDP), 'UDP/dns'],
])('toString is %s', (range, text) => {
  expect(range.toString()).toBe(text);
});

describe('errors name the factory, the field and what is valid', () => {
  test.each([
    ['tcp(0)', () => PortRange.tcp(0), 'NP-INPUT[PortRange.tcp]: port 0: ', 'for every TCP port use PortRange.allTcp(), which renders no port'],
    ['udp(0)', () => PortRange.udp(0), 'NP-INPUT[PortRange.udp]: port 0: ', 'for every UDP port use PortRange.allUdp()'],
    ['sctp(0)', () => PortRange.sctp(0), 'NP-INPUT[PortRange.sctp]: port 0: ', 'for every SCTP port use PortRange.allSctp()'],
    ['tcp(65536)', () => PortRange.tcp(65536), 'NP-INPUT[PortRange.tcp]: port 65536: ', 'between 1 and 65535'],
    ['tcp(-1)', () => PortRange.tcp(-1), 'NP-INPUT[PortRange.tcp]: port -1: ', 'between 1 and 65535'],
    ['tcp(80.5)', () => PortRange.tcp(80.5), 'NP-INPUT[PortRange.tcp]: port 80.5: must be between 1 and 65535, inclusive (a whole number)', ''],
    ['tcp(NaN)', () => PortRange.tcp(NaN), 'NP-INPUT[PortRange.tcp]: port NaN: must be between 1 and 65535, inclusive (a whole number)', ''],
    ['tcpRange(9000, 8000)', () => PortRange.tcpRange(9000, 8000),
      'NP-INPUT[PortRange.tcpRange]: end 8000: must be at least start 9000 (the range is inclusive; swap the two)', ''],
    ['udpRange(0, 10)', () => PortRange.udpRange(0, 10), 'NP-INPUT[PortRange.udpRange]: start 0: ', 'PortRange.allUdp()'],
    ['sctpRange(1, 70000)', () => PortRange.sctpRange(1, 70000), 'NP-INPUT[PortRange.sctpRange]: end 70000: ', 'between 1 and 65535'],
    ['named(HTTP)', () => PortRange.named('HTTP'), 'NP-INPUT[PortRange.named]: name "HTTP": ', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
    ['named(8080)', () => PortRange.named('8080'), 'NP-INPUT[PortRange.named]: name "8080": ',
      'name "8080": a port number must be a number, not a string (use PortRange.of(Protocol.TCP, 8080))'],
    ['named(a--b)', () => PortRange.named('a--b'), 'NP-INPUT[PortRange.named]: name "a--b": must not contain consecutive hyphens', ''],
    ['named(-web)', () => PortRange.named('-web'), 'NP-INPUT[PortRange.named]: name "-web": must not begin or end with a hyphen', ''],
    ['named, 16 characters', () => PortRange.named('grpc-web-healthz'), 'NP-INPUT[PortRange.named]: name "grpc-web-healthz": must be no more than 15 characters', ''],
    ['named(empty)', () => PortRange.named(''), 'NP-INPUT[PortRange.named]: name "": ', 'must contain at least one letter (a-z)'],
    ['named(53, UDP)', () => PortRange.named('53', Protocol.UDP), 'NP-INPUT[PortRange.named]: name "53": ', 'use PortRange.of(Protocol.UDP, 53)'],
    ['of(TCP, undefined, 90)', () => PortRange.of(Protocol.TCP, undefined, 90),
      'NP-INPUT[PortRange.of]: endPort 90: needs a port to start the range from (port to endPort, inclusive)', ''],
    ['of(TCP, 90, 80)', () => PortRange.of(Protocol.TCP, 90, 80), 'NP-INPUT[PortRange.of]: endPort 80: must be at least port 90', ''],
    ['of(tcp)', () => PortRange.of('tcp' as Protocol, 80), 'NP-INPUT[PortRange.of]: protocol "tcp": must be one of TCP, UDP or SCTP (upper case)', ''],
    ['named with protocol ICMP', () => PortRange.named('ping', 'ICMP' as Protocol), 'NP-INPUT[PortRange.named]: protocol "ICMP": must be one of TCP, UDP or SCTP', ''],
  ])('%s', (_name, build, start, contains) => {
    const message = thrown(build);
    expect(message.slice(0, start.length)).toBe(start);
    expect(message).toContain(contains);
  });

  test('both ends of a range are checked at once', () => {
    expect(() => PortRange.tcpRange(0, 70000)).toThrow(/start 0: .*; end 70000: /);
  });

  test.each([
    ['tcp(1)', () => PortRange.tcp(1)],
    ['tcp(65535)', () => PortRange.tcp(65535)],
    ['tcpRange(65535, 65535)', () => PortRange.tcpRange(65535, 65535)],
  ])('accepts the edge %s', (_name, build) => {
    expect(build).not.toThrow();
  });
});

describe('_key', () => {
  test('equal for the same ports however they were built', () => {
    expect(PortRange.tcp(80)._key()).toBe(PortRange.of(Protocol.TCP, 80)._key());
    expect(PortRange.tcp(80)._key()).toBe(PortRange.tcpRange(80, 80)._key());
    expect(PortRange.HTTP._key()).toBe(PortRange.tcp(80)._key());
    expect(PortRange.allUdp()._key()).toBe(PortRange.of(Protocol.UDP)._key());
    expect(PortRange.named('dns', Protocol.UDP)._key()).toBe(PortRange.named('dns', Protocol.UDP)._key());
  });

  test.each([
    ['protocol', PortRange.tcp(53), PortRange.udp(53)],
    ['port', PortRange.tcp(80), PortRange.tcp(81)],
    ['endPort', PortRange.tcpRange(80, 90), PortRange.tcpRange(80, 91)],
    ['single vs range', PortRange.tcp(80), PortRange.tcpRange(80, 81)],
    ['all vs one', PortRange.allTcp(), PortRange.tcp(1)],
    ['name vs all', PortRange.named('http'), PortRange.allTcp()],
    ['named protocol', PortRange.named('dns'), PortRange.named('dns', Protocol.UDP)],
  ])('differs by %s', (_name, a, b) => {
    expect(a._key()).not.toBe(b._key());
  });
});
