import * as fc from 'fast-check';
import { deployment, documents, namespace, pod, policy } from './manifests';
import { Cluster, cluster, OUTSIDE_IPS, toDocuments } from './random-clusters';
import { ClusterModel, Evaluator, LintFinding, LintId, Linter } from '../../src/analysis';
import { Protocol } from '../../src/k8s/protocol';
import { TrafficDirection } from '../../src/k8s/traffic-direction';
import { runs } from '../property-runs';

const DIRECTIONS = [TrafficDirection.INGRESS, TrafficDirection.EGRESS];

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
    [true, /the evaluator assumes it matches them: ipBlocksMatchPodIps\)/],
    [false, /the evaluator assumes it does not: ipBlocksMatchPodIps is false\)/],
  ])('says what the evaluator assumes, with ipBlocksMatchPodIps %s', (ipBlocksMatchPodIps, assumption) => {
    const model = ClusterModel.fromManifests(documents(withIp, policy('shop/p', ingressFrom([{ ipBlock: { cidr: '10.0.0.0/8' } }]))), { ipBlocksMatchPodIps });
    expect(Linter.lint(model, { checks: [LintId.IPBLOCK_COVERS_PODS] })[0].message).toMatch(assumption);
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
    ['an egress port to addresses and to pods that do not exist', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { podSelector: { matchLabels: { app: 'none' } } }], ports: [{ port: 'http' }] }],
    },
    'spec.egress[0].ports[0].port', /its peers match no pod, and addresses have no container ports/],
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

describe('NP-LINT-REDUNDANT-RULE', () => {
  const target = { podSelector: { matchLabels: { app: 'api' } } };
  const from = (...rules: any[]) => ({ ...target, ingress: rules });
  test.each([
    ['the same rule in two policies', [from({ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }), from({ from: [{ podSelector: { matchLabels: { app: 'web' } } }] })],
      ['shop/p0 spec.ingress[0]', 'shop/p1 spec.ingress[0]'], /also admitted by shop\/p1 spec.ingress\[0\]/],
    ['a rule inside a broader one of the same policy', [from({ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 80 }] }, { from: [{ podSelector: {} }] })],
      ['shop/p0 spec.ingress[0]'], /also admitted by shop\/p0 spec.ingress\[1\]/],
    ['ports covered by two rules together', [from({ ports: [{ port: 80, endPort: 90 }] }, { ports: [{ port: 70, endPort: 85 }] }, { ports: [{ port: 86, endPort: 100 }] })],
      ['shop/p0 spec.ingress[0]'], /shop\/p0 spec.ingress\[1\], shop\/p0 spec.ingress\[2\]/],
    ['each of two rules covering the other', [from({ ports: [{ port: 80, endPort: 90 }] }, { ports: [{ port: 80, endPort: 85 }] }, { ports: [{ port: 86, endPort: 100 }] })],
      ['shop/p0 spec.ingress[0]', 'shop/p0 spec.ingress[1]'], /shop\/p0 spec.ingress\[1\], shop\/p0 spec.ingress\[2\]/],
    ['a rule covered by a policy selecting more pods', [from({ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }), { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] }],
      ['shop/p0 spec.ingress[0]'], /shop\/p1 spec.ingress\[0\]/],
    ['pods of every namespace, inside a rule without peers', [from({ from: [{ namespaceSelector: {} }] }, {})], ['shop/p0 spec.ingress[0]'], /p0 spec.ingress\[1\]/],
    ['an ipBlock inside a wider one', [from({ from: [{ ipBlock: { cidr: '10.1.0.0/16' } }] }, { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] })], ['shop/p0 spec.ingress[0]'], /ingress\[1\]/],
    ['a named port that is the number another rule admits on every selected pod', [from({ ports: [{ port: 'http' }] }, { ports: [{ port: 8080 }, { port: 9090 }] })], ['shop/p0 spec.ingress[0]'], /ingress\[1\]/],
    ['a rule for every pod next to one without peers (not the other way: addresses)', [from({ from: [{ namespaceSelector: {} }] }, {})], ['shop/p0 spec.ingress[0]'], /ingress\[1\]/],
    ['ipBlocks of every address next to a rule without peers (not the other way: pods without known IPs)', [from({}, { from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }] })],
      ['shop/p0 spec.ingress[1]'], /ingress\[0\]/],
    ['a selector for the pod an ipBlock holds (not the other way: other addresses)', [from({ from: [{ ipBlock: { cidr: '10.1.2.0/24' } }] }, { from: [{ podSelector: { matchLabels: { app: 'web' } } }] })],
      ['shop/p0 spec.ingress[1]'], /ingress\[0\]/],
    ['egress rules', [{ ...target, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080 }] }, { ports: [{ port: 8080 }] }] }],
      ['shop/p0 spec.egress[0]'], /spec.egress\[1\]/],
  ])('fires on %s', (_, specs, where, message) => {
    const webAt = pod('shop/web', { labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }], ips: ['10.1.2.3'] });
    const result = lint(LintId.REDUNDANT_RULE, shop, webAt, api, ...specs.map((spec, i) => policy(`shop/p${i}`, spec)));
    expect(result.where).toEqual(where);
    expect(result.messages[0]).toMatch(message);
  });

  test.each([
    ['ports that only overlap', [from({ ports: [{ port: 80, endPort: 90 }] }, { ports: [{ port: 85, endPort: 100 }] })]],
    ['a broader rule in a policy selecting fewer pods', [{ podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }, from({ from: [{ podSelector: {} }] })]],
    ['a broader rule in the other direction', [{ ...target, policyTypes: ['Ingress', 'Egress'], ingress: [{ ports: [{ port: 80 }] }], egress: [{}] }]],
    ['a named port that resolves to another number', [from({ ports: [{ port: 'http' }] }, { ports: [{ port: 9090 }] })]],
    ['a rule that admits nothing (NP-LINT-PEER-MATCHES-NOTHING)', [from({ from: [{ podSelector: { matchLabels: { app: 'none' } } }] }, {})]],
    ['the only rule', [from({ from: [{ podSelector: {} }] })]],
  ])('does not fire on %s', (_, specs) => {
    const webAt = pod('shop/web', { labels: { app: 'web' }, ips: ['10.1.2.3'] });
    expect(lint(LintId.REDUNDANT_RULE, shop, webAt, api, ...specs.map((spec, i) => policy(`shop/p${i}`, spec))).where).toEqual([]);
  });
});

