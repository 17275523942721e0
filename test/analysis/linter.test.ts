import { deployment, documents, namespace, pod, policy } from './manifests';
import { ClusterModel, LintFinding, LintId, Linter } from '../../src/analysis';

/** The findings of one lint as `namespace/name field`, and their messages. */
function lint(id: LintId, ...manifests: any[]): { where: string[]; messages: string[] } {
  const model = ClusterModel.fromManifests(documents(...manifests));
  const findings = Linter.lint(model, { checks: [id] });
  return { where: findings.map((f) => `${f.namespaceName}/${f.name} ${f.field}`), messages: findings.map((f) => f.message) };
}

const web = pod('shop/web', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] });
const api = pod('shop/api', { labels: { app: 'api', tier: 'backend' }, ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] });
const shop = namespace('shop', { team: 'shop' });
const ingressFrom = (peers: any[], ports?: any[]) => ({ podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: peers, ...(ports ? { ports } : {}) }] });

describe('Linter', () => {
  test('runs only the checks asked for, and refuses unknown ids', () => {
    const model = ClusterModel.fromManifests(documents(shop, web, policy('shop/p', { podSelector: { matchLabels: { app: 'nope' } }, policyTypes: ['Ingress'], egress: [{}] })));
    expect(Linter.lint(model, { checks: [LintId.RULES_IGNORED] }).map((f) => f.id)).toEqual([LintId.RULES_IGNORED]);
    expect(Linter.lint(model, { checks: [] })).toEqual([]);
    expect(() => Linter.lint(model, { checks: ['NP-LINT-TYPO' as LintId] })).toThrow(/"NP-LINT-TYPO": not a lint id/);
  });

  test('judges only the policies the evaluator takes into account', () => {
    const invalid = policy('shop/bad', { podSelector: { matchLabels: { app: 'nope' } }, ingress: [{ ports: [{ port: 0 }] }] });
    const model = ClusterModel.fromManifests(documents(shop, web, invalid));
    expect(Linter.lint(model)).toEqual([]);
  });

  test('a finding names the lint, the policy, the field, the fix and where the policy came from', () => {
    const model = ClusterModel.fromManifests(documents(shop, web, policy('shop/p', { podSelector: { matchLabels: { app: 'wbe' } } })));
    const [finding] = Linter.lint(model, { checks: [LintId.SELECTS_NOTHING] });
    expect(finding).toEqual<LintFinding>({
      id: LintId.SELECTS_NOTHING,
      namespaceName: 'shop',
      name: 'p',
      field: 'spec.podSelector',
      message: expect.stringMatching(/^spec.podSelector app=wbe matches no pod of namespace shop in the input \(close matches: app=web \(shop\/web\)\); .*Fix: /),
      origin: 'file.yaml:2',
    });
  });
});

describe('NP-LINT-SELECTS-NOTHING', () => {
  test.each([
    ['a typo in a label value', { podSelector: { matchLabels: { app: 'wbe' } } }, ['shop/p spec.podSelector'], /close matches: app=web/],
    ['a typo in a label key', { podSelector: { matchLabels: { ap: 'web' } } }, ['shop/p spec.podSelector'], /close matches: app=web/],
    ['an expression nothing meets', { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] } }, ['shop/p spec.podSelector'], /app=db matches no pod/],
    ['only a hostNetwork pod matches', { podSelector: { matchLabels: { app: 'agent' } } }, ['shop/p spec.podSelector'], /only pods on the node network \(shop\/agent\)/],
  ])('fires on %s', (_, spec, where, message) => {
    const agent = pod('shop/agent', { labels: { app: 'agent' }, hostNetwork: true });
    const result = lint(LintId.SELECTS_NOTHING, shop, web, api, agent, policy('shop/p', spec));
    expect(result.where).toEqual(where);
    expect(result.messages[0]).toMatch(message);
  });

  test('fires when the namespace has no pods at all', () => {
    expect(lint(LintId.SELECTS_NOTHING, web, policy('empty/p', { podSelector: {} })).messages).toEqual([expect.stringMatching(/namespace empty has no pods in the input/)]);
  });

  test.each([
    ['the empty selector', { podSelector: {} }],
    ['a label some pod has', { podSelector: { matchLabels: { app: 'web' } } }],
    ['NotIn, which pods without the key meet', { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }] } }],
    ['a workload, not a pod', { podSelector: { matchLabels: { app: 'worker' } } }],
  ])('does not fire on %s', (_, spec) => {
    expect(lint(LintId.SELECTS_NOTHING, shop, web, api, deployment('shop/worker'), policy('shop/p', spec)).where).toEqual([]);
  });

  test('does not fire on a pod of the same labels in another namespace only: that one does', () => {
    expect(lint(LintId.SELECTS_NOTHING, web, pod('other/x', { labels: { app: 'x' } }), policy('shop/p', { podSelector: { matchLabels: { app: 'x' } } })).where)
      .toEqual(['shop/p spec.podSelector']);
  });
});

