import { documents, pod, workload } from './manifests';
import { readManifests } from '../../src/analysis/manifest-reader';
import { groupWorkloads } from '../../src/analysis/workload-grouping';

const group = (...manifests: any[]) => {
  const contents = readManifests(documents(...manifests), 'default');
  return groupWorkloads(contents.pods, contents.controllers);
};
const summary = (...manifests: any[]) => group(...manifests).workloads.map((w) => `${w.kind} ${w.namespaceName}/${w.name}${w.group ? `[${w.group}]` : ''}: ${w.pods.join(',') || 'template'}`);
const hash = (h: string) => ({ 'app': 'web', 'pod-template-hash': h });

describe('groupWorkloads', () => {
  test('Pod -> ReplicaSet -> Deployment, all in the input: one workload, counted once, named after the Deployment', () => {
    expect(summary(
      workload('Deployment', 'x/web', { labels: { app: 'web' } }),
      workload('ReplicaSet', 'x/web-7d9f8b6c4', { owner: 'Deployment/web', labels: hash('7d9f8b6c4') }),
      workload('ReplicaSet', 'x/web-5c4b', { owner: 'Deployment/web', labels: hash('5c4b'), replicas: 0 }),
      pod('x/web-7d9f8b6c4-abcde', { owner: 'ReplicaSet/web-7d9f8b6c4', labels: hash('7d9f8b6c4') }),
      pod('x/web-7d9f8b6c4-fghij', { owner: 'ReplicaSet/web-7d9f8b6c4', labels: hash('7d9f8b6c4') }),
    )).toEqual(['Deployment x/web: web-7d9f8b6c4-abcde,web-7d9f8b6c4-fghij']);
  });

  test('only the pods: the Deployment is inferred from the ReplicaSet name and the pod-template-hash label', () => {
    expect(summary(
      pod('x/api-6b9d8c7f5-aaaaa', { owner: 'ReplicaSet/api-6b9d8c7f5', labels: { 'app': 'api', 'pod-template-hash': '6b9d8c7f5' } }),
      pod('x/api-6b9d8c7f5-bbbbb', { owner: 'ReplicaSet/api-6b9d8c7f5', labels: { 'app': 'api', 'pod-template-hash': '6b9d8c7f5' } }),
      pod('x/lone-1a-ccccc', { owner: 'ReplicaSet/lone-1a' }),
    )).toEqual(['Deployment x/api: api-6b9d8c7f5-aaaaa,api-6b9d8c7f5-bbbbb', 'ReplicaSet x/lone-1a: lone-1a-ccccc']);
  });

  test('a ReplicaSet without its Deployment and without pods stands for its template, old ones (0 replicas) left out', () => {
    expect(summary(
      workload('ReplicaSet', 'x/web-new', { owner: 'Deployment/web', labels: { app: 'web', v: '2' }, replicas: 2 }),
      workload('ReplicaSet', 'x/web-old', { owner: 'Deployment/web', labels: { app: 'web', v: '1' }, replicas: 0 }),
    )).toEqual(['Deployment x/web: template']);
    expect(group(workload('ReplicaSet', 'x/web-new', { owner: 'Deployment/web', labels: { app: 'web', v: '2' } })).workloads[0].labels).toEqual({ app: 'web', v: '2' });
  });

  test('StatefulSet pods, whose per-pod labels differ by design, are one workload with the labels they share', () => {
    const pods = [0, 1].map((i) => pod(`x/db-${i}`, {
      owner: 'StatefulSet/db',
      labels: { 'app': 'db', 'statefulset.kubernetes.io/pod-name': `db-${i}`, 'apps.kubernetes.io/pod-index': `${i}`, 'controller-revision-hash': 'db-5f' },
    }));
    const { workloads, findings } = group(workload('StatefulSet', 'x/db'), ...pods);
    expect(workloads).toHaveLength(1);
    expect(workloads[0]).toMatchObject({ kind: 'StatefulSet', labels: { 'app': 'db', 'controller-revision-hash': 'db-5f' }, pods: ['db-0', 'db-1'] });
    expect(findings).toEqual([]);
  });

  test('DaemonSet pods on several nodes: one workload, its nodes listed', () => {
    const pods = ['a', 'b'].map((n) => pod(`kube-system/proxy-${n}`, { owner: 'DaemonSet/proxy', labels: { app: 'proxy' }, hostNetwork: true, node: `node-${n}` }));
    expect(group(...pods).workloads).toEqual([expect.objectContaining({ kind: 'DaemonSet', name: 'proxy', hostNetwork: true, nodes: ['node-a', 'node-b'] })]);
  });

  test('Pod -> Job -> CronJob, with or without the Job in the input', () => {
    expect(summary(
      workload('CronJob', 'x/backup'),
      workload('Job', 'x/backup-28473920', { owner: 'CronJob/backup' }),
      pod('x/backup-28473920-xk2lp', { owner: 'Job/backup-28473920', labels: { 'app': 'backup', 'job-name': 'backup-28473920' } }),
      pod('x/backup-28473980-q9z8v', { owner: 'Job/backup-28473980', labels: { 'app': 'backup', 'job-name': 'backup-28473980' } }),
      pod('x/migrate-8z2kd', { owner: 'Job/migrate' }),
    )).toEqual(['CronJob x/backup: backup-28473920-xk2lp,backup-28473980-q9z8v', 'Job x/migrate: migrate-8z2kd']);
  });

  test('static pods (owned by their Node) are bare pods; other controller kinds group their pods', () => {
    expect(summary(
      pod('kube-system/kube-apiserver-node-a', { owner: 'Node/node-a' }),
      workload('ReplicaSet', 'x/canary-1f', { owner: 'Rollout/canary' }),
      pod('x/canary-1f-zzzzz', { owner: 'ReplicaSet/canary-1f' }),
      pod('x/bare'),
    )).toEqual(['Pod kube-system/kube-apiserver-node-a: kube-apiserver-node-a', 'Rollout x/canary: canary-1f-zzzzz', 'Pod x/bare: bare']);
  });

  test('pods of one workload that differ in labels or ports form groups, each evaluated on its own, and are reported', () => {
    const { workloads, findings } = group(
      workload('Deployment', 'x/web'),
      pod('x/web-1-a', { owner: 'Deployment/web', labels: { app: 'web', version: 'v1' } }),
      pod('x/web-2-b', { owner: 'Deployment/web', labels: { app: 'web', version: 'v2' }, ports: [{ containerPort: 8080 }] }),
      pod('x/web-1-c', { owner: 'Deployment/web', labels: { app: 'web', version: 'v1' } }),
    );
    expect(workloads.map((w) => [w.group, w.pods, w.labels])).toEqual([
      [1, ['web-1-a', 'web-1-c'], { app: 'web', version: 'v1' }],
      [2, ['web-2-b'], { app: 'web', version: 'v2' }],
    ]);
    expect(findings).toEqual([expect.objectContaining({
      subject: 'x/web',
      rule: 'NP-INPUT-WORKLOAD-PODS',
      message: 'its pods differ in labels (version) and container ports, so each group is evaluated on its own: [1] web-1-a, web-1-c; [2] web-2-b',
    })]);
  });

  test('pods name their workload; an ownership loop in the input ends', () => {
    const { workloads, pods } = group(
      workload('ReplicaSet', 'x/a', { owner: 'ReplicaSet/b' }),
      workload('ReplicaSet', 'x/b', { owner: 'ReplicaSet/a' }),
      pod('x/p', { owner: 'ReplicaSet/a' }),
    );
    expect(workloads.length).toBeGreaterThan(0);
    expect(pods).toEqual([expect.objectContaining({ name: 'p', workload: expect.any(Number) })]);
  });

  test('workloads come in reading order, whichever object of theirs comes first', () => {
    expect(summary(pod('x/late-1a-b', { owner: 'ReplicaSet/late-1a', labels: { 'app': 'late', 'pod-template-hash': '1a' } }), pod('x/bare'), workload('Deployment', 'x/late'))
      .map((s) => s.split(':')[0])).toEqual(['Deployment x/late', 'Pod x/bare']);
  });
});
