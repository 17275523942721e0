/**
 * The documents checked against Kubernetes 1.37.2 (see README.md here): curated classes, one
 * document per case, covering every rule of src/validation with valid edge cases beside the invalid
 * ones, and a seeded fuzz of mutated policies. Deterministic: the same code gives the same corpus.
 */

/** One document of the corpus. */
export interface CorpusCase {
  /** `<class>/<n>` for curated cases, `fuzz/<n>` for mutated ones. */
  readonly id: string;
  readonly document: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const API_VERSION = 'networking.k8s.io/v1';

function policy(metadata: Json = { name: 'np' }, spec: Json = { podSelector: {} }, extra: JsonObject = {}): JsonObject {
  return { apiVersion: API_VERSION, kind: 'NetworkPolicy', metadata, spec, ...extra };
}

function withMeta(fields: JsonObject): JsonObject {
  return policy({ name: 'np', ...fields });
}

function withSpec(spec: JsonObject): JsonObject {
  return policy({ name: 'np' }, { podSelector: {}, ...spec });
}

/** A peer in one ingress rule. */
function withPeer(peer: Json): JsonObject {
  return withSpec({ ingress: [{ from: [peer] }] });
}

/** A port in one egress rule. */
function withPort(port: Json): JsonObject {
  return withSpec({ egress: [{ ports: [port] }] });
}

const a = (n: number, c = 'a') => c.repeat(n);

/** Strings that stress quoting and character classes. */
const ODD_STRINGS = [
  'q"uote', 'back\\slash', '<&>', 'tab\there', 'nl\n', 'ctl\u0001\u007f', 'nbsp\u00a0', 'line\u2028sep', 'soft\u00adhyphen',
  'unicode-é', '日本', 'emoji-\ud83d\ude00', 'lone-\ud800', 'zero\u200bwidth', 'bell\u0007', 'esc\u001b', 'del\u007f', 'c1\u0085',
];

const NAMES = [
  'a', 'web', 'a.b', 'a-b', '0', '9a', a(253), a(254), `${a(63)}.${a(63)}.${a(63)}.${a(61)}`, `${a(63)}.${a(63)}.${a(63)}.${a(62)}`,
  'Web', 'web_', 'web-', '-web', 'web.', '.web', 'a..b', '.', '..', 'a%b', 'a/b', 'a b', 'a-.b', 'a.-b', ...ODD_STRINGS,
];

const GENERATE_NAMES = [
  'web-', 'web', 'Web-', 'web.', 'web_', '-', 'a-', '-a', 'A', '.', '..', 'é-', 'aé-', `${a(57)}é`, `${a(58)}é`, `${a(57)}é-`,
  `${a(56)}é-`, `${a(251, 'b')}-`, `${a(252, 'b')}-`, `${a(253, 'b')}-`, `${a(254, 'b')}-`, a(253, 'b'), a(254, 'b'), a(60, 'x'),
  a(60, 'X'), `${a(57)}_`, `${a(58)}_`, `${a(59)}_`, 'a/b-', 'a%-', 'web--', 'web.-', 'ok-', '0-', ...ODD_STRINGS,
];

const NAMESPACES: Json[] = [
  '', null, 'default', 'kube-system', 'team.a', 'a.b.c', 'Team', 'team_a', '-a', 'a-', a(63), a(64), `${a(60)}.b`, `${a(64)}.b`,
  'a/b', '.', '..', 'a%b', '%', 'é', 'a b', '0', '123', 'a.', '.a', 'a..b', ...ODD_STRINGS,
];

const LABEL_KEYS = [
  'app', 'a', 'A', 'a.b/c', 'example.com/app', 'Example.com/app', 'example.com/', '/app', '/', 'a/b/c', '-app', 'app-', '_app',
  'a_b', 'a.b', a(63), a(64), `${a(253, 'p')}/k`, `${a(254, 'p')}/k`, `${a(63)}.${a(63)}.${a(63)}.${a(61)}/k`,
  `${a(63)}.${a(63)}.${a(63)}.${a(62)}/k`, `${a(64)}.b/k`, 'a b', 'é', '', 'kubernetes.io/x', 'a..b/c', '-a/b', 'ex_ample.com/a',
  'example.com/-a', `example.com/${a(64)}`, 'EXAMPLE.COM/app', ...ODD_STRINGS,
];

const LABEL_VALUES = ['', 'v', a(63), a(64), '-v', 'v-', 'v v', 'é', 'a_b.c-d', '0', '_v', '.v', 'V', 'a/b', ...ODD_STRINGS];

const FINALIZERS: Json[][] = [
  ['foo'], ['kubernetes'], ['orphan'], ['foregroundDeletion'], ['orphan', 'foregroundDeletion'], ['foregroundDeletion', 'orphan'],
  ['example.com/foo'], ['Example.com/foo'], ['example.com/'], ['a/b/c'], [''], ['kubernetes.io/pv-protection'], ['foo', 'foo'],
  ['-a/b'], ['a/-b'], [a(64)], [`${a(254, 'p')}/x`], [null], ['FOO'], ['kubernetes', 'Kubernetes'], ['orphan', 'orphan'],
  ['foregroundDeletion', 'orphan', 'foo'], ['Orphan'], ['/x'], ['x/'], ['a/b', 'c'], [], ...ODD_STRINGS.map((s) => [s]),
  ...ODD_STRINGS.slice(0, 4).map((s) => [`example.com/${s}`]),
];

const TIMESTAMPS: Json[] = [
  '2020-01-01T00:00:00Z', '2020-01-01T00:00:00+02:00', '2020-01-01T00:00:00-23:59', '2020-01-01T00:00:00.5Z', '2020-01-01T00:00:00,5Z',
  '2020-01-01T00:00:00.123456789012Z', '2020-01-01T00:00:00.Z', '2020-01-01T00:00:00z', '2020-01-01t00:00:00Z', '2020-01-01 00:00:00Z',
  '2020-01-01', '2020-01-01T00:00', '2020-01-01T00:00:00', '2020-1-01T00:00:00Z', '2020-01-1T00:00:00Z', '2020-01-01T0:00:00Z',
  '2020-01-01T1:00:00Z', '2020-01-01T00:0:00Z', '2020-01-01T00:00:0Z', '20-01-01T00:00:00Z', '20a0-01-01T00:00:00Z',
  '+020-01-01T00:00:00Z', '2020-13-01T00:00:00Z', '2020-00-01T00:00:00Z', '2020-02-30T00:00:00Z', '2020-02-29T00:00:00Z',
  '2021-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '2020-04-31T00:00:00Z', '2020-01-00T00:00:00Z',
  '2020-01-32T00:00:00Z', '2020-01-01T24:00:00Z', '2020-01-01T23:60:00Z', '2020-01-01T23:59:60Z', '2020-01-01T23:59:59Z',
  '2020-01-01T00:00:00+25:00', '2020-01-01T00:00:00+24:00', '2020-01-01T00:00:00+01:61', '2020-01-01T00:00:00+01:60',
  '2020-01-01T00:00:00+0100', '2020-01-01T00:00:00 +01:00', '2020-01-01T00:00:00*01:00', '2020-01-01T00:00:00+a1:00',
  '2020-01-01T00:00:00+01:a0', '2020-01-01T00:00:00Zx', '2020-01-01T00:00:00+01:00x', 'yesterday', '', ' ', 'é', '2020-01-01Té',
  '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2020-01-01T00:00:00.999999999+14:00', 'T', '2020', '2020-', '2020-01-',
  '2020-01-01T', '2020-01-01T00:', '2020-01-01T00:00:', 12345, true, [], {}, null, 1.5,
];

const CIDRS: Json[] = [
  '10.0.0.0/8', '10.0.0.1/8', '10.0.0.0/32', '0.0.0.0/0', '10.0.0.0/33', '10.0.0.0', '10.0.0.0/', '/8', '10.0.0.0/08', '010.0.0.0/8',
  '10.0.0.0/-1', '10.0.0.0/8/8', '256.0.0.0/8', '10.0.0/8', '10.0.0.0.0/8', ' 10.0.0.0/8', '10.0.0.0/8 ', '::/0', '2001:db8::/32',
  '2001:DB8::/32', '2001:0db8::/32', '2001:db8:0:0:0:0:0:0/32', '2001:db8::1/32', '2001:db8::/129', '::ffff:10.0.0.0/104',
  '::ffff:10.0.0.0/120', '::ffff:a00:0/104', '2001:db8::/032', '2001:00db8::/32', 'fe80::/10', 'fe80::%eth0/64', '::1/128',
  '1:2:3:4:5:6:7:8/128', '1:2:3:4:5:6:7::/112', '1::2:3:4:5:6:7/128', '2001:db8::0:1/128', '::ffff:1.2.3.4/128', '1.2.3.4/32',
  'a', '', 'é', ...ODD_STRINGS.slice(0, 6),
];

const EXCEPT_CASES: [Json, Json[]][] = [
  ['10.0.0.0/8', ['10.1.0.0/16']], ['10.0.0.0/8', ['10.0.0.0/8']], ['10.0.0.0/8', ['10.0.0.0/7']], ['10.0.0.0/8', ['11.0.0.0/16']],
  ['10.0.0.0/8', ['10.1.0.1/16']], ['10.0.0.0/8', ['010.1.0.0/16']], ['10.0.0.0/8', ['x']], ['10.0.0.0/8', ['']],
  ['10.0.0.0/8', ['10.1.0.0/16', '10.2.0.0/16', '10.0.0.0/8', '12.0.0.0/8']], ['10.0.0.1/8', ['10.1.0.0/16']],
  ['10.0.0.0/08', ['10.1.0.0/16']], ['2001:db8::/32', ['2001:db8:1::/48']], ['2001:db8::/32', ['10.0.0.0/8']],
  ['10.0.0.0/8', ['::ffff:10.1.0.0/112']], ['::ffff:10.0.0.0/104', ['10.1.0.0/16']], ['2001:db8::/32', ['2001:DB8:1::/48']],
  ['0.0.0.0/0', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']], ['10.0.0.0/8', [null]], ['x', ['10.0.0.0/8']],
  ['10.0.0.0/8', ['10.0.0.0/32']], ['10.0.0.0/32', ['10.0.0.0/32']], ['10.0.0.0/8', []], ['', ['10.0.0.0/8']],
];

const SELECTOR_CASES: Json[] = [
  {}, { matchLabels: {} }, { matchExpressions: [] }, { matchLabels: { app: 'web' } },
  { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
  { matchExpressions: [{ key: 'env', operator: 'In', values: [] }] },
  { matchExpressions: [{ key: 'env', operator: 'In' }] },
  { matchExpressions: [{ key: 'env', operator: 'NotIn', values: null }] },
  { matchExpressions: [{ key: 'env', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'env', operator: 'Exists', values: ['x'] }] },
  { matchExpressions: [{ key: 'env', operator: 'DoesNotExist', values: [] }] },
  { matchExpressions: [{ key: 'env', operator: 'DoesNotExist', values: [''] }] },
  { matchExpressions: [{ key: 'env', operator: 'in', values: ['x'] }] },
  { matchExpressions: [{ key: 'env', operator: 'Gt', values: ['1'] }] },
  { matchExpressions: [{ key: 'env', operator: '', values: ['x'] }] },
  { matchExpressions: [{ key: 'env' }] },
  { matchExpressions: [{ operator: 'Exists' }] },
  { matchExpressions: [{}] },
  { matchExpressions: [null] },
  { matchExpressions: [{ key: 'bad key', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'env', operator: 'In', values: ['a b', '-x', a(64), '', 'ok'] }] },
  { matchExpressions: [{ key: 'env', operator: 'In', values: ['-v-', '-v-'] }] },
  { matchExpressions: [{ key: 'env', operator: 'In', values: [null] }] },
  { matchExpressions: [{ key: 'env', operator: '<In>', values: [] }] },
  { matchExpressions: [{ key: '', operator: 'Bad', values: ['-'] }] },
  { matchLabels: { 'a/b/c': 'x', '': '', 'k': '-v-' } },
  { matchLabels: { x: '-bad-', y: '-bad-' } },
  { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
  ...ODD_STRINGS.map((s) => ({ matchExpressions: [{ key: 'k', operator: s, values: [s] }] })),
];

const PORT_CASES: Json[] = [
  {}, { port: 80 }, { port: 1 }, { port: 65535 }, { port: 0 }, { port: 65536 }, { port: -1 }, { port: 2147483647 }, { port: -2147483648 },
  { port: 80, endPort: 80 }, { port: 80, endPort: 79 }, { port: 80, endPort: 65535 }, { port: 80, endPort: 65536 }, { port: 0, endPort: 0 },
  { port: 0, endPort: -1 }, { port: 65536, endPort: 65537 }, { endPort: 80 }, { endPort: 0 }, { port: 'http', endPort: 90 },
  { port: 'http' }, { port: 'h' }, { port: 'http-alt' }, { port: a(15, 'h') }, { port: a(16, 'h') }, { port: 'HTTP' }, { port: 'h--p' },
  { port: '-http' }, { port: 'http-' }, { port: '80' }, { port: '' }, { port: 'h_p' }, { port: 'h p' }, { port: `${a(16, '-')}` },
  { port: '1-2' }, { port: 'a1' }, { protocol: 'TCP' }, { protocol: 'UDP' }, { protocol: 'SCTP' }, { protocol: 'tcp' },
  { protocol: '' }, { protocol: 'ICMP' }, { protocol: null }, { protocol: 'TCP', port: 53, endPort: 52 },
  { protocol: 'udp', port: 0, endPort: 70000 }, ...ODD_STRINGS.map((s) => ({ protocol: s, port: s })),
];

const POLICY_TYPES: Json[] = [
  [], ['Ingress'], ['Egress'], ['Ingress', 'Egress'], ['Egress', 'Ingress'], ['Ingress', 'Ingress'], ['ingress'], [''], [null],
  ['Ingress', 'Egress', 'Ingress'], ['a', 'b', 'c'], ['Ingress', 'Sideways'], ['Both'], ['INGRESS', 'egress'],
  ...ODD_STRINGS.map((s) => [s]), ['<a>', 'b', 'c\u0001'],
];

const OWNER_REFERENCES: Json[][] = [
  [{}], [{ kind: 'Deployment', name: 'web', uid: 'u1' }], [{ apiVersion: 'apps/v1' }],
  [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1' }],
  [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1', controller: true, blockOwnerDeletion: true }],
  [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u1' }], [{ apiVersion: '/v1', kind: 'Event', name: 'e', uid: 'u1' }],
  [{ apiVersion: 'events.k8s.io/v1', kind: 'Event', name: 'e', uid: 'u1' }], [{ apiVersion: 'v1', kind: 'event', name: 'e', uid: 'u1' }],
  [{ apiVersion: 'a/b/c', kind: 'K', name: 'n', uid: 'u1' }], [{ apiVersion: 'apps/', kind: 'K', name: 'n', uid: 'u1' }],
  [{ apiVersion: '/', kind: 'K', name: 'n', uid: 'u1' }], [{ apiVersion: '/v1', kind: 'K', name: 'n', uid: 'u1' }],
  [{ apiVersion: 'v1', kind: 'List', name: 'l', uid: 'u1' },
    { apiVersion: 'apps/v1', kind: 'Deployment', name: 'a', uid: 'u2', controller: true },
    { apiVersion: 'apps/v1', kind: 'Deployment', name: 'b', uid: 'u3', controller: true }],
  [{ apiVersion: 'v1', kind: 'A', name: 'a', uid: 'u1', controller: true }, { apiVersion: 'v1', kind: 'B', name: 'b', uid: 'u2', controller: true },
    { apiVersion: 'v1', kind: 'C', name: 'c', uid: 'u3', controller: true }],
  [{ apiVersion: 'v1', kind: 'A', name: 'a', uid: 'u1', controller: false }, { apiVersion: 'v1', kind: 'B', name: 'b', uid: 'u2', controller: true }],
  [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'a', uid: 'u2' }, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'a', uid: 'u2' }],
  [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'a', uid: 'u2' }, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'b', uid: 'u2' }],
  [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'a', uid: 'u2' }, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'a', uid: 'u2', controller: false }],
  [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }, { apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' },
    { apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }],
  [{ apiVersion: 'v1', kind: 'X', name: 'a', uid: 'u', controller: true }, { apiVersion: 'v1', kind: 'X', name: 'a', uid: 'u', controller: true }],
  [{}, {}], [null], [null, {}], [{ apiVersion: 'v1', kind: 'K', name: '<n>', uid: 'u&', controller: true },
    { apiVersion: 'v1', kind: 'K2', name: 'n\u0001', uid: 'u2', controller: true }],
  [{ apiVersion: 'v1', kind: 'Event', name: ODD_STRINGS[0], uid: ODD_STRINGS[2], blockOwnerDeletion: false }],
  [{ apiVersion: '', kind: '', name: '', uid: '', controller: true }, { apiVersion: '', kind: '', name: '', uid: '', controller: true, blockOwnerDeletion: true }],
];

/** Fields of the object with a value of each wrong JSON type, for the decoders. */
const TYPE_CASES: [string, Json][] = [];
const WRONG_VALUES: Json[] = ['x', 5, 1.5, true, [], {}, [1], { a: 1 }, -1, 3000000000, 1e21, 1e-7, 80.5, ''];
for (const path of [
  'metadata', 'metadata.name', 'metadata.generateName', 'metadata.namespace', 'metadata.labels', 'metadata.labels.app',
  'metadata.annotations', 'metadata.annotations.a', 'metadata.generation', 'metadata.uid', 'metadata.resourceVersion',
  'metadata.selfLink', 'metadata.deletionGracePeriodSeconds', 'metadata.finalizers', 'metadata.finalizers.0',
  'metadata.ownerReferences', 'metadata.ownerReferences.0', 'metadata.ownerReferences.0.controller', 'metadata.ownerReferences.0.uid',
  'metadata.ownerReferences.0.blockOwnerDeletion', 'metadata.managedFields', 'metadata.managedFields.0',
  'metadata.managedFields.0.operation', 'metadata.managedFields.0.fieldsV1', 'metadata.managedFields.0.time',
  'spec', 'spec.podSelector', 'spec.podSelector.matchLabels', 'spec.podSelector.matchLabels.app', 'spec.podSelector.matchExpressions',
  'spec.podSelector.matchExpressions.0', 'spec.podSelector.matchExpressions.0.key', 'spec.podSelector.matchExpressions.0.operator',
  'spec.podSelector.matchExpressions.0.values', 'spec.podSelector.matchExpressions.0.values.0', 'spec.ingress', 'spec.ingress.0',
  'spec.ingress.0.from', 'spec.ingress.0.from.0', 'spec.ingress.0.from.0.ipBlock', 'spec.ingress.0.from.0.ipBlock.cidr',
  'spec.ingress.0.from.0.ipBlock.except', 'spec.ingress.0.from.0.ipBlock.except.0', 'spec.ingress.0.ports', 'spec.ingress.0.ports.0',
  'spec.ingress.0.ports.0.port', 'spec.ingress.0.ports.0.endPort', 'spec.ingress.0.ports.0.protocol', 'spec.egress', 'spec.egress.0.to',
  'spec.egress.0.to.0.namespaceSelector', 'spec.egress.0.to.0.podSelector', 'spec.policyTypes', 'spec.policyTypes.0',
]) {
  for (const value of WRONG_VALUES) TYPE_CASES.push([path, value]);
}

/** A policy with every field present, for the type and unknown-field cases to break. */
function fullPolicy(): JsonObject {
  return {
    apiVersion: API_VERSION,
    kind: 'NetworkPolicy',
    metadata: {
      name: 'full',
      namespace: 'shop',
      labels: { app: 'web' },
      annotations: { a: 'b' },
      generation: 3,
      uid: 'u',
      resourceVersion: '7',
      selfLink: '/x',
      deletionGracePeriodSeconds: 30,
      finalizers: ['example.com/f'],
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1', controller: true, blockOwnerDeletion: false }],
      managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: API_VERSION, time: '2020-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
    },
    spec: {
      podSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] },
      ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 80, endPort: 90, protocol: 'TCP' }] }],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: {} }] }],
      policyTypes: ['Ingress', 'Egress'],
    },
  };
}

