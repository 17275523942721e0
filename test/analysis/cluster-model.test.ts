import { clusterPolicy, deployment, documents, namespace, pod, policy, workload } from './manifests';
import { AnalysisOptions, ClusterModel, ManifestDocument } from '../../src/analysis';
import { InputError } from '../../src/k8s/input-error';
import { Protocol } from '../../src/k8s/protocol';
import { ClusterNetworkPolicyChannel } from '../../src/validation';
import { FindingSeverity } from '../../src/validation/finding';

const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } });

describe('namespaces', () => {
  test('declared ones keep their labels; every namespace gets kubernetes.io/metadata.name', () => {
    const model = ClusterModel.fromManifests(documents(namespace('prod', { team: 'red' }), pod('shop/web'), policy('ops/p', { podSelector: {} })));
    expect(model.namespaces).toEqual([
      { name: 'prod', labels: { 'team': 'red', 'kubernetes.io/metadata.name': 'prod' }, declared: true, origin: 'file.yaml:0' },
      { name: 'ops', labels: { 'kubernetes.io/metadata.name': 'ops' }, declared: false },
      { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' }, declared: false },
    ]);
  });

  test('any namespaced object implies its namespace; objects without one go to defaultNamespace', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'svc' } };
    const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} };
    expect(ClusterModel.fromManifests(documents(service, bare)).namespaces.map((ns) => ns.name)).toEqual(['default', 'svc']);
    const model = ClusterModel.fromManifests(documents(bare), { defaultNamespace: 'apps' });
    expect(model.namespaces.map((ns) => ns.name)).toEqual(['apps']);
    expect(model.workloads[0].endpoint).toBe('apps/p');
  });
});

describe('workloads', () => {
  test.each([
    ['Deployment', { template: template({ app: 'a' }) }],
    ['StatefulSet', { template: template({ app: 'a' }) }],
    ['DaemonSet', { template: template({ app: 'a' }) }],
    ['ReplicaSet', { template: template({ app: 'a' }) }],
    ['ReplicationController', { template: template({ app: 'a' }) }],
    ['Job', { template: template({ app: 'a' }) }],
    ['CronJob', { schedule: '@daily', jobTemplate: { spec: { template: template({ app: 'a' }) } } }],
  ])('%s stands for its pods (pod template labels and ports)', (kind, spec) => {
    const model = ClusterModel.fromManifests([{ manifest: { apiVersion: 'apps/v1', kind, metadata: { name: 'w', namespace: 'x', labels: { owner: 'me' } }, spec } }]);
    expect(model.workloads).toEqual([{
      endpoint: 'x/w',
      namespaceName: 'x',
      name: 'w',
      kind,
      labels: { app: 'a' },
      ports: [{ name: undefined, port: 80, protocol: Protocol.TCP }],
      ips: [],
      pods: [],
      nodes: [],
      hostNetwork: false,
      origin: 'document 0',
    }]);
  });

  test('pods: labels, named ports with protocols, IPs from podIP and podIPs', () => {
    const manifest = pod('x/p', { ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { containerPort: 80 }] });
    manifest.status = { podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] };
    const [podWorkload] = ClusterModel.fromManifests(documents(manifest)).workloads;
    expect(podWorkload).toMatchObject({
      labels: { app: 'p' },
      ports: [{ name: 'dns', port: 53, protocol: Protocol.UDP }, { port: 80, protocol: Protocol.TCP }],
      ips: ['10.0.0.1', 'fd00::1'],
    });
  });

  test('an unreadable pod IP is reported and ignored', () => {
    const manifest = pod('x/p', { ips: ['10.0.0.300'] });
    const model = ClusterModel.fromManifests(documents(manifest));
    expect(model.workloads[0].ips).toEqual([]);
    expect(model.findings).toEqual([expect.objectContaining({ severity: FindingSeverity.WARNING, subject: 'x/p', rule: 'NP-INPUT-POD-IP' })]);
  });

  test('hostNetwork workloads are flagged and reported', () => {
    const model = ClusterModel.fromManifests(documents(deployment('kube-system/agent', { hostNetwork: true })));
    expect(model.workloads[0].hostNetwork).toBe(true);
    expect(model.findings).toEqual([expect.objectContaining({
      severity: FindingSeverity.WARNING, origin: 'file.yaml:0', subject: 'kube-system/agent', field: 'spec.hostNetwork', rule: 'NP-INPUT-HOST-NETWORK',
    })]);
  });

  test('workloads of different kinds sharing a name are told apart by kind', () => {
    const model = ClusterModel.fromManifests(documents(deployment('x/web'), pod('x/web'), pod('x/db')));
    expect(model.workloads.map((w) => w.endpoint)).toEqual(['x/deployment/web', 'x/pod/web', 'x/db']);
  });
});

