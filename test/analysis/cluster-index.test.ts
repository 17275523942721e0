import { deployment, documents, namespace, pod, policy } from './manifests';
import { AnalysisOptions, ClusterModel } from '../../src/analysis';
import { ClusterIndex } from '../../src/analysis/cluster-index';

const indexOf = (manifests: any[], options?: AnalysisOptions): ClusterIndex => ClusterModel.fromManifests(documents(...manifests), options)._index;
const classOf = (index: ClusterIndex, name: string) => index.classOfWorkload[index.workloads.findIndex((w) => `${w.namespaceName}/${w.name}` === name)];
const namesOf = (index: ClusterIndex, classIds: number[]) =>
  index.workloads.filter((_, i) => classIds.includes(index.classOfWorkload[i])).map((w) => `${w.namespaceName}/${w.name}`).sort();
const classSizes = (index: ClusterIndex) => index.classes.map((c) => index.classOfWorkload.filter((id) => id === c.id).length);

describe('pod classes', () => {
  test('workloads no policy can tell apart share a class', () => {
    const index = indexOf([
      deployment('x/a', { labels: { app: 'web' } }),
      deployment('x/b', { labels: { app: 'web' } }),
      deployment('y/c', { labels: { app: 'web' } }),
      deployment('x/d', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }),
      deployment('x/e', { labels: { app: 'web' }, hostNetwork: true }),
      deployment('x/f', { labels: { app: 'db' } }),
    ]);
    expect(index.classes.map((c) => namesOf(index, [c.id]))).toEqual([['x/a', 'x/b'], ['y/c'], ['x/d'], ['x/e'], ['x/f']]);
  });

  test('pod IPs split classes only by the ipBlocks that contain them', () => {
    const manifests = [
      pod('x/a', { labels: {}, ips: ['10.0.0.1'] }),
      pod('x/b', { labels: {}, ips: ['10.0.0.2'] }),
      pod('x/c', { labels: {}, ips: ['192.168.0.1'] }),
      policy('x/p', { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] }),
    ];
    expect(classSizes(indexOf(manifests))).toEqual([2, 1]);
    expect(classSizes(indexOf(manifests, { ipBlocksMatchPodIps: false }))).toEqual([3]);
  });
});

describe('policy selection', () => {
  test('a policy isolates the classes it selects in its own namespace, per direction', () => {
    const index = indexOf([
      pod('x/web'), pod('x/db'), pod('y/db', { labels: { app: 'db' } }), pod('x/host', { labels: { app: 'db' }, hostNetwork: true }),
      policy('x/ingress', { podSelector: { matchLabels: { app: 'db' } } }),
      policy('x/egress', { podSelector: {}, policyTypes: ['Egress'] }),
    ]);
    const policies = (ids: number[]) => ids.map((id) => index.policies[id].id);
    expect(policies(index.ingressPolicies[classOf(index, 'x/db')])).toEqual(['x/ingress']);
    expect(policies(index.ingressPolicies[classOf(index, 'x/web')])).toEqual([]);
    expect(policies(index.ingressPolicies[classOf(index, 'y/db')])).toEqual([]);
    expect(policies(index.ingressPolicies[classOf(index, 'x/host')])).toEqual([]);
    expect(policies(index.egressPolicies[classOf(index, 'x/web')])).toEqual(['x/egress']);
    expect(policies(index.egressPolicies[classOf(index, 'x/host')])).toEqual([]);
  });
});

describe('peerClasses', () => {
  const manifests = [
    namespace('x', { team: 'red' }), namespace('y', { team: 'red' }), namespace('z', { team: 'blue' }),
    pod('x/web', { labels: { app: 'web' } }), pod('y/web', { labels: { app: 'web' } }), pod('z/web', { labels: { app: 'web' } }),
    pod('y/db', { labels: { app: 'db' }, ips: ['10.0.0.5'] }), pod('y/agent', { labels: { app: 'web' }, hostNetwork: true, ips: ['10.0.0.9'] }),
    policy('x/p', {
      ingress: [{
        from: [
          { podSelector: { matchLabels: { app: 'web' } } },
          { namespaceSelector: { matchLabels: { team: 'red' } } },
          { namespaceSelector: { matchLabels: { team: 'red' } }, podSelector: { matchLabels: { app: 'web' } } },
          { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] } },
          { ipBlock: { cidr: '10.0.0.0/24' } },
        ],
      }],
    }),
  ];

  test.each([
    [0, 'podSelector alone: the policy namespace', ['x/web']],
    [1, 'namespaceSelector alone: every pod there (not hostNetwork)', ['x/web', 'y/db', 'y/web']],
    [2, 'both: ANDed', ['x/web', 'y/web']],
    [3, 'negative pod selector across namespaces', ['x/web', 'y/web', 'z/web']],
    [4, 'ipBlock: pods and hostNetwork pods whose IP it contains', ['y/agent', 'y/db']],
  ])('peer %i, %s', (peerIndex, _, expected) => {
    const index = indexOf(manifests);
    const peer = index.policies[0].ingress![0].peers![peerIndex];
    expect(namesOf(index, index.peerClasses(peer, 'x'))).toEqual(expected);
  });

  test('ipBlocks match only hostNetwork pods without ipBlocksMatchPodIps', () => {
    const index = indexOf(manifests, { ipBlocksMatchPodIps: false });
    expect(namesOf(index, index.peerClasses(index.policies[0].ingress![0].peers![4], 'x'))).toEqual(['y/agent']);
  });

  test('results are cached by peer key', () => {
    const index = indexOf(manifests);
    const peer = index.policies[0].ingress![0].peers![2];
    expect(index.peerClasses(peer, 'x')).toBe(index.peerClasses(peer, 'x'));
  });
});