function setPath(root: JsonObject, path: string, value: Json | undefined): JsonObject {
  const copy = JSON.parse(JSON.stringify(root)) as JsonObject;
  const keys = path.split('.');
  let node: any = copy;
  for (const key of keys.slice(0, -1)) node = node[key];
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return copy;
}

/** Every curated document, grouped by class. */
export function curatedCases(): CorpusCase[] {
  const classes: Record<string, JsonObject[]> = {
    'name': NAMES.map((name) => policy({ name })),
    'name-absent': [policy({}), policy({ name: '' }), policy({ name: null }), policy(null), policy({ name: '', generateName: '' })],
    'generate-name': GENERATE_NAMES.flatMap((generateName) => [
      policy({ generateName }), policy({ generateName, name: 'ok' }), policy({ generateName, name: 'Bad_' }),
    ]),
    'generate-name-spec': [policy({ generateName: 'gen-' }, { podSelector: {}, policyTypes: ['Sideways'] })],
    'namespace': NAMESPACES.map((namespace) => policy({ name: 'np', namespace })),
    'label-key': LABEL_KEYS.map((key) => withMeta({ labels: { [key]: 'v' } })),
    'label-value': LABEL_VALUES.map((value) => withMeta({ labels: { k: value } })),
    'labels-many': [
      withMeta({ labels: { a: '-bad-', b: '-bad-' } }), withMeta({ labels: { '-a': 'x', '-b': 'x' } }),
      withMeta({ labels: { 'a/b/c': '-', 'x/y/z': '-' } }), withMeta({ labels: { k: null } }), withMeta({ labels: null }),
      withMeta({ labels: {} }), withMeta({ labels: { 'app': 'web', 'tier': 'front', 'example.com/x': '' } }),
    ],
    'selector-labels': [...LABEL_KEYS.map((key) => withSpec({ podSelector: { matchLabels: { [key]: 'v' } } })),
      ...LABEL_VALUES.map((value) => withPeer({ namespaceSelector: { matchLabels: { k: value } } }))],
    'annotation-key': [...LABEL_KEYS, 'A/B', 'Example.COM/Foo', 'EXAMPLE.com/X_y', 'İ', 'K'].map((key) => withMeta({ annotations: { [key]: 'v' } })),
    'annotation-size': [
      withMeta({ annotations: { a: a(262143, 'v') } }), withMeta({ annotations: { a: a(262144, 'v') } }),
      withMeta({ annotations: { a: a(131071, 'v'), b: a(131071, 'v') } }), withMeta({ annotations: { a: a(131071, 'v'), bb: a(131071, 'v') } }),
      withMeta({ annotations: { a: `${a(262140, 'v')}é` } }), withMeta({ annotations: { 'a': null, '-x': a(262144) } }),
      withMeta({ annotations: { a: ODD_STRINGS.join('') } }),
    ],
    'owner-references': OWNER_REFERENCES.map((ownerReferences) => withMeta({ ownerReferences })),
    'finalizers': FINALIZERS.map((finalizers) => withMeta({ finalizers })),
    'generation': [-1, 0, 1, 42, -9007199254740991, 2 ** 62].map((generation) => withMeta({ generation })),
    'system-fields': [
      withMeta({ uid: 'not-a-uid', resourceVersion: '12', selfLink: '/foo', deletionGracePeriodSeconds: -5 }),
      withMeta({ deletionGracePeriodSeconds: 0, creationTimestamp: '2020-01-01T00:00:00Z', deletionTimestamp: '2020-01-01T00:00:00Z' }),
      withMeta({ managedFields: [{ manager: '', operation: 'Bogus', fieldsType: 'x', apiVersion: '??' }] }),
      withMeta({ managedFields: [{}] }), withMeta({ managedFields: [null] }), withMeta({ managedFields: [{ fieldsV1: 'x', time: null }] }),
      withMeta({ managedFields: [{ manager: 'm', operation: 'Apply', subresource: 'status', fieldsType: 'FieldsV1', fieldsV1: [1] }] }),
    ],
    'timestamp': TIMESTAMPS.flatMap((ts) => [
      withMeta({ creationTimestamp: ts }), withMeta({ deletionTimestamp: ts }), withMeta({ managedFields: [{ manager: 'm', time: ts }] }),
    ]),
    'api-version': ([undefined, '', null, 'v1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1', 'networking.k8s.io/V1',
      'networking.k8s.io/v1 ', '/v1', 'networking.k8s.io/', 'extensions/', 'apps/v1', 'a/b/c', '/', 'NetworkPolicy', 5, true, ['x'], {}] as (Json | undefined)[]).map((apiVersion) => setPath(policy(), 'apiVersion', apiVersion)),
    'unknown-field': [
      policy(undefined, undefined, { status: {} }), policy(undefined, undefined, { Status: 1, zzz: null }),
      withSpec({ PodSelector: { matchLabels: { app: 'web' } } }), withSpec({ ingress: [{ From: [] }] }),
      withSpec({ ingress: [{ ports: [{ port: 80, portRange: '80-90' }] }] }), withMeta({ foo: 1, Labels: {} }),
      withSpec({ egress: [{ foo: 1, ports: [{ bar: 1 }], to: [{ ipBlock: { cidr: '10.0.0.0/8', Except: [] } }] }] }),
      withSpec({ podSelector: { matchLabels: {}, matchlabels: {} } }), withSpec({ policytypes: ['Ingress'] }),
      withMeta({ ownerReferences: [{ apiVersion: 'v1', kind: 'K', name: 'n', uid: 'u', Controller: true }] }),
      withSpec({ ingress: [{ from: [{ 'podSelector': {}, 'pod Selector': {} }] }] }),
      withSpec({ ingress: [{ from: [{ podSelector: {}, [ODD_STRINGS[0]]: 1, [ODD_STRINGS[5]]: 2, [ODD_STRINGS[10]]: 3 }] }] }),
      policy(undefined, undefined, Object.fromEntries([...Array(120).keys()].map((i) => [`x${String(i).padStart(3, '0')}`, i]))),
      setPath(withSpec({ foo: 1 }), 'spec.ingress', [{ ports: [{ port: true }] }]),
      setPath(withSpec({ foo: 1 }), 'spec.ingress', [{ ports: [{ endPort: 'x' }] }]),
    ],
    'type': TYPE_CASES.map(([path, value]) => setPath(fullPolicy(), path, value)),
    'type-order': [
      withSpec({ egress: [{ ports: [{ endPort: 'x', port: 'p', protocol: 5 }] }] }),
      withSpec({ egress: [{ ports: [{ endPort: 'x', protocol: 5 }], to: 'x' }], podSelector: { matchLabels: { a: 1 } } }),
      withSpec({ egress: [{ ports: [{ endPort: 'x' }, { port: true }] }] }),
      withSpec({ egress: [{ ports: [{ port: {} }] }], ingress: [{ ports: [{ port: [] }] }] }),
      withSpec({ ingress: [{ ports: [{ port: 1.5 }], from: 'x' }], policyTypes: 'Ingress' }),
      withMeta({ labels: { a: 5 }, generation: 'x', creationTimestamp: 'bad' }),
      withMeta({ annotations: { a: true }, deletionTimestamp: 5, finalizers: [1] }),
      withMeta({ ownerReferences: [{ uid: 5, controller: 'yes' }], managedFields: [{ time: 'x' }] }),
    ],
    'protocol-port': PORT_CASES.map(withPort),
    'ports-many': [
      withSpec({ ingress: [{ ports: [{ port: 0 }, { port: 0 }, { port: 'H' }, { port: 'H' }] }], egress: [{ ports: [{ port: 0 }] }] }),
      withSpec({ ingress: [{ ports: [null, { port: null, endPort: null, protocol: null }] }] }), withSpec({ ingress: [{ ports: [] }] }),
    ],
    'peer': [
      withPeer({}), withPeer(null), withPeer({ podSelector: {} }), withPeer({ namespaceSelector: {} }),
      withPeer({ podSelector: {}, namespaceSelector: {} }),
      withPeer({ ipBlock: { cidr: '10.0.0.0/8' } }), withPeer({ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }),
      withPeer({ ipBlock: { cidr: '10.0.0.0/8' }, namespaceSelector: {}, podSelector: {} }), withPeer({ ipBlock: {} }), withPeer({ ipBlock: null }),
      withPeer({ podSelector: null, namespaceSelector: null, ipBlock: null }), withPeer({ ipBlock: { cidr: '' }, podSelector: {} }),
      withPeer({ ipBlock: { cidr: 'x' }, namespaceSelector: { matchLabels: { '-': '-' } } }),
      withSpec({ ingress: [{ from: [{}, {}, { ipBlock: {} }, { ipBlock: { cidr: '' } }] }], egress: [{ to: [{}, { ipBlock: {} }] }] }),
      withSpec({ egress: [{ to: [] }, {}, { to: [{ podSelector: {} }], ports: [{ port: 53, protocol: 'UDP' }] }] }),
    ],
    'cidr': CIDRS.flatMap((cidr) => [withPeer({ ipBlock: { cidr } }), withSpec({ egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: [cidr] } }] }] })]),
    'except': EXCEPT_CASES.map(([cidr, except]) => withPeer({ ipBlock: { cidr, except } })),
    'selector': SELECTOR_CASES.flatMap((selector) => [
      withSpec({ podSelector: selector }), withPeer({ podSelector: selector }), withSpec({ egress: [{ to: [{ namespaceSelector: selector }] }] }),
    ]),
    'policy-types': POLICY_TYPES.map((policyTypes) => withSpec({ policyTypes })),
    'spec-shape': [
      policy(undefined, null), policy(undefined, {}), policy(undefined, undefined, {}), setPath(policy(), 'spec', undefined),
      withSpec({ podSelector: null, ingress: null, egress: null, policyTypes: null }), withSpec({ ingress: [null, {}], egress: [null] }),
      withSpec({ ingress: [], egress: [], policyTypes: [] }),
    ],
    'bytes-not-characters': [
      policy({ name: a(127, 'é') }), policy({ name: `${a(126, 'é')}a` }), policy({ name: 'np', namespace: a(32, 'é') }),
      withMeta({ labels: { k: a(31, 'é') } }), withMeta({ labels: { k: a(32, 'é') } }), withMeta({ labels: { [a(32, 'é')]: 'v' } }),
      withMeta({ labels: { [`${a(127, 'é')}/k`]: 'v' } }), withMeta({ annotations: { a: a(131071, 'é') } }),
      withMeta({ annotations: { a: `${a(131070, 'é')}vv` } }), withPort({ port: a(8, 'é') }), withPort({ port: `${a(7, 'é')}a` }),
      policy({ generateName: a(30, 'é') }), policy({ generateName: `${a(29, 'é')}-` }), withMeta({ finalizers: [`${a(127, 'é')}/x`] }),
    ],
    'quoting': [
      withMeta({ finalizers: ['orphan', 'foregroundDeletion', ...ODD_STRINGS] }),
      withSpec({ policyTypes: ODD_STRINGS.slice(0, 3) }), withSpec({ policyTypes: ODD_STRINGS.slice(3, 6) }),
      withMeta({ ownerReferences: ODD_STRINGS.slice(0, 6).map((s, i) => ({ apiVersion: s, kind: s, name: s, uid: `u${i}`, controller: true })) }),
      withMeta({ ownerReferences: ODD_STRINGS.slice(6, 12).map((s) => ({ apiVersion: 'v1', kind: 'Event', name: s, uid: s })) }),
      ...ODD_STRINGS.map((s) => withPeer({ ipBlock: { cidr: `10.0.0.0/8${s}`, except: [s] } })),
      ...ODD_STRINGS.map((s) => withSpec({ [s]: 1, ingress: [{ [s]: 1 }] })),
      ...ODD_STRINGS.map((s) => policy({ name: s, namespace: s, generateName: s, labels: { [s]: s }, annotations: { [s]: s } })),
    ],
    'cidr-more': [
      '::ffff:0:0/96', '::ffff:0.0.0.0/96', '::1.2.3.4/128', '1.2.3.4/032', '1.2.3.04/32', '1.2.3.4/+8', '0000:0000::/32',
      '00000::/32', '2001:DB8::1/128', '2001:db8::1:0:0:1/128', '2001:db8:0:0:1:0:0:1/128', '2001:db8::/64', 'FE80::/10', '::/128',
      '::/1', '1::/0', '::ffff:1.2.3.4/96', '::ffff:1.2.3.4/95', '10.0.0.0/8,10.1.0.0/16', '10.0.0.0 /8', '0x0a.0.0.0/8',
      '10.0.0.0/8.0', '1.2.3.4/32/', '::ffff:10.0.0.1/128', '::ffff:10.0.0.0/127', '0:0:0:0:0:ffff:a00:1/128', '1:2:3:4:5:6:7:8:9/128',
      '1:2:3:4:5:6:7/128', '1::2::3/128', ':1::/16', '1::/16:', '1:2:3:4:5:6:1.2.3.4/128', '1:2:3:4:5:1.2.3.4/128', '2001:db8::/00',
    ].flatMap((cidr) => [withPeer({ ipBlock: { cidr } }), withPeer({ ipBlock: { cidr: '::/0', except: [cidr] } }), withPeer({ ipBlock: { cidr: '0.0.0.0/0', except: [cidr] } })]),
    'namespace-more': ['Team.A', 'team.A', 'a.-b', `${a(63)}.`, 'xn--bcher-kva', 'a'.repeat(62) + '-'].map((namespace) => policy({ name: 'np', namespace })),
    'everything-wrong': [
      policy({
        name: 'Bad_',
        generateName: 'x_',
        namespace: 'Bad.ns',
        labels: { '-': '-' },
        annotations: { '-': '' },
        ownerReferences: [{}],
        finalizers: ['foo', 'orphan', 'foregroundDeletion'],
      }, {
        podSelector: { matchExpressions: [{ key: '', operator: 'x', values: ['-'] }] },
        ingress: [{ ports: [{ port: 0, endPort: -1, protocol: 'x' }], from: [{}, { ipBlock: { cidr: '' } }, { ipBlock: { cidr: '10.0.0.1/8', except: ['11.0.0.0/8'] }, podSelector: {} }] }],
        egress: [{ ports: [{ port: 'X', endPort: 5 }], to: [{ namespaceSelector: { matchLabels: { '': '-' } } }] }],
        policyTypes: ['a', 'b', 'c'],
      }),
    ],
    'client-duplicate-key': ['v1', 'network', 'networking.k8s.io/v1beta1', API_VERSION].flatMap((apiVersion) => {
      const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'u', generateName: 'g' };
      const metas: JsonObject[] = [
        { labels: 443, ownerReferences: [owner] }, { labels: null, ownerReferences: [owner] }, { labels: [], ownerReferences: [owner] },
        { annotations: 'x', ownerReferences: [owner] }, { annotations: [], labels: [], generateName: 'g', ownerReferences: [owner] },
        { annotations: null, labels: null, ownerReferences: [owner] }, { labels: { name: 'x' }, ownerReferences: [owner] },
        { labels: [{ a: 1, b: { a: 2 } }] }, { annotations: 5, finalizers: ['x'], labels: { annotations: 'y', finalizers: 'z' } },
      ];
      return metas.map((meta) => setPath(policy({ name: 'np', ...meta }), 'apiVersion', apiVersion));
    }),
    'duplicates': [
      withMeta({ labels: { a: '-bad-', b: '-bad-' } }), withSpec({ podSelector: { matchLabels: { x: '-bad-', y: '-bad-' } } }),
      withSpec({ ingress: [{ from: [{}, {}] }], egress: [{ to: [{}] }] }), withMeta({ finalizers: ['foo', 'foo', 'a/b/c', 'a/b/c'] }),
      withMeta({ annotations: { '-a': '', '-A': '' } }),
      withMeta({ ownerReferences: [{ apiVersion: 'x/y/z', kind: 'K', name: 'n', uid: 'a' }, { apiVersion: 'x/y/z', kind: 'K', name: 'n', uid: 'b' }] }),
    ],
  };
  return Object.entries(classes).flatMap(([name, documents]) => documents.map((document, i) => ({ id: `${name}/${i}`, document })));
}