describe('documents', () => {
  test('kind: List items are read in turn (also nested), with their position in the origin', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [pod('x/a'), { apiVersion: 'v1', kind: 'PodList', items: [pod('x/b')] }] };
    const model = ClusterModel.fromManifests([{ manifest: list, origin: 'dump.yaml:0' }]);
    expect(model.workloads.map((w) => [w.endpoint, w.origin])).toEqual([['x/a', 'dump.yaml:0 items[0]'], ['x/b', 'dump.yaml:0 items[1] items[0]']]);
  });

  test('empty documents are skipped; other non-objects are reported', () => {
    const model = ClusterModel.fromManifests([{ manifest: null }, { manifest: 'text', origin: 'bad.yaml:1' }]);
    expect(model.findings).toEqual([{ severity: FindingSeverity.ERROR, origin: 'bad.yaml:1', subject: '(document)', field: '', rule: 'NP-INPUT-DOCUMENT', message: 'not a Kubernetes object; skipped' }]);
  });

  test('objects without a name are skipped and reported', () => {
    const model = ClusterModel.fromManifests(documents({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'p-', namespace: 'x' } }));
    expect(model.workloads).toEqual([]);
    expect(model.findings[0]).toMatchObject({ severity: FindingSeverity.WARNING, rule: 'NP-INPUT-NAME' });
  });

  test('a second definition of the same object is reported and ignored', () => {
    const model = ClusterModel.fromManifests(documents(pod('x/a', { labels: { v: '1' } }), pod('x/a', { labels: { v: '2' } })));
    expect(model.workloads.map((w) => w.labels)).toEqual([{ v: '1' }]);
    expect(model.findings[0]).toMatchObject({ origin: 'file.yaml:1', subject: 'x/a', rule: 'NP-INPUT-DUPLICATE', message: 'Pod defined again (first at file.yaml:0); this copy is ignored' });
  });
});

describe('policies', () => {
  test('valid policies are evaluated; policies without a namespace go to defaultNamespace', () => {
    const noNamespace = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' }, spec: {} };
    const model = ClusterModel.fromManifests(documents(noNamespace), { defaultNamespace: 'team' });
    expect(model.policies).toEqual([{ namespaceName: 'team', name: 'p', origin: 'file.yaml:0', evaluated: true }]);
    expect(model.findings).toEqual([]);
  });

  test('invalid policies are reported with their field path and excluded', () => {
    const model = ClusterModel.fromManifests(documents(policy('x/bad', { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] })));
    expect(model.policies).toEqual([{ namespaceName: 'x', name: 'bad', origin: 'file.yaml:0', evaluated: false }]);
    expect(model.findings).toEqual([expect.objectContaining({
      severity: FindingSeverity.ERROR, origin: 'file.yaml:0', subject: 'x/bad', field: 'spec.ingress[0].ports[0].port',
    })]);
    expect(model.findings[0].message).toMatch(/must be between 1 and 65535/);
  });

  test('strictCidr decides whether a CIDR with host bits is an error or a warning', () => {
    const manifests: ManifestDocument[] = documents(policy('x/p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.1/24' } }] }] }));
    expect(ClusterModel.fromManifests(manifests).policies[0].evaluated).toBe(false);
    const lenient = ClusterModel.fromManifests(manifests, { strictCidr: false });
    expect(lenient.policies[0].evaluated).toBe(true);
    expect(lenient.findings.map((f) => f.severity)).toEqual([FindingSeverity.WARNING]);
  });

  test.each([
    ['no apiVersion', undefined, FindingSeverity.ERROR, 'has no apiVersion: this NetworkPolicy is not evaluated (use networking.k8s.io/v1)'],
    ['the removed extensions/v1beta1', 'extensions/v1beta1', FindingSeverity.ERROR,
      '"extensions/v1beta1" no longer serves NetworkPolicy (removed in Kubernetes 1.16): this NetworkPolicy is not evaluated; use networking.k8s.io/v1'],
  ])('a NetworkPolicy with %s is an error, as check says (issue 16)', (_, apiVersion, severity, message) => {
    const model = ClusterModel.fromManifests(documents({ ...policy('x/p', {}), apiVersion }));
    expect(model.findings).toEqual([expect.objectContaining({ severity, field: 'apiVersion', message })]);
  });

  test('a NetworkPolicy of another API group is reported and not evaluated', () => {
    const calico = { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'c', namespace: 'x' }, spec: {} };
    const model = ClusterModel.fromManifests(documents(calico));
    expect(model.policies[0].evaluated).toBe(false);
    expect(model.findings).toEqual([expect.objectContaining({ severity: FindingSeverity.WARNING, field: 'apiVersion', rule: 'NP-INPUT-API-VERSION' })]);
  });

  test('an older networking.k8s.io version is invalid (the API server does not serve it)', () => {
    const old = { ...policy('x/old', {}), apiVersion: 'networking.k8s.io/v1beta1' };
    const model = ClusterModel.fromManifests(documents(old));
    expect(model.policies[0].evaluated).toBe(false);
    expect(model.findings[0]).toMatchObject({ severity: FindingSeverity.ERROR, field: 'apiVersion' });
  });
});

