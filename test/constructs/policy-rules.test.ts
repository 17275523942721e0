import { renderEgressRule, renderIngressRule, uniqueRules } from '../../src/constructs/policy-rules';
import { LabelSelector, Peer, PortRange } from '../../src/policy';

const web = Peer.pods(LabelSelector.of({ labels: { app: 'web' } }));

describe('uniqueRules', () => {
  test('keeps the first of equal rules, in first-seen order', () => {
    const first = { peers: [web, Peer.anyIpv4()], ports: [PortRange.HTTP] };
    const rules = uniqueRules([first, { peers: [Peer.ipv4('0.0.0.0/0'), web] }, { peers: [Peer.anyIpv4(), web], ports: [PortRange.tcp(80)] }, {}]);
    expect(rules.map(renderEgressRule)).toEqual([
      { to: [web._toKube(), { ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 80 }] },
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }, web._toKube()] },
      {},
    ]);
  });

  test('removes repeats inside a rule', () => {
    expect(uniqueRules([{ peers: [web, web], ports: [PortRange.DNS_UDP, PortRange.DNS_UDP, PortRange.DNS_TCP] }]).map(renderIngressRule))
      .toEqual([{ from: [web._toKube()], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }]);
  });

  test('every peer differs from a listed peer, every port from listed ports', () => {
    expect(uniqueRules([{}, { peers: [Peer.allNamespaces()] }, { ports: [PortRange.allTcp()] }])).toHaveLength(3);
  });
});

test.each([
  ['ingress', { peers: [web] }, { from: [web._toKube()] }],
  ['egress', { peers: [web], ports: [PortRange.HTTPS] }, { to: [web._toKube()], ports: [{ protocol: 'TCP', port: 443 }] }],
  ['ingress', { ports: [PortRange.HTTPS] }, { ports: [{ protocol: 'TCP', port: 443 }] }],
  ['egress', {}, {}],
])('an %s rule renders', (direction, rule, kube) => {
  expect((direction === 'ingress' ? renderIngressRule : renderEgressRule)(rule)).toEqual(kube);
});