describe('NP-LINT-PEER-MATCHES-NOTHING', () => {
  const payments = namespace('payments', { team: 'payments' });
  test.each([
    ['a pod selector typo', [{ podSelector: { matchLabels: { app: 'wbe' } } }], 'spec.ingress[0].from[0]', /podSelector app=wbe matches no pod in namespace shop \(close matches: app=web \(shop\/web\)\)/],
    ['a namespace selector typo', [{ namespaceSelector: { matchLabels: { team: 'shpo' } } }], 'spec.ingress[0].from[0]', /namespaceSelector team=shpo matches no namespace of the input \(close matches: team=shop \(namespace shop\)\)/],
    ['namespaces without pods', [{ namespaceSelector: { matchLabels: { team: 'payments' } } }], 'spec.ingress[0].from[0]', /namespace payments has no pods in the input/],
    ['pod AND namespace selectors that meet in no pod', [{ namespaceSelector: { matchLabels: { team: 'shop' } }, podSelector: { matchLabels: { app: 'db' } } }], 'spec.ingress[0].from[0]', /podSelector app=db matches no pod in namespace shop/],
    ['the second peer', [{ podSelector: { matchLabels: { app: 'web' } } }, { podSelector: { matchLabels: { app: 'gone' } } }], 'spec.ingress[0].from[1]', /app=gone/],
  ])('fires on %s', (_, peers, field, message) => {
    const result = lint(LintId.PEER_MATCHES_NOTHING, shop, payments, web, api, policy('shop/p', ingressFrom(peers)));
    expect(result.where).toEqual([`shop/p ${field}`]);
    expect(result.messages[0]).toMatch(message);
  });

  test('fires on egress peers too', () => {
    const spec = { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'apii' } } }] }] };
    expect(lint(LintId.PEER_MATCHES_NOTHING, shop, web, api, policy('shop/p', spec)).where).toEqual(['shop/p spec.egress[0].to[0]']);
  });

  test.each([
    ['a pod selector that matches', [{ podSelector: { matchLabels: { app: 'web' } } }]],
    ['every namespace', [{ namespaceSelector: {} }]],
    ['a namespace by name', [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }]],
    ['an ipBlock', [{ ipBlock: { cidr: '10.0.0.0/8' } }]],
    ['the cluster DNS, assumed when the input has none', [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }]],
  ])('does not fire on %s', (_, peers) => {
    expect(lint(LintId.PEER_MATCHES_NOTHING, shop, payments, web, api, policy('shop/p', ingressFrom(peers))).where).toEqual([]);
  });

  test('does not judge rules policyTypes leaves out', () => {
    const spec = { podSelector: {}, policyTypes: ['Ingress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'gone' } } }] }] };
    expect(lint(LintId.PEER_MATCHES_NOTHING, shop, web, policy('shop/p', spec)).where).toEqual([]);
  });

  test('leaves peers whose answer depends on unknown namespace labels to NP-LINT-NAMESPACE-LABELS-UNKNOWN', () => {
    expect(lint(LintId.PEER_MATCHES_NOTHING, web, api, policy('shop/p', ingressFrom([{ namespaceSelector: { matchLabels: { team: 'x' } } }]))).where).toEqual([]);
  });
});

describe('NP-LINT-NAMESPACE-LABELS-UNKNOWN', () => {
  const peerOn = (selector: any) => policy('shop/p', ingressFrom([{ namespaceSelector: selector }]));
  test.each([
    ['matchLabels', { matchLabels: { team: 'shop' } }, /keys on team, which no Namespace object of the input carries, while namespace shop has no Namespace object/],
    ['NotIn, which holds where the key is absent', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, /keys on env/],
    ['a mix with the name label', { matchLabels: { 'kubernetes.io/metadata.name': 'shop', 'env': 'prod' } }, /keys on env,/],
  ])('fires on %s', (_, selector, message) => {
    const result = lint(LintId.NAMESPACE_LABELS_UNKNOWN, web, api, peerOn(selector));
    expect(result.where).toEqual(['shop/p spec.ingress[0].from[0].namespaceSelector']);
    expect(result.messages[0]).toMatch(message);
  });

  test.each([
    ['the name label, which every namespace has', [web, api], { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }],
    ['every namespace declared', [shop, web, api], { matchLabels: { env: 'prod' } }],
    ['a key some Namespace object carries', [namespace('other', { team: 'x' }), web, api], { matchLabels: { team: 'shop' } }],
    ['the empty selector', [web, api], {}],
  ])('does not fire on %s', (_, objects, selector) => {
    expect(lint(LintId.NAMESPACE_LABELS_UNKNOWN, ...objects, peerOn(selector)).where).toEqual([]);
  });
});