test('options are reported with their defaults filled in', () => {
  expect(ClusterModel.fromManifests([], { allowSelfTraffic: false }).options).toEqual({
    ipBlocksMatchPodIps: true, allowSelfTraffic: false, allowNodeTraffic: true, defaultNamespace: 'default', strictCidr: true, clusterNetworkPolicyChannel: 'standard',
  });
});

describe('ClusterNetworkPolicies', () => {
  const spec = { tier: 'Admin', priority: 10, subject: { namespaces: {} } };

  test('valid ones are compiled in reading order; each is listed with its tier and priority', () => {
    const model = ClusterModel.fromManifests(documents(
      clusterPolicy('b', { ...spec, tier: 'Baseline', priority: 3, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] }),
      clusterPolicy('a', spec),
    ));
    expect(model._clusterPolicies.map((p) => [p.name, p.tier, p.priority, p.order])).toEqual([['b', 'Baseline', 3, 0], ['a', 'Admin', 10, 1]]);
    expect(model.clusterPolicies).toEqual([
      { name: 'b', tier: 'Baseline', priority: 3, origin: 'file.yaml:0', evaluated: true },
      { name: 'a', tier: 'Admin', priority: 10, origin: 'file.yaml:1', evaluated: true },
    ]);
    expect(model.findings).toEqual([]);
  });

  test('an invalid one is left out, with the API server\'s findings', () => {
    const model = ClusterModel.fromManifests(documents(clusterPolicy('bad', { ...spec, priority: 1001, egress: [{ action: 'Deny', to: [{ nodes: {} }] }] })));
    expect(model._clusterPolicies).toEqual([]);
    expect(model.clusterPolicies).toEqual([{ name: 'bad', tier: 'Admin', priority: 1001, origin: 'file.yaml:0', evaluated: false }]);
    expect(model.findings.map((f) => [f.severity, f.subject, f.field, f.rule])).toEqual([
      [FindingSeverity.ERROR, 'ClusterNetworkPolicy/bad', 'spec.egress[0].to[0].nodes', 'NP-VAL-CNP-CHANNEL'],
      [FindingSeverity.ERROR, 'ClusterNetworkPolicy/bad', 'spec.priority', 'NP-VAL-CNP-BOUNDS'],
      [FindingSeverity.ERROR, 'ClusterNetworkPolicy/bad', 'spec.egress[0].to[0]', 'NP-VAL-CNP-ONE-OF'],
    ]);
  });

  test('the channel decides which peers exist', () => {
    const manifest = clusterPolicy('n', { ...spec, egress: [{ action: 'Deny', to: [{ nodes: {} }] }] });
    const model = ClusterModel.fromManifests(documents(manifest), { clusterNetworkPolicyChannel: ClusterNetworkPolicyChannel.EXPERIMENTAL });
    expect(model._clusterPolicies.map((p) => p.egress[0].peers[0].kind)).toEqual(['nodes']);
  });

  test('one whose selectors implementations cannot apply is left out; domain names are kept and flagged', () => {
    const model = ClusterModel.fromManifests(documents(
      clusterPolicy('op', { ...spec, subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Foo' }] } } }),
      clusterPolicy('dns', { ...spec, egress: [{ action: 'Accept', to: [{ domainNames: ['example.com'] }] }] }),
    ), { clusterNetworkPolicyChannel: ClusterNetworkPolicyChannel.EXPERIMENTAL });
    expect(model.clusterPolicies.map((p) => [p.name, p.evaluated])).toEqual([['op', false], ['dns', true]]);
    expect(model.findings.map((f) => [f.severity, f.subject, f.rule])).toEqual([
      [FindingSeverity.WARNING, 'ClusterNetworkPolicy/op', 'NP-VAL-CNP-SELECTOR'],
      [FindingSeverity.WARNING, 'ClusterNetworkPolicy/dns', 'NP-VAL-CNP-DOMAIN-NAMES'],
    ]);
  });

  test('a ClusterNetworkPolicy of another API (Antrea\'s) is not evaluated, with one warning', () => {
    const model = ClusterModel.fromManifests(documents({ ...clusterPolicy('antrea', { priority: 5 }), apiVersion: 'crd.antrea.io/v1beta1' }));
    expect(model.clusterPolicies).toEqual([{ name: 'antrea', priority: 5, origin: 'file.yaml:0', evaluated: false }]);
    expect(model.findings.map((f) => [f.severity, f.field, f.rule])).toEqual([[FindingSeverity.WARNING, 'apiVersion', 'NP-INPUT-API-VERSION']]);
  });
});

describe('pods and their workloads', () => {
  test('a workload with its pods in the input stands for them, once; pods differing in labels are groups named [n]', () => {
    const model = ClusterModel.fromManifests(documents(
      workload('Deployment', 'x/web'),
      pod('x/web-1a-b', { owner: 'ReplicaSet/web-1a', labels: { 'app': 'web', 'pod-template-hash': '1a' }, node: 'n1', ips: ['10.1.0.1'] }),
      pod('x/web-1a-c', { owner: 'ReplicaSet/web-1a', labels: { 'app': 'web', 'pod-template-hash': '1a' }, node: 'n2', ips: ['10.1.0.2'] }),
      pod('x/api-1', { owner: 'Deployment/api', labels: { app: 'api', v: '1' } }),
      pod('x/api-2', { owner: 'Deployment/api', labels: { app: 'api', v: '2' } }),
    ));
    expect(model.workloads.map((w) => [w.endpoint, w.kind, w.pods, w.nodes, w.ips])).toEqual([
      ['x/web', 'Deployment', ['web-1a-b', 'web-1a-c'], ['n1', 'n2'], ['10.1.0.1', '10.1.0.2']],
      ['x/api[1]', 'Deployment', ['api-1'], [], []],
      ['x/api[2]', 'Deployment', ['api-2'], [], []],
    ]);
    expect(model.workloads[0].labels).toEqual({ 'app': 'web', 'pod-template-hash': '1a' });
    expect(model.findings.map((f) => f.rule)).toEqual(['NP-INPUT-WORKLOAD-PODS']);
  });

  test('names with control characters are escaped in endpoints and policy ids (issue 16)', () => {
    const model = ClusterModel.fromManifests(documents(pod('x/evil\x1b[2J'), { ...policy('x/p\nq', { podSelector: {} }) }));
    expect(model.workloads[0].endpoint).toBe('x/evil\\x1b[2J');
    expect(model.findings.find((f) => f.field === 'metadata.name')?.subject).toBe('x/p\\nq');
  });
});

describe('nodes', () => {
  test('Node objects with their IP addresses, then nodes only pods name; every node gets its pods\' host IPs', () => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-b', labels: { zone: 'b' } },
      status: { addresses: [{ type: 'InternalIP', address: '10.0.0.11' }, { type: 'InternalIP', address: 'nonsense' }, { type: 'Hostname', address: 'node-b' }] },
    };
    const onA = pod('x/a', { node: 'node-a' });
    onA.status = { hostIP: '10.0.0.10', podIP: '10.244.0.5' };
    const hostNetwork = pod('x/h', { node: 'node-b', hostNetwork: true, ips: ['10.0.0.12'] });
    const model = ClusterModel.fromManifests(documents(onA, node, hostNetwork));
    expect(model.nodes).toEqual([
      { name: 'node-b', labels: { zone: 'b' }, addresses: ['10.0.0.11', '10.0.0.12'], declared: true, origin: 'file.yaml:1' },
      { name: 'node-a', labels: {}, addresses: ['10.0.0.10'], declared: false },
    ]);
    expect(model.findings).toContainEqual(expect.objectContaining({ subject: 'Node/node-b', field: 'status.addresses', rule: 'NP-INPUT-NODE-IP' }));
  });
});

