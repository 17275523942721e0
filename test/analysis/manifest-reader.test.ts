import { clusterPolicy, deployment, documents, namespace, pod, policy } from './manifests';
import { readManifests } from '../../src/analysis/manifest-reader';
import { Protocol } from '../../src/k8s/protocol';
import { FindingSeverity } from '../../src/validation/finding';

describe('readManifests', () => {
  test('sorts objects into namespaces, nodes, pods, workload objects and policies; other kinds only imply their namespace', () => {
    const contents = readManifests(documents(
      namespace('a', { x: 'y' }),
      deployment('b/web'),
      pod('b/web-1'),
      policy('c/p', {}),
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', namespace: 'ignored', labels: { zone: 'z' } }, status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }, { type: 'Hostname', address: 'n1' }] } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'd' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } },
    ), 'default');
    expect(contents.namespaces).toEqual([{ name: 'a', labels: { 'x': 'y', 'kubernetes.io/metadata.name': 'a' }, declared: true, origin: 'file.yaml:0' }]);
    expect(contents.controllers.map((w) => `${w.kind} ${w.namespaceName}/${w.name}`)).toEqual(['Deployment b/web']);
    expect(contents.pods.map((p) => `${p.namespaceName}/${p.name}`)).toEqual(['b/web-1']);
    expect(contents.nodes).toEqual([{ name: 'n1', labels: { zone: 'z' }, addresses: ['10.0.0.1'], origin: 'file.yaml:4' }]);
    expect(contents.policies.map((p) => `${p.namespaceName}/${p.name}`)).toEqual(['c/p']);
    expect([...contents.usedNamespaces].sort()).toEqual(['b', 'c', 'd']);
    expect(contents.findings).toEqual([]);
  });

  test('container ports default to TCP; ports no pod can have are reported on the workload and left out (issue 16)', () => {
    const manifest = pod('x/p', {
      ports: [{ name: 'a', containerPort: 80 }, { containerPort: 'x' as any }, { containerPort: 53, protocol: 'UDP' },
        { containerPort: 70000 }, { containerPort: Infinity }, { containerPort: 80.5 }, { containerPort: 81, protocol: 'tcp' }, { name: 'nameless' } as any],
    });
    manifest.metadata.labels = { app: 'p', replicas: 3 };
    const { pods: [workload], findings } = readManifests(documents(manifest), 'default');
    expect(workload.ports).toEqual([{ name: 'a', port: 80, protocol: Protocol.TCP }, { name: undefined, port: 53, protocol: Protocol.UDP }]);
    expect(workload.labels).toEqual({ app: 'p' });
    expect(findings.map((f) => [f.subject, f.field, f.message])).toEqual([
      ['x/p', 'spec.containers[0].ports[1]', 'containerPort "x" is not a number: this port is ignored'],
      ['x/p', 'spec.containers[0].ports[3]', 'containerPort 70000 is not a port number (1 to 65535): this port is ignored'],
      ['x/p', 'spec.containers[0].ports[4]', 'containerPort Infinity is not a port number (1 to 65535): this port is ignored'],
      ['x/p', 'spec.containers[0].ports[5]', 'containerPort 80.5 is not a port number (1 to 65535): this port is ignored'],
      ['x/p', 'spec.containers[0].ports[6]', 'protocol "tcp" is not TCP, UDP or SCTP: this port is ignored'],
      ['x/p', 'spec.containers[0].ports[7]', 'containerPort is missing: this port is ignored'],
    ]);
    expect(findings.every((f) => f.severity === FindingSeverity.WARNING && f.rule === 'NP-INPUT-CONTAINER-PORT')).toBe(true);
    const template = readManifests(documents(deployment('x/d', { ports: [{ containerPort: 0 }] })), 'default').findings[0];
    expect(template).toMatchObject({ subject: 'x/d', field: 'spec.template.spec.containers[0].ports[0]' });
  });

  test('a container port name no policy could name is reported on the workload; the port stays, by number (issue 16)', () => {
    const manifest = pod('x/p', { ports: [{ name: 'h\ufffd', containerPort: 80 }, { name: 'HTTP', containerPort: 81 }, { name: 5 as any, containerPort: 82 }, { name: 'web', containerPort: 83 }] });
    const { pods: [workload], findings } = readManifests(documents(manifest), 'default');
    expect(workload.ports.map((p) => `${p.name ?? '-'} ${p.port}`)).toEqual(['- 80', '- 81', '- 82', 'web 83']);
    expect(findings.map((f) => [f.field, f.message])).toEqual([
      ['spec.containers[0].ports[0].name', '"h\ufffd" is not a port name: it must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); '
        + 'no policy can name this port, which is kept by its number'],
      ['spec.containers[0].ports[1].name', '"HTTP" is not a port name: it must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); '
        + 'must contain at least one letter (a-z); no policy can name this port, which is kept by its number'],
      ['spec.containers[0].ports[2].name', '5 is not a port name: it must be a string, not number; no policy can name this port, which is kept by its number'],
    ]);
  });

  test('pods: IPs from podIP and podIPs merged without duplicates, the node, its host IPs, and the controller that owns it', () => {
    const manifest = pod('x/p');
    manifest.metadata.ownerReferences = [{ kind: 'Other', name: 'o' }, { kind: 'ReplicaSet', name: 'web-1a2b', controller: true }];
    manifest.spec.nodeName = 'node-a';
    manifest.status = { podIP: 'fd00::1', podIPs: [{ ip: 'fd00::1' }, { ip: '10.0.0.7' }], hostIP: '192.168.0.1', hostIPs: [{ ip: '192.168.0.1' }, { ip: 'fd01::1' }] };
    const [record] = readManifests(documents(manifest), 'default').pods;
    expect(record).toMatchObject({ ipTexts: ['fd00::1', '10.0.0.7'], nodeName: 'node-a', hostIps: ['192.168.0.1', 'fd01::1'], owner: { kind: 'ReplicaSet', name: 'web-1a2b' } });
    expect(record.ips.map((ip) => ip.family)).toEqual([6, 4]);
  });

  test('the default origin is the document position', () => {
    expect(readManifests([{ manifest: {} }, { manifest: pod('x/p') }], 'default').pods[0].origin).toBe('document 1');
  });

  test('a namespace declared twice keeps the first', () => {
    const contents = readManifests(documents(namespace('a', { v: '1' }), namespace('a', { v: '2' })), 'default');
    expect(contents.namespaces.map((ns) => ns.labels.v)).toEqual(['1']);
    expect(contents.findings[0]).toMatchObject({ subject: 'Namespace/a', rule: 'NP-INPUT-DUPLICATE' });
  });

  test('keys named like JavaScript built-ins are just keys (issue 16)', () => {
    const odd = JSON.parse('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"x","labels":{"constructor":"a","__proto__":"b","toString":"c"}},'
      + '"spec":{"constructor":{"a":1},"containers":[{"toString":1,"ports":[{"hasOwnProperty":2,"containerPort":80}]}]}}');
    const contents = readManifests(documents(odd, { apiVersion: 'v1', kind: 'constructor', metadata: { name: 'c' } }, { kind: 'toString', spec: { template: 'x' } }), 'default');
    expect(Object.entries(contents.pods[0].labels)).toEqual([['constructor', 'a'], ['__proto__', 'b'], ['toString', 'c']]);
    expect(contents.pods[0].ports).toEqual([{ name: undefined, port: 80, protocol: Protocol.TCP }]);
  });

  test('a List whose items are not a list is reported, not a crash (issue 16)', () => {
    const contents = readManifests([{ manifest: { apiVersion: 'v1', kind: 'List', items: 'oops' }, origin: 'l.yaml:1' }], 'default');
    expect(contents.findings).toEqual([expect.objectContaining({ origin: 'l.yaml:1', field: 'items', message: 'items must be a list of objects; skipped' })]);
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
