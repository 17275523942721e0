import { documents, namespace, pod, policy } from './manifests';
import { AnalysisOptions, ClusterModel } from '../../src/analysis';
import { Bitset } from '../../src/analysis/bitset';
import { ClusterIndex } from '../../src/analysis/cluster-index';
import { ClassSet, PeerResolver } from '../../src/analysis/peer-resolver';

// Enough classes (75) that peers matching, or looking among, fewer than 75 / 32 classes are kept as lists.
const fillers = Array.from({ length: 70 }, (_, i) => pod(`filler/p${i}`, { labels: { app: `filler-${i}` } }));
const manifests = [
  namespace('x', { team: 'red' }), namespace('y', { team: 'red' }), namespace('z', { team: 'blue' }),
  pod('x/web', { labels: { app: 'web' } }), pod('y/web', { labels: { app: 'web' } }), pod('z/web', { labels: { app: 'web' } }),
  pod('y/db', { labels: { app: 'db' }, ips: ['10.0.0.5'] }), pod('y/agent', { labels: { app: 'web' }, hostNetwork: true, ips: ['10.0.0.9'] }),
  ...fillers,
  policy('x/p', {
    ingress: [{
      from: [
        { podSelector: { matchLabels: { app: 'web' } } },
        { namespaceSelector: { matchLabels: { team: 'red' } } },
        { namespaceSelector: { matchLabels: { team: 'red' } }, podSelector: { matchLabels: { app: 'web' } } },
        { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] } },
        { ipBlock: { cidr: '10.0.0.0/24' } },
        { namespaceSelector: {}, podSelector: { matchLabels: { app: 'db' } } },
        { namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } },
      ],
    }],
  }),
];

const indexOf = (options?: AnalysisOptions): ClusterIndex => ClusterModel.fromManifests(documents(...manifests), options)._index;
const namesOf = (index: ClusterIndex, set: ClassSet) => {
  const ids: number[] = [];
  if (set instanceof Bitset) {
    set.forEach((id) => ids.push(id));
  } else {
    ids.push(...set);
  }
  return index.workloads.filter((_, i) => ids.includes(index.classOfWorkload[i])).map((w) => `${w.namespaceName}/${w.name}`).sort();
};
const fillerNames = fillers.map((f) => `filler/${f.metadata.name}`).sort();

describe('PeerResolver', () => {
  test.each([
    [0, 'podSelector alone: the policy namespace', ['x/web'], 'list'],
    [1, 'namespaceSelector alone: every pod there (not hostNetwork)', ['x/web', 'y/db', 'y/web'], 'bitset'],
    [2, 'both: ANDed', ['x/web', 'y/web'], 'bitset'],
    [3, 'a negative pod selector across namespaces', [...fillerNames, 'x/web', 'y/web', 'z/web'].sort(), 'bitset'],
    [4, 'ipBlock: pods and hostNetwork pods whose IP it contains', ['y/agent', 'y/db'], 'list'],
    [5, 'a selective pod selector in many namespaces', ['y/db'], 'list'],
    [6, 'a wide selector, requirement by requirement', fillerNames, 'bitset'],
  ])('peer %i, %s', (peerIndex, _, expected, form) => {
    const index = indexOf();
    const classes = new PeerResolver(index).classesOf(index.policies[0].ingress![0].peers![peerIndex], 'x');
    expect(namesOf(index, classes)).toEqual(expected);
    expect(classes instanceof Bitset ? 'bitset' : 'list').toBe(form);
  });

  test('ipBlocks match only hostNetwork pods without ipBlocksMatchPodIps', () => {
    const index = indexOf({ ipBlocksMatchPodIps: false });
    expect(namesOf(index, new PeerResolver(index).classesOf(index.policies[0].ingress![0].peers![4], 'x'))).toEqual(['y/agent']);
  });

  test('each peer is resolved once', () => {
    const index = indexOf();
    const resolver = new PeerResolver(index);
    const peer = index.policies[0].ingress![0].peers![3];
    expect(resolver.classesOf(peer, 'x')).toBe(resolver.classesOf(peer, 'x'));
  });
});
