import { LabelExpression, LabelSelector } from '../../src/policy';
import { ClusterPolicyPeer } from '../../src/policy/cluster-policy-peer';
import { thrown } from '../thrown';

test.each([
  [ClusterPolicyPeer.allNamespaces(), { namespaces: {} }, 'all namespaces', true],
  [ClusterPolicyPeer.namespaceNamed('monitoring'), { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }, 'namespace(monitoring)', true],
  [ClusterPolicyPeer.namespacesNamed(['a', 'b', 'a']),
    { namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] }] } },
    'namespaces(kubernetes.io/metadata.name in (a,b))', true],
  [ClusterPolicyPeer.pods(LabelSelector.of({ labels: { app: 'x' } })), { pods: { podSelector: { matchLabels: { app: 'x' } } } }, 'pods(app=x) in every namespace', true],
  [ClusterPolicyPeer.podsInNamespaceNamed('kube-system', LabelSelector.all()),
    { pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: {} } }, 'pods(*) in namespace(kube-system)', true],
  [ClusterPolicyPeer.networks(['10.0.0.1/8', 'fd00::/8']), { networks: ['10.0.0.1/8', 'fd00::/8'] }, 'networks(10.0.0.1/8, fd00::/8)', false],
  [ClusterPolicyPeer.allNodes(), { nodes: {} }, 'all nodes', false],
  [ClusterPolicyPeer.nodes(LabelSelector.of({ expressions: [LabelExpression.exists('node-role.kubernetes.io/control-plane')] })),
    { nodes: { matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] } },
    'nodes(node-role.kubernetes.io/control-plane)', false],
  [ClusterPolicyPeer.domainNames(['*.example.com', '_srv.example.com']), { domainNames: ['*.example.com', '_srv.example.com'] },
    'domainNames(*.example.com, _srv.example.com)', false],
])('%s renders, reads and says whether it can be a source', (peer, json, text, ingress) => {
  expect(peer._toKube()).toEqual(json);
  expect(peer.toString()).toBe(text);
  expect(peer.ingressCapable).toBe(ingress);
});

test('the rendered JSON is a copy', () => {
  const peer = ClusterPolicyPeer.networks(['10.0.0.0/8']);
  peer._toKube().networks!.push('x');
  expect(peer._toKube()).toEqual({ networks: ['10.0.0.0/8'] });
});

test.each([
  [() => ClusterPolicyPeer.networks([]), 'cidrs: has 0 entries; give 1 to 25'],
  [() => ClusterPolicyPeer.networks(Array.from({ length: 26 }, (_, i) => `10.0.${i}.0/24`)), 'cidrs: has 26 entries'],
  [() => ClusterPolicyPeer.networks(['10.0.0.0/8', '10.0.0.0/8']), 'cidrs[1] "10.0.0.0/8": is listed twice'],
  [() => ClusterPolicyPeer.networks(['010.0.0.0/8']), 'cidrs[0] "010.0.0.0/8": is not a CIDR the CRD accepts'],
  [() => ClusterPolicyPeer.networks(['::ffff:10.0.0.0/104']), 'no IPv4-mapped IPv6 address'],
  [() => ClusterPolicyPeer.networks(['2001:0db8:0000:0000:0000:0000:0000:00000/128']), 'is longer than 43 characters'],
  [() => ClusterPolicyPeer.domainNames(['kubernetes']), 'names[0] "kubernetes": is not a domain name the CRD accepts'],
  [() => ClusterPolicyPeer.domainNames([]), 'names: has 0 entries'],
  [() => ClusterPolicyPeer.namespaceNamed('Not_A_Name'), 'ClusterPolicyPeer.namespaceNamed'],
  [() => ClusterPolicyPeer.namespacesNamed([]), 'names: is empty, which selects no namespace'],
])('refuses what the CRD refuses: %#', (build, message) => {
  expect(thrown(build)).toContain(message);
});

test('KUBE_DNS is the kube-dns pods of kube-system', () => {
  expect(ClusterPolicyPeer.KUBE_DNS.toString()).toBe('pods(k8s-app=kube-dns) in namespace(kube-system)');
});