describe('NP-LINT-NO-EFFECT', () => {
  const allowWeb = { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] };
  const denyAll = { podSelector: {}, policyTypes: ['Ingress', 'Egress'] };
  const denyIngress = { podSelector: {} };
  test.each([
    ['two identical policies: each, on its own', [denyIngress, allowWeb, allowWeb], ['shop/p1 ', 'shop/p2 '], /identical to shop\/p2/],
    ['a policy that selects no pod, under a default deny', [denyIngress, { podSelector: { matchLabels: { app: 'none' } } }], ['shop/p1 '],
      /it selects no pod, and every pod it could select is isolated by other policies too/],
    ['of two default denies of the same pods, the one that would select fewer pods to come',
      [{ podSelector: { matchLabels: { app: 'api' } } }, { podSelector: { matchLabels: { app: 'api', tier: 'backend' } } }], ['shop/p1 '], /isolated by other policies/],
    ['an allow the other end never lets out', [denyAll, allowWeb], ['shop/p1 '], /blocked at the other end/],
    ['an allow inside an allow-all next to it, and the default deny the allow-all makes moot', [denyIngress, { podSelector: {}, ingress: [{}] }, allowWeb], ['shop/p0 ', 'shop/p2 '], /isolated by other policies/],
    ['a default deny egress next to the DNS allow that isolates the same pods', [{ podSelector: {}, policyTypes: ['Egress'] },
      { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] }] }],
    ['shop/p0 '], /isolated by other policies/],
    ['a default deny under another', [denyIngress, { podSelector: { matchLabels: { app: 'api' } } }], ['shop/p1 '], /isolated by other policies/],
  ])('fires on %s', (_, specs, where, message) => {
    const result = lint(LintId.NO_EFFECT, shop, web, api, ...specs.map((spec, i) => policy(`shop/p${i}`, spec)));
    expect(result.where).toEqual(where);
    expect(result.messages[0]).toMatch(message);
  });

  test.each([
    ['a default deny, alone', [denyIngress]],
    ['a default deny whose namespace\'s pods all have policies of their own: it guards pods to come',
      [denyIngress, allowWeb, { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 8080 }] }] }]],
    ['a policy that selects no pod yet (NP-LINT-SELECTS-NOTHING says so)', [{ podSelector: { matchLabels: { app: 'none' } } }]],
    ['an allow-all, alone: it isolates', [{ podSelector: {}, ingress: [{}] }]],
    ['an allow on top of a default deny', [denyIngress, allowWeb]],
    ['an allow of addresses only', [denyIngress, { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16' } }] }] }]],
    ['an allow only on ports another rule lacks', [denyIngress, { ...allowWeb, ingress: [{ ports: [{ port: 80 }] }] }, { ...allowWeb, ingress: [{ ports: [{ port: 81 }] }] }]],
    ['egress to DNS, assumed when the input has none', [{ podSelector: {}, policyTypes: ['Egress'] },
      { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] }] }]],
  ])('does not fire on %s', (_, specs) => {
    expect(lint(LintId.NO_EFFECT, shop, web, api, ...specs.map((spec, i) => policy(`shop/p${i}`, spec))).where).toEqual([]);
  });

  test('an address that several pods list is an address: an allow of it has an effect', () => {
    // A dump can hold a finished pod's stale IP next to the running pod that has it now; a
    // query for the IP then names no pod, and the allow decides what it answers.
    const stale = [pod('shop/web', { ips: ['10.1.2.3'] }), pod('shop/old', { ips: ['10.1.2.3'] })];
    const egress = (to?: any[]) => ({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [to ? { to } : { ports: [{ port: 53 }] }] });
    const policies = [egress([{ ipBlock: { cidr: '10.1.2.3/32' } }]), egress()].map((spec, i) => policy(`shop/p${i}`, spec));
    // Where ipBlocks do not match pods' IPs, the allow of a pod's IP admits nothing.
    const noEffect = (...pods: any[]) => {
      const model = ClusterModel.fromManifests(documents(shop, ...pods, ...policies), { ipBlocksMatchPodIps: false });
      return Linter.lint(model, { checks: [LintId.NO_EFFECT] }).map((f) => f.name);
    };
    expect(noEffect(...stale)).toEqual([]);
    expect(noEffect(stale[0])).toEqual(['p0']);
  });
});

