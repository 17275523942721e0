import { policyPorts } from '../../src/analysis/policy-ports';
import { Protocol } from '../../src/k8s';

const policy = (ingress: any[], egress: any[] = []) => ({ manifest: { kind: 'NetworkPolicy', spec: { podSelector: {}, ingress, egress } } });

test.each([
  ['a numbered port, TCP when the protocol is absent', [{ ports: [{ port: 80 }] }], ['TCP/80']],
  ['a named port', [{ ports: [{ port: 'metrics', protocol: 'TCP' }] }], ['TCP/metrics']],
  ['a range, by its first port', [{ ports: [{ port: 8000, endPort: 8080 }] }], ['TCP/8000']],
  ['every port of a protocol names none', [{ ports: [{ protocol: 'UDP' }] }], []],
  ['a rule without ports names none', [{ from: [{ podSelector: {} }] }], []],
  ['malformed entries are skipped', [{ ports: [{ port: 0 }, { port: 70000 }, { port: '' }, { port: 53, protocol: 'ICMP' }, { port: 1.5 }] }], []],
  ['each port once, by protocol, numbers before names', [{ ports: [{ port: 'web' }, { port: 53, protocol: 'UDP' }, { port: 443 }, { port: 53 }] }, { ports: [{ port: 443 }] }],
    ['TCP/53', 'TCP/443', 'TCP/web', 'UDP/53']],
])('%s', (_, ingress, expected) => {
  expect(policyPorts([policy(ingress)]).queries.map((q) => `${q.protocol}/${q.port ?? q.portName}`)).toEqual(expected);
});

test('reads egress rules and the items of a List, and ignores other kinds', () => {
  const documents = [
    policy([], [{ ports: [{ port: 5432 }] }]),
    { manifest: { kind: 'List', items: [policy([{ ports: [{ port: 6379 }] }]).manifest] } },
    { manifest: { kind: 'Service', spec: { ports: [{ port: 80 }] } } },
  ];
  expect(policyPorts(documents).queries).toEqual([{ protocol: Protocol.TCP, port: 5432 }, { protocol: Protocol.TCP, port: 6379 }]);
});

test('reads the protocols of ClusterNetworkPolicies (v1alpha2 only), named ports under TCP', () => {
  const cnp = (apiVersion: string, protocols: any[]) => ({ manifest: { apiVersion, kind: 'ClusterNetworkPolicy', spec: { egress: [{ action: 'Accept', to: [], protocols }] } } });
  const documents = [
    cnp('policy.networking.k8s.io/v1alpha2', [{ udp: { destinationPort: { number: 53 } } }, { destinationNamedPort: 'metrics' }]),
    cnp('policy.networking.k8s.io/v1alpha2', [{ sctp: { destinationPort: { range: { start: 3868, end: 3870 } } } }, { tcp: {} }, { icmp: {} }]),
    cnp('crd.antrea.io/v1beta1', [{ tcp: { destinationPort: { number: 9999 } } }]),
  ];
  expect(policyPorts(documents).queries.map((q) => `${q.protocol}/${q.port ?? q.portName}`)).toEqual(['TCP/metrics', 'UDP/53', 'SCTP/3868']);
});

test('stops at the cap and lists the ports it left out', () => {
  const ports = policyPorts([policy([{ ports: [1, 2, 3, 4].map((port) => ({ port })) }])], 2);
  expect(ports.queries.map((q) => q.port)).toEqual([1, 2]);
  expect(ports.omitted).toEqual(['TCP/3', 'TCP/4']);
});