/** Realistic policies for the fuzz to start from. */
function seedPolicies(): JsonObject[] {
  return [
    policy({ name: 'default-deny', namespace: 'shop' }, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy({ name: 'web', namespace: 'shop', labels: { app: 'web' } }, {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress' } }, podSelector: {} }], ports: [{ port: 8080 }] }],
    }),
    policy({ name: 'egress', namespace: 'shop' }, {
      podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api', 'worker'] }] },
      egress: [
        { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ port: 443 }] },
        { to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
      ],
      policyTypes: ['Egress'],
    }),
    policy({ name: 'ranges', generateName: 'ranges-', annotations: { 'example.com/owner': 'team-a' }, finalizers: ['example.com/keep'] }, {
      podSelector: {},
      ingress: [{ ports: [{ port: 32000, endPort: 32768, protocol: 'TCP' }, { port: 'metrics' }, { protocol: 'SCTP' }] }],
    }),
    policy({
      generateName: 'gen-',
      namespace: 'team-a',
      labels: { 'app.kubernetes.io/name': 'api', 'team': 'a' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      finalizers: ['kubernetes'],
    }, {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } },
      ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'role', operator: 'Exists' }, { key: 'env', operator: 'NotIn', values: ['dev'] }] } }] }],
      egress: [{ to: [{ ipBlock: { cidr: '192.168.0.0/16' } }], ports: [{ port: 5432 }] }],
      policyTypes: ['Ingress', 'Egress'],
    }),
    policy({ name: 'v6', namespace: 'net', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'u1', controller: true }] }, {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } }, { podSelector: { matchLabels: { role: 'client' } } }] }],
      egress: [{}],
    }),
  ];
}