describe('NP-LINT-DNS-BLOCKED and NP-LINT-DNS-PARTIAL', () => {
  const kubeSystem = namespace('kube-system');
  const coredns = deployment('kube-system/coredns', { labels: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }] });
  const denyEgress = { podSelector: {}, policyTypes: ['Egress'] };
  const dnsRule = (ports: any[], to: any[] = [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }]) =>
    ({ podSelector: {}, policyTypes: ['Egress'], egress: [{ to, ports }] });
  const both = [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }];
  test.each([
    ['a default deny egress, DNS pods in the input', [kubeSystem, coredns], [denyEgress], LintId.DNS_BLOCKED, ['shop/p0 spec.egress'], /cannot reach the cluster DNS \(kube-system\/coredns\)/],
    ['a default deny egress, no DNS pods in the input', [], [denyEgress], LintId.DNS_BLOCKED, ['shop/p0 spec.egress'], /which the input lacks, or any address/],
    ['DNS allowed, but the DNS pods isolated for ingress', [kubeSystem, coredns, policy('kube-system/deny', { podSelector: {} })], [denyEgress, dnsRule(both)], LintId.DNS_BLOCKED,
      ['shop/p0 spec.egress', 'shop/p1 spec.egress'], /cannot reach/],
    ['UDP only', [kubeSystem, coredns], [denyEgress, dnsRule([{ port: 53, protocol: 'UDP' }])], LintId.DNS_PARTIAL, ['shop/p0 spec.egress', 'shop/p1 spec.egress'], /without TCP\/53/],
    ['TCP only', [], [denyEgress, dnsRule([{ port: 53 }])], LintId.DNS_PARTIAL, ['shop/p0 spec.egress', 'shop/p1 spec.egress'], /without UDP\/53: ordinary lookups/],
    ['DNS to another namespace\'s pods', [kubeSystem, coredns], [dnsRule(both, [{ podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }])], LintId.DNS_BLOCKED, ['shop/p0 spec.egress'], /cannot reach/],
  ])('fire on %s', (_, objects, specs, id, where, message) => {
    const result = lint(id, shop, web, ...objects, ...specs.map((spec, i) => policy(`shop/p${i}`, spec)));
    expect(result.where).toEqual(where);
    expect(result.messages[0]).toMatch(message);
  });

  test.each([
    ['DNS allowed on UDP and TCP', [kubeSystem, coredns], [denyEgress, dnsRule(both)]],
    ['DNS allowed by port name', [kubeSystem, coredns], [denyEgress, dnsRule([{ port: 'dns', protocol: 'UDP' }, { port: 'dns-tcp' }])]],
    ['DNS allowed to every namespace\'s kube-dns pods, no DNS pods in the input', [], [denyEgress, dnsRule(both, [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }])]],
    ['port 53 to an address, no DNS pods in the input (a node-local cache)', [], [denyEgress, dnsRule(both, [{ ipBlock: { cidr: '169.254.20.10/32' } }])]],
    ['egress allowed everywhere', [kubeSystem, coredns], [{ podSelector: {}, policyTypes: ['Egress'], egress: [{}] }]],
    ['an ingress-only default deny', [kubeSystem, coredns], [{ podSelector: {} }]],
  ])('do not fire on %s', (_, objects, specs) => {
    const manifests = [shop, web, ...objects, ...specs.map((spec, i) => policy(`shop/p${i}`, spec))];
    expect(lint(LintId.DNS_BLOCKED, ...manifests).where).toEqual([]);
    expect(lint(LintId.DNS_PARTIAL, ...manifests).where).toEqual([]);
  });
});

