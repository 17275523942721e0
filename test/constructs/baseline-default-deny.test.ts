import { Testing } from 'cdk8s';
import { BaselineDefaultDeny } from '../../src/constructs';
import { TrafficDirection } from '../../src/k8s';
import { ClusterPolicyPeer, ClusterPolicyPort, ClusterPolicySubject } from '../../src/policy';
import { thrown } from '../thrown';

test('denies ingress from pods and egress everywhere, outside kube-system, with DNS allowed first', () => {
  const chart = Testing.chart();
  new BaselineDefaultDeny(chart, 'default-deny', { priority: 100, allowDns: true });
  expect(Testing.synth(chart)).toMatchSnapshot();
});

test.each([
  [[TrafficDirection.INGRESS], ['deny all ingress from pods'], []],
  [[TrafficDirection.EGRESS], [], ['deny all egress']],
])('directions %j', (directions, ingress, egress) => {
  const chart = Testing.chart();
  new BaselineDefaultDeny(chart, 'd', { priority: 1, directions, subject: ClusterPolicySubject.allNamespaces() });
  const [policy] = Testing.synth(chart);
  expect((policy.spec.ingress ?? []).map((r: any) => r.name)).toEqual(ingress);
  expect((policy.spec.egress ?? []).map((r: any) => r.name)).toEqual(egress);
  expect(policy.spec.subject).toEqual({ namespaces: {} });
});

test('DNS elsewhere', () => {
  const chart = Testing.chart();
  new BaselineDefaultDeny(chart, 'd', { priority: 1, allowDns: true, dns: { servers: [ClusterPolicyPeer.networks(['169.254.20.10/32'])], ports: [ClusterPolicyPort.DNS_UDP] } });
  const [policy] = Testing.synth(chart);
  expect(policy.spec.egress[0]).toEqual({
    name: 'allow DNS to networks(169.254.20.10/32)', action: 'Accept', to: [{ networks: ['169.254.20.10/32'] }], protocols: [{ udp: { destinationPort: { number: 53 } } }],
  });
});

test.each([
  [{ priority: 1, directions: [] }, 'directions: is empty'],
  [{ priority: 1, dns: {} }, 'dns: is only used with allowDns: true'],
  [{ priority: 1, allowDns: true, directions: [TrafficDirection.INGRESS] }, 'allowDns: egress is not denied'],
])('refuses %j', (props, message) => {
  expect(thrown(() => new BaselineDefaultDeny(Testing.chart(), 'd', props))).toContain(message);
});
