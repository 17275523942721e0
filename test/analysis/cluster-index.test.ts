import { deployment, documents, pod, policy } from './manifests';
import { AnalysisOptions, ClusterModel } from '../../src/analysis';
import { ClusterIndex } from '../../src/analysis/cluster-index';

const indexOf = (manifests: any[], options?: AnalysisOptions): ClusterIndex => ClusterModel.fromManifests(documents(...manifests), options)._index;
const classOf = (index: ClusterIndex, name: string) => index.classOfWorkload[index.workloads.findIndex((w) => `${w.namespaceName}/${w.name}` === name)];
const namesOf = (index: ClusterIndex, classIds: number[]) =>
  index.workloads.filter((_, i) => classIds.includes(index.classOfWorkload[i])).map((w) => `${w.namespaceName}/${w.name}`).sort();

describe('pod classes', () => {
  test('workloads no policy can tell apart share a class; the classes of a namespace are consecutive', () => {
    const index = indexOf([
      deployment('x/a', { labels: { app: 'web' } }),
      deployment('x/b', { labels: { app: 'web' } }),
      deployment('y/c', { labels: { app: 'web' } }),
      deployment('x/d', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }),
      deployment('x/e', { labels: { app: 'web' }, hostNetwork: true }),
      deployment('x/f', { labels: { app: 'db' } }),
    ]);
    expect(index.classes.map((c) => namesOf(index, [c.id]))).toEqual([['x/a', 'x/b'], ['x/d'], ['x/e'], ['x/f'], ['y/c']]);
    expect(index.classSizes).toEqual([2, 1, 1, 1, 1]);
    expect([index.classRange(index.namespaceIds.get('x')!), index.classRange(index.namespaceIds.get('y')!)]).toEqual([[0, 4], [4, 5]]);
  });

  test('pod IPs split classes only by the ipBlocks that contain them', () => {
    const manifests = [
      pod('x/a', { labels: {}, ips: ['10.0.0.1'] }),
      pod('x/b', { labels: {}, ips: ['10.0.0.2'] }),
      pod('x/c', { labels: {}, ips: ['192.168.0.1'] }),
      policy('x/p', { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] }),
    ];
    expect(indexOf(manifests).classSizes).toEqual([2, 1]);
    expect(indexOf(manifests, { ipBlocksMatchPodIps: false }).classSizes).toEqual([3]);
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
