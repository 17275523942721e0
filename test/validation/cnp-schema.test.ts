import { ClusterNetworkPolicyChannel } from '../../src/validation';
import { clusterNetworkPolicySchema, DOMAIN_NAME_PATTERN } from '../../src/validation/cnp-schema';

const egressRule = (channel: ClusterNetworkPolicyChannel) => clusterNetworkPolicySchema(channel).properties!.spec.properties!.egress.items!;

test('the channels differ in the egress peers nodes and domainNames and in the egress rule\'s CEL rule', () => {
  const peers = (channel: ClusterNetworkPolicyChannel) => Object.keys(egressRule(channel).properties!.to.items!.properties!);
  expect(peers(ClusterNetworkPolicyChannel.STANDARD)).toEqual(['namespaces', 'pods', 'networks']);
  expect(peers(ClusterNetworkPolicyChannel.EXPERIMENTAL)).toEqual(['namespaces', 'pods', 'networks', 'nodes', 'domainNames']);
  expect(egressRule(ClusterNetworkPolicyChannel.STANDARD).rules).toEqual([]);
  expect(egressRule(ClusterNetworkPolicyChannel.EXPERIMENTAL).rules!.map((r) => r.rule)).toEqual(['NP-VAL-CNP-NAMED-PORT-PEER']);
});

test.each([
  ['_srv.example.com', true], ['[a.example.com', true], ['`a.example.com', true], ['*.kubernetes.io', true], ['kubernetes.io.', true],
  ['a_.example.com', false], ['{a.example.com', false], ['kubernetes', false], ['*.io', false],
])('the domain name pattern keeps the CRD\'s a-zA-z quirk: %j matches: %s', (name, matches) => {
  expect(new RegExp(DOMAIN_NAME_PATTERN).test(name)).toBe(matches);
});