describe('lints see ClusterNetworkPolicy networks peers', () => {
  const networks = (action: string) => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'networks' },
    spec: { tier: 'Admin', priority: 5, subject: { namespaces: {} }, egress: [{ name: 'every address', action, to: [{ networks: ['0.0.0.0/0', '::/0'] }] }] },
  });
  test.each([
    ['an Admin Deny of every address blocks the DNS an ipBlock allows', 'Deny', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] }, ['shop/p0 spec.egress']],
    ['an Admin Accept of every address lets DNS out of a default deny', 'Accept', { podSelector: {}, policyTypes: ['Egress'] }, []],
  ])('%s (no DNS pods in the input: any address on port 53)', (_, action, spec, where) => {
    expect(lint(LintId.DNS_BLOCKED, shop, web, networks(action), policy('shop/p0', spec)).where).toEqual(where);
  });
});

describe('NP-LINT-REDUNDANT-RULE and NP-LINT-NO-EFFECT on random clusters', () => {
  /** What a cluster lets through: pod connections over every port, isolation, and traffic to and from outside addresses and the node. */
  function observed(c: Cluster): string {
    const model = ClusterModel.fromManifests(toDocuments(c), c.options);
    const evaluator = new Evaluator(model);
    const endpoints = model.workloads.map((w) => w.endpoint);
    const seen: unknown[] = [evaluator.connections()];
    for (const endpoint of endpoints) {
      seen.push(DIRECTIONS.map((direction) => evaluator.isolation(endpoint, direction).isolated));
      for (const other of [...OUTSIDE_IPS, 'node']) {
        for (const port of [53, 80, 8080, 8443]) {
          for (const protocol of [Protocol.TCP, Protocol.UDP]) {
            seen.push(evaluator.check({ source: other, destination: endpoint, port, protocol }).allowed);
            if (other !== 'node') {
              seen.push(evaluator.check({ source: endpoint, destination: other, port, protocol }).allowed);
            }
          }
        }
      }
    }
    return JSON.stringify(seen);
  }

  /** The policy's effective policyTypes, written out, so that removing its last egress rule keeps it isolating. */
  const explicitTypes = (p: Cluster['policies'][number]): Cluster['policies'][number] => ({
    ...p,
    policyTypes: p.policyTypes?.length ? p.policyTypes : p.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'],
  });

  test('removing a rule or policy the lints flag changes nothing the evaluator answers', () => {
    fc.assert(fc.property(cluster, (c) => {
      const model = ClusterModel.fromManifests(toDocuments(c), c.options);
      const findings = Linter.lint(model, { checks: [LintId.REDUNDANT_RULE, LintId.NO_EFFECT] });
      if (findings.length === 0) {
        return;
      }
      const before = observed(c);
      for (const finding of findings) {
        const p = Number(finding.name.slice(1));
        const policies = finding.id === LintId.NO_EFFECT
          ? c.policies.filter((_, i) => i !== p)
          : c.policies.map((original, i) => {
            if (i !== p) {
              return original;
            }
            const [, direction, ruleIndex] = /^spec\.(ingress|egress)\[(\d+)\]$/.exec(finding.field)!;
            const typed = explicitTypes(original);
            return { ...typed, [direction]: typed[direction as 'ingress' | 'egress']!.filter((_, r) => r !== Number(ruleIndex)) };
          });
        expect([finding.id, finding.name, finding.field, observed({ ...c, policies })]).toEqual([finding.id, finding.name, finding.field, before]);
      }
    }), { numRuns: runs(200) });
  });
});
