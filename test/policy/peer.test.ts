import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { LabelExpression, LabelSelector, Peer } from '../../src/policy';
import { WorkloadConstruct } from '../../src/policy/workload-construct';
import { thrown } from '../thrown';

const web = LabelSelector.of({ labels: { app: 'web' } });
const team = LabelSelector.of({ labels: { team: 'shop' } });
const prodName = { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } };

describe('rendering', () => {
  test.each([
    ['pods', () => Peer.pods(web), { podSelector: { matchLabels: { app: 'web' } } }],
    ['pods with expressions', () => Peer.pods(LabelSelector.of({ expressions: [LabelExpression.noneOf('env', ['dev'])] })),
      { podSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] } }],
    ['allPods', () => Peer.allPods(), { podSelector: {} }],
    ['namespaces', () => Peer.namespaces(team), { namespaceSelector: { matchLabels: { team: 'shop' } } }],
    ['allNamespaces', () => Peer.allNamespaces(), { namespaceSelector: {} }],
    ['podsInNamespaces (one item, so AND)', () => Peer.podsInNamespaces(web, team),
      { podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { team: 'shop' } } }],
    ['podsInNamespaces, every pod of every namespace', () => Peer.podsInNamespaces(LabelSelector.all(), LabelSelector.all()),
      { podSelector: {}, namespaceSelector: {} }],
    ['namespaceNamed', () => Peer.namespaceNamed('prod'), { namespaceSelector: prodName }],
    ['podsInNamespaceNamed', () => Peer.podsInNamespaceNamed('prod', web), { podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: prodName }],
    ['ipBlock IPv4', () => Peer.ipBlock('172.17.0.0/16'), { ipBlock: { cidr: '172.17.0.0/16' } }],
    ['ipBlock with excluding', () => Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']), { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }],
    ['ipBlock with empty excluding', () => Peer.ipBlock('10.0.0.0/8', []), { ipBlock: { cidr: '10.0.0.0/8' } }],
    ['ipBlock IPv6', () => Peer.ipBlock('fd00::/8', ['fd00:1::/32']), { ipBlock: { cidr: 'fd00::/8', except: ['fd00:1::/32'] } }],
    ['ipv4', () => Peer.ipv4('0.0.0.0/0', ['10.0.0.0/8', '192.168.0.0/16']), { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/16'] } }],
    ['ipv4 single address', () => Peer.ipv4('10.0.0.1/32'), { ipBlock: { cidr: '10.0.0.1/32' } }],
    ['ipv6', () => Peer.ipv6('2001:db8::/32'), { ipBlock: { cidr: '2001:db8::/32' } }],
    ['ipv6 in upper case is rendered canonically', () => Peer.ipv6('2001:DB8:0::/48', ['2001:DB8:0:1::/64']),
      { ipBlock: { cidr: '2001:db8::/48', except: ['2001:db8:0:1::/64'] } }],
    ['anyIpv4', () => Peer.anyIpv4(), { ipBlock: { cidr: '0.0.0.0/0' } }],
    ['anyIpv6', () => Peer.anyIpv6(), { ipBlock: { cidr: '::/0' } }],
  ])('%s', (_name, build, json) => {
    expect(build()._toKube()).toStrictEqual(json);
  });

  test('accessors', () => {
    const both = Peer.podsInNamespaces(web, team);
    expect([both.podSelector, both.namespaceSelector, both.cidr, both.excluding]).toEqual([web, team, undefined, undefined]);
    const block = Peer.ipv6('2001:DB8::/32', ['2001:DB8:1::/48']);
    expect([block.podSelector, block.namespaceSelector, block.cidr, block.excluding]).toEqual([undefined, undefined, '2001:db8::/32', ['2001:db8:1::/48']]);
    expect(Peer.anyIpv4().excluding).toEqual([]);
  });

  test('later changes to the excluding array do not leak in', () => {
    const excluding = ['10.1.0.0/16'];
    const peer = Peer.ipv4('10.0.0.0/8', excluding);
    excluding.push('10.2.0.0/16');
    expect(peer._toKube()).toEqual({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } });
  });
});

