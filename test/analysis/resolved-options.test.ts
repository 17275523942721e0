import { resolveOptions } from '../../src/analysis/resolved-options';

test('every option has its documented default', () => {
  expect(resolveOptions()).toEqual({
    ipBlocksMatchPodIps: true, allowSelfTraffic: true, allowNodeTraffic: true, defaultNamespace: 'default', strictCidr: true, clusterNetworkPolicyChannel: 'standard',
  });
  expect(resolveOptions({ strictCidr: false, defaultNamespace: 'x' })).toMatchObject({ strictCidr: false, defaultNamespace: 'x', allowSelfTraffic: true });
});
