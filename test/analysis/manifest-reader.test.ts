import { clusterPolicy, deployment, documents, namespace, pod, policy } from './manifests';
import { readManifests } from '../../src/analysis/manifest-reader';
import { Protocol } from '../../src/k8s/protocol';

describe('readManifests', () => {
  test('sorts objects into namespaces, workloads and policies; other kinds only imply their namespace', () => {
    const contents = readManifests(documents(
      namespace('a', { x: 'y' }),
      deployment('b/web'),
      policy('c/p', {}),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'd' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } },
    ), 'default');
    expect(contents.namespaces).toEqual([{ name: 'a', labels: { 'x': 'y', 'kubernetes.io/metadata.name': 'a' }, declared: true, origin: 'file.yaml:0' }]);
    expect(contents.workloads.map((w) => `${w.kind} ${w.namespaceName}/${w.name}`)).toEqual(['Deployment b/web']);
    expect(contents.policies.map((p) => `${p.namespaceName}/${p.name}`)).toEqual(['c/p']);
    expect([...contents.usedNamespaces].sort()).toEqual(['b', 'c', 'd']);
    expect(contents.findings).toEqual([]);
  });

  test('container ports default to TCP; non-numeric ports and non-string labels are ignored', () => {
    const manifest = pod('x/p', { ports: [{ name: 'a', containerPort: 80 }, { containerPort: 'x' as any }, { containerPort: 53, protocol: 'UDP' }] });
    manifest.metadata.labels = { app: 'p', replicas: 3 };
    const [workload] = readManifests(documents(manifest), 'default').workloads;
    expect(workload.ports).toEqual([{ name: 'a', port: 80, protocol: Protocol.TCP }, { name: undefined, port: 53, protocol: Protocol.UDP }]);
    expect(workload.labels).toEqual({ app: 'p' });
  });

  test('pod IPs: podIP and podIPs merged without duplicates; only Pods have them', () => {
    const manifest = pod('x/p');
    manifest.status = { podIP: 'fd00::1', podIPs: [{ ip: 'fd00::1' }, { ip: '10.0.0.7' }] };
    const [workload] = readManifests(documents(manifest), 'default').workloads;
    expect(workload.ipTexts).toEqual(['fd00::1', '10.0.0.7']);
    expect(workload.ips.map((ip) => ip.family)).toEqual([6, 4]);
  });

  test('the default origin is the document position', () => {
    expect(readManifests([{ manifest: {} }, { manifest: pod('x/p') }], 'default').workloads[0].origin).toBe('document 1');
  });

  test('a namespace declared twice keeps the first', () => {
    const contents = readManifests(documents(namespace('a', { v: '1' }), namespace('a', { v: '2' })), 'default');
    expect(contents.namespaces.map((ns) => ns.labels.v)).toEqual(['1']);
    expect(contents.findings[0]).toMatchObject({ subject: 'Namespace/a', rule: 'NP-INPUT-DUPLICATE' });
  });
});

describe('ClusterNetworkPolicies', () => {
  test('are read by name, cluster-scoped: a namespace in the manifest implies none', () => {
    const cnp = clusterPolicy('guard', { tier: 'Admin' });
    cnp.metadata.namespace = 'ignored';
    const contents = readManifests(documents(cnp, { ...clusterPolicy('other', {}), apiVersion: 'crd.antrea.io/v1beta1' }), 'default');
    expect(contents.clusterPolicies).toEqual([
      { name: 'guard', manifest: cnp, origin: 'file.yaml:0' },
      { name: 'other', manifest: expect.objectContaining({ apiVersion: 'crd.antrea.io/v1beta1' }), origin: 'file.yaml:1' },
    ]);
    expect([...contents.usedNamespaces]).toEqual([]);
    expect(contents.policies).toEqual([]);
  });

  test('one without a name is skipped, a second of a name ignored, each with a finding', () => {
    const contents = readManifests(documents({ ...clusterPolicy('x', {}), metadata: {} }, clusterPolicy('a', {}), clusterPolicy('a', { b: 1 })), 'default');
    expect(contents.clusterPolicies.map((p) => p.origin)).toEqual(['file.yaml:1']);
    expect(contents.findings.map((f) => [f.origin, f.subject, f.rule])).toEqual([
      ['file.yaml:0', '(unnamed ClusterNetworkPolicy)', 'NP-INPUT-NAME'],
      ['file.yaml:2', 'ClusterNetworkPolicy/a', 'NP-INPUT-DUPLICATE'],
    ]);
  });
});