test.each([
  [Peer.pods(web), 'pods(app=web)'],
  [Peer.allPods(), 'pods(*)'],
  [Peer.namespaces(team), 'namespaces(team=shop)'],
  [Peer.allNamespaces(), 'namespaces(*)'],
  [Peer.podsInNamespaces(web, team), 'pods(app=web) in namespaces(team=shop)'],
  [Peer.namespaceNamed('prod'), 'namespace(prod)'],
  [Peer.namespaces(LabelSelector.of({ labels: { 'kubernetes.io/metadata.name': 'prod' } })), 'namespace(prod)'],
  [Peer.namespaces(LabelSelector.of({ labels: { 'kubernetes.io/metadata.name': 'prod', 'env': 'x' } })), 'namespaces(kubernetes.io/metadata.name=prod,env=x)'],
  [Peer.podsInNamespaceNamed('prod', web), 'pods(app=web) in namespace(prod)'],
  [Peer.ipv4('10.0.0.0/8'), 'ipBlock(10.0.0.0/8)'],
  [Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16', '10.2.0.0/16']), 'ipBlock(10.0.0.0/8 excluding 10.1.0.0/16,10.2.0.0/16)'],
  [Peer.anyIpv6(), 'ipBlock(::/0)'],
])('toString of %j is %s', (peer, text) => {
  expect(peer.toString()).toBe(text);
});

describe('errors name the factory, the field and the fix', () => {
  test.each([
    ['namespaceNamed with upper case', () => Peer.namespaceNamed('Team_A'),
      'NP-INPUT[Peer.namespaceNamed]: name "Team_A": a lowercase RFC 1123 label must consist of'],
    ['podsInNamespaceNamed with a dot', () => Peer.podsInNamespaceNamed('a.b', web), 'NP-INPUT[Peer.podsInNamespaceNamed]: name "a.b": must not contain dots'],
    ['namespaceNamed with 64 characters', () => Peer.namespaceNamed('n'.repeat(64)),
      `NP-INPUT[Peer.namespaceNamed]: name "${'n'.repeat(64)}": must be no more than 63 characters`],
    ['a bare address', () => Peer.ipv4('10.0.0.1'),
      'NP-INPUT[Peer.ipv4]: cidr "10.0.0.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64) (for one address write "10.0.0.1/32")'],
    ['a bare IPv6 address', () => Peer.ipv6('fd00::1'), 'NP-INPUT[Peer.ipv6]: cidr "fd00::1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64) (for one address write "fd00::1/128")'],
    ['an out-of-range address', () => Peer.ipBlock('999.999.999.999/99'), 'NP-INPUT[Peer.ipBlock]: cidr "999.999.999.999/99": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    ['a prefix too long', () => Peer.ipBlock('10.0.0.0/33'), 'NP-INPUT[Peer.ipBlock]: cidr "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    ['host bits set', () => Peer.ipv4('10.0.0.1/24'),
      'NP-INPUT[Peer.ipv4]: cidr "10.0.0.1/24": must not have bits set beyond the prefix length (use "10.0.0.0/24" for the whole network, or "10.0.0.1/32" for one address)'],
    ['host bits set in IPv6', () => Peer.ipv6('2001:db8::1/64'),
      'NP-INPUT[Peer.ipv6]: cidr "2001:db8::1/64": must not have bits set beyond the prefix length (use "2001:db8::/64" for the whole network, or "2001:db8::1/128" for one address)'],
    ['leading zeros', () => Peer.ipv4('010.0.0.0/8'), 'NP-INPUT[Peer.ipv4]: cidr "010.0.0.0/8": must not have leading 0s in IP or prefix length (use "10.0.0.0/8")'],
    ['an IPv4-mapped IPv6 address', () => Peer.ipBlock('::ffff:10.0.0.0/104'),
      'NP-INPUT[Peer.ipBlock]: cidr "::ffff:10.0.0.0/104": must not have an IPv4-mapped IPv6 address (use "10.0.0.0/8")'],
    ['ipv4 given IPv6', () => Peer.ipv4('2001:db8::/32'),
      'NP-INPUT[Peer.ipv4]: cidr "2001:db8::/32": is an IPv6 range, but Peer.ipv4 takes IPv4 only (use Peer.ipv6 or Peer.ipBlock)'],
    ['ipv6 given IPv4', () => Peer.ipv6('10.0.0.0/8'),
      'NP-INPUT[Peer.ipv6]: cidr "10.0.0.0/8": is an IPv4 range, but Peer.ipv6 takes IPv6 only (use Peer.ipv4 or Peer.ipBlock)'],
    ['excluding equal to cidr', () => Peer.ipBlock('10.0.0.0/16', ['10.0.0.0/16']),
      'NP-INPUT[Peer.ipBlock]: excluding[0] "10.0.0.0/16": must be a strict subset of cidr "10.0.0.0/16" (inside it, with a longer prefix)'],
    ['excluding a single address equal to cidr', () => Peer.ipv4('10.0.0.1/32', ['10.0.0.1/32']),
      'NP-INPUT[Peer.ipv4]: excluding[0] "10.0.0.1/32": must be a strict subset of cidr "10.0.0.1/32"'],
    ['excluding outside cidr', () => Peer.ipv4('10.0.0.0/16', ['10.1.0.0/24']),
      'NP-INPUT[Peer.ipv4]: excluding[0] "10.1.0.0/24": must be a strict subset of cidr "10.0.0.0/16"'],
    ['excluding a superset', () => Peer.ipv4('10.0.0.0/16', ['10.0.0.0/8']), 'NP-INPUT[Peer.ipv4]: excluding[0] "10.0.0.0/8": must be a strict subset of cidr "10.0.0.0/16"'],
    ['excluding of the other family', () => Peer.ipBlock('::/0', ['10.0.0.0/8']),
      'NP-INPUT[Peer.ipBlock]: excluding[0] "10.0.0.0/8": is IPv4 but cidr "::/0" is IPv6; an excluded range must be of the same family'],
    ['excluding not strict', () => Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16', '10.2.0.1/16']),
      'NP-INPUT[Peer.ipv4]: excluding[1] "10.2.0.1/16": must not have bits set beyond the prefix length (use "10.2.0.0/16" for the whole network, or "10.2.0.1/32" for one address)'],
  ])('%s', (_name, build, start) => {
    expect(thrown(build).slice(0, start.length)).toBe(start);
  });

  test('every problem is reported at once', () => {
    expect(thrown(() => Peer.ipv4('2001:db8::/32', ['10.0.0.0/8', 'nope']))).toBe([
      'NP-INPUT[Peer.ipv4]: cidr "2001:db8::/32": is an IPv6 range, but Peer.ipv4 takes IPv4 only (use Peer.ipv6 or Peer.ipBlock)',
      'excluding[0] "10.0.0.0/8": is IPv4 but cidr "2001:db8::/32" is IPv6; an excluded range must be of the same family',
      'excluding[1] "nope": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ].join('; '));
  });

  test.each([
    ['overlapping excluded ranges', () => Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16', '10.1.2.0/24', '10.1.0.0/16'])],
    ['a /32 inside a /31', () => Peer.ipv4('10.0.0.0/31', ['10.0.0.1/32'])],
    ['an IPv6 /128 inside ::/0', () => Peer.ipv6('::/0', ['::1/128'])],
  ])('accepts %s', (_name, build) => {
    expect(build).not.toThrow();
  });
});

describe('_key', () => {
  test.each([
    ['pods', () => Peer.pods(LabelSelector.of({ labels: { app: 'web', tier: 'a' } })), () => Peer.pods(LabelSelector.of({ labels: { tier: 'a', app: 'web' } }))],
    ['namespaceNamed vs namespaces on the name label', () => Peer.namespaceNamed('prod'),
      () => Peer.namespaces(LabelSelector.of({ labels: { 'kubernetes.io/metadata.name': 'prod' } }))],
    ['a namespace with every pod vs the namespace', () => Peer.podsInNamespaceNamed('prod', LabelSelector.all()), () => Peer.namespaceNamed('prod')],
    ['excluding in another order, repeated', () => Peer.ipv4('10.0.0.0/8', ['10.2.0.0/16', '10.1.0.0/16']),
      () => Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16', '10.2.0.0/16', '10.1.0.0/16'])],
    ['IPv6 written differently', () => Peer.ipv6('2001:DB8:0::/32'), () => Peer.ipBlock('2001:db8::/32')],
    ['anyIpv4 vs ipv4 0.0.0.0/0', () => Peer.anyIpv4(), () => Peer.ipv4('0.0.0.0/0')],
  ])('equal: %s', (_name, a, b) => {
    expect(a()._key()).toBe(b()._key());
  });

  test.each([
    ['pods vs namespaces with the same selector', Peer.pods(web), Peer.namespaces(web)],
    ['pods vs pods in namespaces (AND)', Peer.pods(web), Peer.podsInNamespaces(web, LabelSelector.all())],
    ['allPods vs allNamespaces', Peer.allPods(), Peer.allNamespaces()],
    ['different namespaces', Peer.namespaceNamed('prod'), Peer.namespaceNamed('dev')],
    ['different pods in one namespace', Peer.podsInNamespaceNamed('prod', web), Peer.podsInNamespaceNamed('prod', team)],
    ['excluding vs not', Peer.ipv4('10.0.0.0/8'), Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16'])],
    ['anyIpv4 vs anyIpv6', Peer.anyIpv4(), Peer.anyIpv6()],
  ])('different: %s', (_name, a, b) => {
    expect(a._key()).not.toBe(b._key());
  });
});

describe('_fromSelectors, for peers computed from cdk8s objects', () => {
  test('renders the given selectors and is named by its description', () => {
    const peer = Peer._fromSelectors({ podSelector: web, namespaceSelector: LabelSelector.of({ labels: { 'kubernetes.io/metadata.name': 'prod' } }), description: 'prod/web' });
    expect(peer._toKube()).toEqual({ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: prodName });
    expect(peer.toString()).toBe('prod/web');
  });

  test('the description does not change its identity', () => {
    const peer = Peer._fromSelectors({ podSelector: web, description: 'web' });
    expect(peer._key()).toBe(Peer.pods(web)._key());
    expect(Peer._fromSelectors({ podSelector: web }).toString()).toBe('pods(app=web)');
  });

  test('needs at least one selector', () => {
    expect(() => Peer._fromSelectors({ description: 'x' })).toThrow('NP-INPUT[Peer]: a peer needs a podSelector, a namespaceSelector, or both');
  });
});

describe('cdk8s-plus-27 objects', () => {
  const ADDR = 'cdk8s.io/metadata.addr';

  test('workload in a namespace: its pods by address label, pinned to its namespace', () => {
    const api = new kplus.Deployment(new Chart(Testing.app(), 'shop', { namespace: 'shop' }), 'api', { containers: [{ image: 'api' }] });
    const peer = Peer.workload(api);
    expect(peer._toKube()).toEqual({
      podSelector: { matchLabels: { [ADDR]: api.podMetadata.getLabel(ADDR) } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
    });
    expect(peer.toString()).toBe('Deployment(shop/api)');
    expect(peer._workload()?.construct).toBe(api);
  });

  test('workload without a namespace: pods of the policy\'s namespace', () => {
    const pod = new kplus.Pod(Testing.chart(), 'web', { containers: [{ image: 'nginx' }] });
    expect(Peer.workload(pod)._toKube()).toEqual({ podSelector: { matchLabels: { [ADDR]: pod.podMetadata.getLabel(ADDR) } } });
  });

  test('workload: the same traffic as the selectors it renders', () => {
    const job = new kplus.Job(Testing.chart(), 'job', { containers: [{ image: 'batch' }] });
    expect(Peer.workload(job)._key()).toBe(Peer.pods(LabelSelector.of({ labels: { [ADDR]: job.podMetadata.getLabel(ADDR)! } }))._key());
  });

  test('allPodsIn: every pod of the namespace, by name', () => {
    const ns = new kplus.Namespace(Testing.chart(), 'ns', { metadata: { name: 'monitoring' } });
    const peer = Peer.allPodsIn(ns);
    expect(peer._toKube()).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } });
    expect(peer._key()).toBe(Peer.namespaceNamed('monitoring')._key());
    expect(peer._workload()).toBeUndefined();
  });

  test('_fromSelectors keeps the workload', () => {
    const pod = WorkloadConstruct.of('test', new kplus.Pod(Testing.chart(), 'web', { containers: [{ image: 'nginx' }] }));
    expect(Peer._fromSelectors({ workload: pod })._workload()).toBe(pod);
    expect(Peer.pods(web)._workload()).toBeUndefined();
  });
});

test('a peer is immutable: its exclusions cannot be changed after the key is taken', () => {
  const peer = Peer.ipv4('10.0.0.0/8', ['10.1.0.0/16']);
  const key = peer._key();
  expect(() => peer.excluding!.push('10.2.0.0/16')).toThrow(TypeError);
  expect(peer._key()).toBe(key);
});

test('a workload in an invalid namespace is reported as the workload\'s namespace, not as a name the user passed', () => {
  const api = new kplus.Deployment(new Chart(Testing.app(), 'c', { namespace: 'Prod_x' }), 'api', { containers: [{ image: 'api' }] });
  expect(thrown(() => Peer.workload(api)))
    .toMatch(/^NP-INPUT\[Peer\.workload\]: the namespace of c\/api "Prod_x": a lowercase RFC 1123 label must consist of/);
});
