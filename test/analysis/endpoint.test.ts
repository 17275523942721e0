import { documents, pod, workload } from './manifests';
import { ClusterModel } from '../../src/analysis';
import { closeMatches, EndpointResolver, soleOwnedPodIps } from '../../src/analysis/endpoint';
import { formatIpv4 } from '../../src/k8s/ip-address';

const node = (name: string, address: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { addresses: [{ type: 'InternalIP', address }] } });
const model = ClusterModel.fromManifests(documents(
  pod('x/web', { ips: ['10.0.0.1'] }),
  pod('x/a', { ips: ['10.0.0.2'] }), pod('x/b', { ips: ['10.0.0.2'] }),
  pod('x/host', { hostNetwork: true, ips: ['10.0.0.3'] }),
  workload('Deployment', 'x/api'),
  pod('x/api-1a-bbbbb', { owner: 'ReplicaSet/api-1a', labels: { 'app': 'api', 'pod-template-hash': '1a' }, ips: ['10.0.1.1'], node: 'node-a' }),
  pod('x/api-1a-ccccc', { owner: 'ReplicaSet/api-1a', labels: { 'app': 'api', 'pod-template-hash': '1a' }, ips: ['10.0.1.2'], node: 'node-b' }),
  pod('x/mixed-1', { owner: 'Deployment/mixed', labels: { v: '1' } }), pod('x/mixed-2', { owner: 'Deployment/mixed', labels: { v: '2' } }),
  pod('x/twice', { ips: ['10.0.0.4', '10.0.0.4'] }),
  node('node-a', '192.168.0.10'),
  node('node-c', '10.0.0.3'),
  node('node-d', '192.168.0.20'), node('node-e', '192.168.0.20'),
));
const resolver = new EndpointResolver(model);

describe('EndpointResolver', () => {
  test.each([
    ['x/web', { label: 'x/web', kind: 'pod', workload: 0 }],
    ['10.0.0.1', { label: 'x/web', kind: 'pod', workload: 0 }],
    ['10.0.0.2', { label: '10.0.0.2', kind: 'outside' }],
    ['x/host', { label: 'x/host', kind: 'hostNetwork', workload: 3 }],
    ['2001:db8::1', { label: '2001:db8::1', kind: 'outside' }],
    ['node', { label: 'node', kind: 'node', nodes: [] }],
    ['x/api', { label: 'x/api', kind: 'pod', workload: 4, nodes: ['node-a', 'node-b'] }],
    ['x/api-1a-bbbbb', { label: 'x/api-1a-bbbbb', kind: 'pod', workload: 4, nodes: ['node-a'] }],
    ['10.0.1.2', { label: 'x/api-1a-ccccc', kind: 'pod', workload: 4, nodes: ['node-b'] }],
    ['node:node-a', { label: 'node:node-a', kind: 'node', nodes: ['node-a'] }],
    ['node:node-b', { label: 'node:node-b', kind: 'node', nodes: ['node-b'], ips: [] }],
    ['192.168.0.10', { label: 'node:node-a', kind: 'node' }],
    ['10.0.0.3', { label: 'node:node-c', kind: 'node' }],
    ['x/mixed[2]', { label: 'x/mixed[2]', kind: 'pod' }],
    ['10.0.0.4', { label: 'x/twice', kind: 'pod' }],
    ['192.168.0.20', { label: '192.168.0.20', kind: 'outside' }],
  ])('%s', (text, expected) => {
    expect(resolver.resolve(text, 'source')).toMatchObject(expected);
  });

  test('the IPs a query resolves to a pod are those exactly one pod on the pod network lists', () => {
    expect(soleOwnedPodIps(model).map((ip) => formatIpv4(ip.value)).sort()).toEqual(['10.0.0.1', '10.0.0.4', '10.0.1.1', '10.0.1.2']);
  });

  test('node is only a source; node:<name> may be either', () => {
    expect(() => resolver.resolve('node', 'destination')).toThrow('"node" can only be a source');
    expect(resolver.resolve('node:node-a', 'destination').kind).toBe('node');
  });

  test('an unknown endpoint lists close matches among workloads and nodes', () => {
    expect(() => resolver.resolve('x/wbe', 'destination')).toThrow('NP-INPUT[destination]: unknown endpoint "x/wbe"; close matches: x/web');
    expect(() => resolver.resolve('node:node-x', 'destination')).toThrow('close matches: node:node-a, node:node-b, node:node-c');
    expect(() => resolver.resolve('10.0.0.300', 'source')).toThrow('unknown endpoint "10.0.0.300"');
  });

  test('a workload whose pods differ names its groups', () => {
    expect(() => resolver.resolve('x/mixed', 'source')).toThrow('the pods of "x/mixed" differ in labels or ports (see the model findings); name one of its groups: x/mixed[1], x/mixed[2]');
  });

  test('what is not a string is an input error, not a crash (issue 16)', () => {
    expect(() => resolver.resolve(5 as any, 'source')).toThrow('NP-INPUT[source]: must be a string');
  });
});

describe('closeMatches', () => {
  test('ranks by edit distance, and by the same name in another namespace', () => {
    expect(closeMatches('prod/db', ['dev/db', 'prod/dbx', 'prod/web', 'stage/db'])).toEqual(['dev/db', 'stage/db', 'prod/dbx']);
    expect(closeMatches('prod/frnotend', ['prod/frontend', 'prod/backend'])).toEqual(['prod/frontend']);
    expect(closeMatches('completely/else', ['x/y'])).toEqual([]);
  });

  test('returns at most five', () => {
    expect(closeMatches('a/x', ['b/x', 'c/x', 'd/x', 'e/x', 'f/x', 'g/x'])).toHaveLength(5);
  });

  test('stays fast on long input and many names (issue 16)', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `namespace-${i % 2000}/workload-with-a-long-name-${i}`);
    expect(closeMatches('namespace-7/workload-with-a-long-nmae-7', names)[0]).toBe('namespace-7/workload-with-a-long-name-7');
    // No text longer than a namespace and a name is close to one: only the same short name counts.
    const started = Date.now();
    expect(closeMatches('x'.repeat(100_000), names)).toEqual([]);
    expect(closeMatches(`${'y'.repeat(50_000)}/workload-with-a-long-name-5`, names)).toEqual(['namespace-5/workload-with-a-long-name-5']);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