describe('what the input does not show', () => {
  const selectByLabel = policy('kube-system/dns', {
    podSelector: {},
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { purpose: 'shop' } } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'x' } } }] }],
  });

  test('a namespaceSelector on labels is reported while some namespace has no Namespace object (issue 13)', () => {
    const model = ClusterModel.fromManifests(documents(selectByLabel, pod('shop/web'), pod('kube-system/dns')));
    expect(model.findings).toEqual([expect.objectContaining({
      subject: 'kube-system/dns',
      field: 'spec.ingress[0].from[0].namespaceSelector',
      rule: 'NP-INPUT-NAMESPACE-LABELS',
      message: expect.stringMatching(/^selects namespaces by their labels \(purpose\), but the input has no Namespace object for kube-system, shop: .*kubectl get ns -o yaml/),
    })]);
  });

  test('no finding when every namespace is declared, or when the selector only names namespaces', () => {
    const declared = ClusterModel.fromManifests(documents(namespace('kube-system'), namespace('shop'), selectByLabel, pod('shop/web')));
    expect(declared.findings).toEqual([]);
  });
});

describe('input from plain JavaScript (issue 16)', () => {
  test.each([
    ['documents that are not a list', () => ClusterModel.fromManifests('x' as any), /documents must be a list/],
    ['a document that is not an object', () => ClusterModel.fromManifests([null as any]), /documents\[0\] must be an object/],
    ['an origin that is not a string', () => ClusterModel.fromManifests([{ manifest: {}, origin: 5 as any }]), /documents\[0\] must be an object/],
    ['options that are not an object', () => ClusterModel.fromManifests([], 'x' as AnalysisOptions), /options\]: must be an object/],
    ['an option of the wrong type', () => ClusterModel.fromManifests([], { allowSelfTraffic: 'yes' as any, defaultNamespace: 5 as any }),
      /allowSelfTraffic must be true or false, not "yes"; defaultNamespace must be a namespace name, not 5/],
  ])('%s is an input error', (_, call, message) => {
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });
});