/** A small deterministic PRNG (Park and Miller's minimal standard generator). */
class Random {
  private static readonly MODULUS = 2147483647;
  private state: number;

  public constructor(seed: number) {
    this.state = seed % Random.MODULUS || 1;
  }

  public next(): number {
    this.state = (this.state * 48271) % Random.MODULUS;
    return (this.state - 1) / (Random.MODULUS - 1);
  }

  public int(n: number): number {
    return Math.floor(this.next() * n);
  }

  public pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const FUZZ_STRINGS: Json[] = [
  ...NAMES, ...LABEL_KEYS, ...LABEL_VALUES, ...CIDRS, 'TCP', 'UDP', 'SCTP', 'Ingress', 'Egress', 'In', 'NotIn', 'Exists', 'DoesNotExist',
  'http', 'dns-tcp', 'kubernetes', 'orphan', 'foregroundDeletion', 'v1', 'apps/v1', 'Event', '2020-01-01T00:00:00Z', ...TIMESTAMPS,
];
const FUZZ_NUMBERS: Json[] = [0, 1, -1, 53, 80, 443, 8080, 65535, 65536, 2147483647, 2147483648, -2147483649, 1.5, 80.5, 1e21, 3e9];
const FUZZ_KEYS = ['foo', 'status', 'Spec', 'podselector', 'ports', 'from', 'to', 'cidr', 'except', 'name', 'x'];

/** Every node of a JSON tree with the path of keys leading to it. */
function nodes(value: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  const here = [{ path, value }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => nodes(item, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  return here;
}

function replaceAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = JSON.parse(JSON.stringify(root));
  let node = copy;
  for (const key of path.slice(0, -1)) node = node?.[key];
  // A mutation earlier may have replaced the container: then there is nothing to change.
  if (node === null || typeof node !== 'object') return root;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return copy;
}

function randomValue(random: Random, depth = 0): Json {
  switch (random.int(depth > 1 ? 4 : 7)) {
    case 0: return random.pick(FUZZ_STRINGS);
    case 1: return random.pick(FUZZ_NUMBERS);
    case 2: return random.pick([true, false, null]);
    case 3: return random.pick(['', 'x', '-bad-', ...ODD_STRINGS]);
    case 4: return [...Array(random.int(3)).keys()].map(() => randomValue(random, depth + 1));
    case 5: return Object.fromEntries([...Array(random.int(3)).keys()].map(() => [random.pick(FUZZ_KEYS), randomValue(random, depth + 1)]));
    default: return {};
  }
}

function mutateString(random: Random, text: string): string {
  switch (random.int(6)) {
    case 0: return text.toUpperCase();
    case 1: return `${text}-`;
    case 2: return text.slice(0, random.int(text.length + 1));
    case 3: return text.repeat(2 + random.int(40));
    case 4: return `${text}${random.pick(['.', '/', '_', ' ', '%', '"', 'é', '\u0001', '/x/y'])}`;
    default: return `${random.pick(['-', '.', '/', 'A'])}${text}`;
  }
}

/** The mutations and how often each is drawn: most keep the JSON type, so that validation is reached. */
const MUTATIONS: [string, number][] = [
  ['delete', 1], ['random', 1], ['unknown-key', 1], ['repeat-item', 1], ['string', 4], ['number', 2], ['metadata', 3], ['spec', 3],
];

function mutate(random: Random, doc: Json): Json {
  // The kind stays: other kinds are not the validator's.
  const all = nodes(doc).filter((n) => n.path.length > 0 && n.path[0] !== 'kind');
  if (all.length === 0) return doc;
  const target = random.pick(all);
  const ofType = (type: string) => all.filter((n) => typeof n.value === type);
  let draw = random.int(MUTATIONS.reduce((sum, [, weight]) => sum + weight, 0));
  const [mutation] = MUTATIONS.find(([, weight]) => (draw -= weight) < 0)!;
  switch (mutation) {
    case 'delete': return replaceAt(doc, target.path, undefined);
    case 'random': return replaceAt(doc, target.path, randomValue(random));
    case 'unknown-key': {
      const objects = all.filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value));
      if (objects.length === 0) return doc;
      const object = random.pick(objects);
      return replaceAt(doc, [...object.path, random.pick(FUZZ_KEYS)], randomValue(random));
    }
    case 'repeat-item': {
      const arrays = all.filter((n) => Array.isArray(n.value) && (n.value as Json[]).length > 0);
      if (arrays.length === 0) return doc;
      const array = random.pick(arrays);
      const items = array.value as Json[];
      return replaceAt(doc, array.path, [...items, random.pick(items)]);
    }
    case 'string': {
      const strings = ofType('string');
      if (strings.length === 0) return doc;
      const leaf = random.pick(strings);
      return replaceAt(doc, leaf.path, random.int(2) === 0 ? mutateString(random, leaf.value as string) : random.pick(FUZZ_STRINGS));
    }
    case 'number': {
      const numbers = ofType('number');
      if (numbers.length === 0) return replaceAt(doc, target.path, random.pick(FUZZ_NUMBERS));
      const leaf = random.pick(numbers);
      const n = leaf.value as number;
      return replaceAt(doc, leaf.path, random.pick([n + 1, n - 1, -n, n * 1000, n + 0.5, 0, ...FUZZ_NUMBERS]));
    }
    case 'metadata': {
      const metadataFields: [string, Json[]][] = [
        ['name', NAMES], ['generateName', GENERATE_NAMES], ['namespace', NAMESPACES], ['finalizers', FINALIZERS],
        ['ownerReferences', OWNER_REFERENCES], ['creationTimestamp', TIMESTAMPS], ['labels', LABEL_KEYS.map((k) => ({ [k]: random.pick(LABEL_VALUES) }))],
        ['annotations', LABEL_KEYS.map((k) => ({ [k]: random.pick(LABEL_VALUES) }))],
      ];
      const [key, pool] = random.pick(metadataFields);
      return replaceAt(doc, ['metadata', key], random.pick(pool));
    }
    default: {
      const specFields: [(string | number)[], Json[]][] = [
        [['spec', 'podSelector'], SELECTOR_CASES], [['spec', 'policyTypes'], POLICY_TYPES],
        [['spec', 'ingress'], [[{ ports: [random.pick(PORT_CASES), random.pick(PORT_CASES)] }], [{ from: [{ ipBlock: { cidr: random.pick(CIDRS) } }] }]]],
        [['spec', 'egress'], [[{ to: [{ ipBlock: { cidr: random.pick(EXCEPT_CASES)[0], except: random.pick(EXCEPT_CASES)[1] } }] }]]],
        [['spec', 'ingress'], [[{ from: [{ podSelector: random.pick(SELECTOR_CASES), namespaceSelector: random.pick(SELECTOR_CASES) }] }]]],
      ];
      const [path, pool] = random.pick(specFields);
      return replaceAt(doc, path, random.pick(pool));
    }
  }
}

/** `count` mutated policies: each starts from a seed policy and takes one to `maxMutations` mutations. */
export function fuzzCases(seed: number, count: number, maxMutations = 4): CorpusCase[] {
  const random = new Random(seed);
  const seeds = seedPolicies();
  return [...Array(count).keys()].map((i) => {
    let document: Json = random.pick(seeds);
    const mutations = 1 + random.int(maxMutations);
    for (let m = 0; m < mutations; m++) document = mutate(random, document);
    return { id: `fuzz/${i}`, document };
  });
}
