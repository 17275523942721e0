import { documents, pod } from './manifests';
import { ClusterModel } from '../../src/analysis';
import { closeMatches, EndpointResolver } from '../../src/analysis/endpoint';

const resolver = new EndpointResolver(ClusterModel.fromManifests(documents(
  pod('x/web', { ips: ['10.0.0.1'] }),
  pod('x/a', { ips: ['10.0.0.2'] }), pod('x/b', { ips: ['10.0.0.2'] }),
  pod('x/host', { hostNetwork: true, ips: ['10.0.0.3'] }),
)));

describe('EndpointResolver', () => {
  test.each([
    ['x/web', { label: 'x/web', kind: 'pod', workload: 0 }],
    ['10.0.0.1', { label: 'x/web', kind: 'pod', workload: 0 }],
    ['10.0.0.2', { label: '10.0.0.2', kind: 'outside' }],
    ['10.0.0.3', { label: '10.0.0.3', kind: 'outside' }],
    ['x/host', { label: 'x/host', kind: 'hostNetwork', workload: 3 }],
    ['2001:db8::1', { label: '2001:db8::1', kind: 'outside' }],
    ['node', { label: 'node', kind: 'node' }],
  ])('%s', (text, expected) => {
    expect(resolver.resolve(text, 'source')).toMatchObject(expected);
  });

  test('node is only a source', () => {
    expect(() => resolver.resolve('node', 'destination')).toThrow('"node" can only be a source');
  });

  test('an unknown endpoint lists close matches', () => {
    expect(() => resolver.resolve('x/wbe', 'destination')).toThrow('NP-INPUT[destination]: unknown endpoint "x/wbe"; close matches: x/web');
    expect(() => resolver.resolve('10.0.0.300', 'source')).toThrow('unknown endpoint "10.0.0.300"');
  });
});

describe('closeMatches', () => {
  test('ranks by edit distance, and by the same name in another namespace', () => {
    expect(closeMatches('prod/db', ['dev/db', 'prod/dbx', 'prod/web', 'stage/db'])).toEqual(['dev/db', 'stage/db', 'prod/dbx']);
    expect(closeMatches('completely/else', ['x/y'])).toEqual([]);
  });

  test('returns at most five', () => {
    expect(closeMatches('a/x', ['b/x', 'c/x', 'd/x', 'e/x', 'f/x', 'g/x'])).toHaveLength(5);
  });
});