describe('nodes and ClusterNetworkPolicy peers', () => {
  const onNode = (ref: string, nodeName: string, hostIP: string, options: { hostNetwork?: boolean; ips?: string[] } = {}) => {
    const manifest = pod(ref, options);
    return { ...manifest, spec: { ...manifest.spec, nodeName }, status: { ...manifest.status ?? {}, hostIP } };
  };
  const nodeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { role: 'infra' } }, status: { addresses: [{ type: 'InternalIP', address: '192.168.0.1' }, { type: 'Hostname', address: 'n1' }] } };

  test('Node objects first, with their pods\' host IPs; then the nodes pods name without an object, unlabelled', () => {
    const model = ClusterModel.fromManifests(documents(onNode('x/a', 'n2', '192.168.0.2', { ips: ['10.0.0.1'] }), nodeObject, onNode('x/b', 'n1', '192.168.0.9', { ips: ['10.0.0.2'] })));
    expect(model.nodes).toEqual([
      { name: 'n1', labels: { role: 'infra' }, addresses: ['192.168.0.1', '192.168.0.9'], declared: true, origin: 'file.yaml:1' },
      { name: 'n2', labels: {}, addresses: ['192.168.0.2'], declared: false },
    ]);
  });

  test('a hostNetwork pod without pod IPs takes its host IP; with pod IPs, or on the pod network, it keeps them', () => {
    const model = ClusterModel.fromManifests(documents(
      onNode('x/agent', 'n1', '192.168.0.1', { hostNetwork: true }),
      onNode('x/proxy', 'n1', '192.168.0.1', { hostNetwork: true, ips: ['192.168.0.7'] }),
      onNode('x/web', 'n1', '192.168.0.1', { ips: ['10.0.0.3'] }),
      onNode('x/bare', 'n1', '192.168.0.1'),
    ));
    expect(model.workloads.map((w) => [w.endpoint, w.ips])).toEqual([
      ['x/agent', ['192.168.0.1']], ['x/proxy', ['192.168.0.7']], ['x/web', ['10.0.0.3']], ['x/bare', []],
    ]);
  });
});
