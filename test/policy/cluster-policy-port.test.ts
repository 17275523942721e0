import { Protocol } from '../../src/k8s';
import { ClusterPolicyPort } from '../../src/policy/cluster-policy-port';
import { thrown } from '../thrown';

test.each([
  [ClusterPolicyPort.tcp(443), { tcp: { destinationPort: { number: 443 } } }, 'TCP/443'],
  [ClusterPolicyPort.udpRange(10000, 20000), { udp: { destinationPort: { range: { start: 10000, end: 20000 } } } }, 'UDP/10000-20000'],
  [ClusterPolicyPort.sctpRange(3868, 3868), { sctp: { destinationPort: { number: 3868 } } }, 'SCTP/3868'],
  [ClusterPolicyPort.allTcp(), { tcp: { destinationPort: { range: { start: 1, end: 65535 } } } }, 'TCP/all'],
  [ClusterPolicyPort.allUdp(), { udp: { destinationPort: { range: { start: 1, end: 65535 } } } }, 'UDP/all'],
  [ClusterPolicyPort.allSctp(), { sctp: { destinationPort: { range: { start: 1, end: 65535 } } } }, 'SCTP/all'],
  [ClusterPolicyPort.named('metrics'), { destinationNamedPort: 'metrics' }, 'named(metrics)'],
  [ClusterPolicyPort.DNS_UDP, { udp: { destinationPort: { number: 53 } } }, 'UDP/53'],
  [ClusterPolicyPort.DNS_TCP, { tcp: { destinationPort: { number: 53 } } }, 'TCP/53'],
])('%s renders as the CRD writes it (a range of one port as a number: the CRD refuses start == end)', (port, json, text) => {
  expect(port._toKube()).toEqual(json);
  expect(port.toString()).toBe(text);
});

test('the fields say what the entry covers', () => {
  expect([ClusterPolicyPort.tcpRange(80, 90)].map((p) => [p.protocol, p.startPort, p.endPort, p.name])).toEqual([[Protocol.TCP, 80, 90, undefined]]);
  expect([ClusterPolicyPort.named('http')].map((p) => [p.protocol, p.startPort, p.name])).toEqual([[undefined, undefined, 'http']]);
});

test.each([
  [() => ClusterPolicyPort.tcp(0), 'port 0: must be between 1 and 65535'],
  [() => ClusterPolicyPort.udp(65536), 'port 65536'],
  [() => ClusterPolicyPort.sctp(1.5), 'port 1.5'],
  [() => ClusterPolicyPort.tcpRange(90, 80), 'end 80: must be at least start 90'],
  [() => ClusterPolicyPort.udpRange(0, 70000), 'start 0'],
  [() => ClusterPolicyPort.named('Not A Port'), 'must contain only alpha-numeric characters'],
  [() => ClusterPolicyPort.named('8080'), 'use ClusterPolicyPort.tcp(8080)'],
])('refuses %#', (build, message) => {
  expect(thrown(build)).toContain(message);
});