describe('NP-LINT-RULES-IGNORED', () => {
  test.each([
    ['egress rules under policyTypes [Ingress]', { podSelector: {}, policyTypes: ['Ingress'], egress: [{}, {}] }, 'spec.egress', /spec.egress has 2 rules, but spec.policyTypes \(Ingress\) has no Egress/],
    ['ingress rules under policyTypes [Egress]', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}], egress: [{}] }, 'spec.ingress', /spec.ingress has 1 rule, but spec.policyTypes \(Egress\) has no Ingress/],
  ])('fires on %s', (_, spec, field, message) => {
    const result = lint(LintId.RULES_IGNORED, web, policy('shop/p', spec));
    expect(result.where).toEqual([`shop/p ${field}`]);
    expect(result.messages[0]).toMatch(message);
  });

  test.each([
    ['egress rules with policyTypes absent (defaulted to Ingress and Egress)', { podSelector: {}, egress: [{}] }],
    ['egress rules with policyTypes empty', { podSelector: {}, policyTypes: [], egress: [{}] }],
    ['egress: [] under policyTypes [Ingress]', { podSelector: {}, policyTypes: ['Ingress'], egress: [] }],
    ['both directions listed', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{}], egress: [{}] }],
  ])('does not fire on %s', (_, spec) => {
    expect(lint(LintId.RULES_IGNORED, web, policy('shop/p', spec)).where).toEqual([]);
  });
});

describe('NP-LINT-IPBLOCK-COVERS-PODS', () => {
  const withIp = pod('shop/web', { labels: { app: 'web' }, ips: ['10.1.2.3'] });
  test.each([
    ['a CIDR holding a pod IP', { cidr: '10.0.0.0/8' }, 'spec.ingress[0].from[0].ipBlock', /ipBlock 10.0.0.0\/8 holds the IP of pod shop\/web \(10.1.2.3\)/],
    ['a CIDR whose excepts leave the pod IP in', { cidr: '10.0.0.0/8', except: ['10.2.0.0/16'] }, 'spec.ingress[0].from[0].ipBlock', /10.0.0.0\/8 except 10.2.0.0\/16/],
  ])('fires on %s', (_, ipBlock, field, message) => {
    const result = lint(LintId.IPBLOCK_COVERS_PODS, withIp, policy('shop/p', ingressFrom([{ ipBlock }])));
    expect(result.where).toEqual([`shop/p ${field}`]);
    expect(result.messages[0]).toMatch(message);
  });

  test.each([
    ['a CIDR without pod IPs', { cidr: '192.168.0.0/16' }, [withIp]],
    ['an except that holds the pod IP', { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, [withIp]],
    ['a hostNetwork pod, whose IP is its node\'s', { cidr: '10.0.0.0/8' }, [pod('shop/agent', { ips: ['10.1.2.3'], hostNetwork: true })]],
    ['a workload, whose pods\' IPs are unknown', { cidr: '0.0.0.0/0' }, [deployment('shop/web')]],
  ])('does not fire on %s', (_, ipBlock, objects) => {
    expect(lint(LintId.IPBLOCK_COVERS_PODS, ...objects, policy('shop/p', ingressFrom([{ ipBlock }]))).where).toEqual([]);
  });
});

describe('NP-LINT-NAMED-PORT-UNRESOLVED', () => {
  test.each([
    ['an ingress port no selected pod declares', ingressFrom([{ podSelector: {} }], [{ port: 'grpc' }]), 'spec.ingress[0].ports[0].port', /none of the pods this policy selects declares it/],
    ['an ingress port of another protocol', ingressFrom([{ podSelector: {} }], [{ port: 'dns' }]), 'spec.ingress[0].ports[0].port', /shop\/api declares "dns" with protocol UDP/],
    ['an egress port the peers lack', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'dns', protocol: 'UDP' }] }] },
      'spec.egress[0].ports[0].port', /none of the pods its peers match declares it/],
    ['an egress port to addresses only', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'http' }] }] },
      'spec.egress[0].ports[0].port', /its peers are addresses only/],
    ['the second entry', ingressFrom([{ podSelector: {} }], [{ port: 'http' }, { port: 'metrics' }]), 'spec.ingress[0].ports[1].port', /"metrics"/],
  ])('fires on %s', (_, spec, field, message) => {
    const result = lint(LintId.NAMED_PORT_UNRESOLVED, shop, web, api, policy('shop/p', spec));
    expect(result.where).toEqual([`shop/p ${field}`]);
    expect(result.messages[0]).toMatch(message);
  });

  test.each([
    ['an ingress port a selected pod declares', ingressFrom([{ podSelector: {} }], [{ port: 'http' }])],
    ['a named port with its protocol', ingressFrom([{ podSelector: {} }], [{ port: 'dns', protocol: 'UDP' }])],
    ['an egress port some peer declares', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'dns', protocol: 'UDP' }] }] }],
    ['an egress rule without peers', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] }],
    ['the assumed cluster DNS\'s port names', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 'dns', protocol: 'UDP' }, { port: 'dns-tcp' }] }] }],
    ['a port number', ingressFrom([{ podSelector: {} }], [{ port: 9999 }])],
    ['a policy that selects nothing (NP-LINT-SELECTS-NOTHING)', { podSelector: { matchLabels: { app: 'none' } }, ingress: [{ ports: [{ port: 'grpc' }] }] }],
    ['peers that match nothing (NP-LINT-PEER-MATCHES-NOTHING)', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'none' } } }], ports: [{ port: 'grpc' }] }] }],
  ])('does not fire on %s', (_, spec) => {
    expect(lint(LintId.NAMED_PORT_UNRESOLVED, shop, web, api, policy('shop/p', spec)).where).toEqual([]);
  });
});
