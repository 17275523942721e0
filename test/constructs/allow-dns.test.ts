import { Chart, Testing } from 'cdk8s';
import { onlyPolicy } from './synth';
import { AllowDns, PolicyTarget } from '../../src/constructs';
import { Peer, PortRange } from '../../src/policy';
import { thrown } from '../thrown';

test('every pod of the namespace may reach kube-dns on UDP and TCP 53', () => {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  new AllowDns(chart, 'dns');
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart).spec).toEqual({
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    }],
  });
});

test('servers, ports and target are configurable', () => {
  const chart = Testing.chart();
  new AllowDns(chart, 'dns', {
    target: PolicyTarget.labels({ app: 'api' }),
    servers: [AllowDns.KUBE_DNS, Peer.ipv4('169.254.20.10/32')],
    ports: [PortRange.DNS_UDP, PortRange.DNS_TCP, PortRange.udp(5353)],
    metadata: { labels: { purpose: 'dns' } },
  });
  expect(Testing.synth(chart)).toMatchSnapshot();
  expect(onlyPolicy(chart).metadata).toEqual({ name: 'allow-dns-api', labels: { purpose: 'dns' } });
});

test('KUBE_DNS is kube-system pods labelled k8s-app=kube-dns', () => {
  expect(AllowDns.KUBE_DNS.toString()).toBe('pods(k8s-app=kube-dns) in namespace(kube-system)');
});

test.each([
  ['no servers', { servers: [] }, 'NP-INPUT[test/dns]: servers: is empty, which Kubernetes reads as every destination; list the DNS servers, or leave servers out for kube-dns'],
  ['no ports', { ports: [] }, 'NP-INPUT[test/dns]: ports: is empty, which Kubernetes reads as every port; list the ports, or leave ports out for UDP and TCP 53'],
])('%s is an error', (_name, props, message) => {
  expect(thrown(() => new AllowDns(Testing.chart(), 'dns', props))).toBe(message);
});
