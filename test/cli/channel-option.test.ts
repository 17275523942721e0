import { CHANNEL_OPTION, clusterPolicyChannel } from '../../src/cli/channel-option';
import { parseArgs } from '../../src/cli/parse-args';
import { ClusterNetworkPolicyChannel } from '../../src/validation';

describe('--channel', () => {
  test.each([
    [[], ClusterNetworkPolicyChannel.STANDARD],
    [['--channel', 'standard'], ClusterNetworkPolicyChannel.STANDARD],
    [['--channel', 'experimental'], ClusterNetworkPolicyChannel.EXPERIMENTAL],
  ])('%j gives %s', (args, channel) => {
    expect(clusterPolicyChannel(parseArgs(args, [CHANNEL_OPTION]))).toBe(channel);
  });

  test('anything else names the choices', () => {
    expect(() => clusterPolicyChannel(parseArgs(['--channel', 'Experimental'], [CHANNEL_OPTION])))
      .toThrow('--channel must be one of standard, experimental, not "Experimental"');
  });
});
