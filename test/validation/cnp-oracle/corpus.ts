/**
 * The ClusterNetworkPolicy validation corpus: small documents, each a valid base policy with one
 * change (or a few, where the cases are about how errors combine). The case name says what it
 * tests; it is also the object's `metadata.name` unless the case is about the name.
 *
 * `record.ts` sends every case to the API-server oracle and writes its answers to
 * `verdicts.json`; `cluster-network-policy-validator.test.ts` holds our validator to them.
 * Deterministic: the same cases in the same order on every run.
 */

export interface CorpusCase {
  readonly name: string;
  readonly manifest: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const API_VERSION = 'policy.networking.k8s.io/v1alpha2';
const KIND = 'ClusterNetworkPolicy';

const NS = { namespaces: {} };
const PODS = { pods: { podSelector: {} } };

function base(overrides: Json = {}): Json {
  return { tier: 'Admin', priority: 10, subject: { namespaces: {} }, ...overrides };
}

function egressRule(to: unknown, overrides: Json = {}): Json {
  return { action: 'Deny', to, ...overrides };
}

function ingressRule(peers: unknown, overrides: Json = {}): Json {
  return { action: 'Deny', from: peers, ...overrides };
}

function tcp(port: unknown): Json {
  return { tcp: { destinationPort: { number: port } } };
}

function portRange(protocol: string, start: unknown, end: unknown): Json {
  return { [protocol]: { destinationPort: { range: { start, end } } } };
}

function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** Every JSON type but the one the field has, for the type-error cases. */
const WRONG_TYPES: Record<string, unknown> = {
  'string': 'x',
  'integer': 7,
  'float': 1.5,
  'bool': true,
  'object': { a: 'b' },
  'empty-object': {},
  'array': ['x'],
  'empty-array': [],
};

/** The cases, in a fixed order. */
export function cnpCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const seen = new Set<string>();
  const add = (name: string, manifest: Json): void => {
    if (seen.has(name)) {
      throw new Error(`duplicate corpus case ${name}`);
    }
    seen.add(name);
    cases.push({ name, manifest });
  };
  const policy = (name: string, spec: unknown, extra: Json = {}): void =>
    add(name, { apiVersion: API_VERSION, kind: KIND, metadata: { name }, spec, ...extra });
  const withSpec = (name: string, overrides: Json): void => policy(name, base(overrides));
  const egress = (name: string, ...rules: Json[]): void => withSpec(name, { egress: rules });
  const ingress = (name: string, ...rules: Json[]): void => withSpec(name, { ingress: rules });

  // Valid shapes, both channels.
  withSpec('valid-admin-min', {});
  withSpec('valid-baseline-min', { tier: 'Baseline' });
  withSpec('valid-priority-0', { priority: 0 });
  withSpec('valid-priority-1000', { priority: 1000 });
  withSpec('valid-subject-pods', {
    subject: {
      pods: {
        namespaceSelector: { matchLabels: { a: 'b' } },
        podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['x'] }] },
      },
    },
  });
  withSpec('valid-subject-pods-no-namespace-selector', { subject: { pods: { podSelector: {} } } });
  withSpec('valid-subject-namespaces-expressions', {
    subject: { namespaces: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }, { key: 'team', operator: 'Exists' }] } },
  });
  ingress('valid-ingress-namespaces-and-pods', ingressRule([NS, PODS], { action: 'Accept', name: 'r1' }));
  egress('valid-egress-standard-peers', egressRule([NS, PODS, { networks: ['10.0.0.0/8', 'fd00::/8'] }], { action: 'Pass' }));
  egress('valid-egress-every-protocol-form', egressRule([PODS], {
    protocols: [tcp(80), { udp: { destinationPort: { number: 53 } } }, { sctp: { destinationPort: { number: 9 } } },
      portRange('tcp', 1, 65535), portRange('udp', 1000, 2000), portRange('sctp', 5, 6), { destinationNamedPort: 'http' }],
  }));
  ingress('valid-ingress-named-port', ingressRule([NS], { protocols: [{ destinationNamedPort: 'http' }] }));
  withSpec('valid-25-ingress-rules', { ingress: times(25, () => ingressRule([NS])) });
  withSpec('valid-25-egress-rules', { egress: times(25, () => egressRule([NS])) });
  egress('valid-25-peers-25-protocols', egressRule(times(25, () => NS), { protocols: times(25, (i) => tcp(i + 1)) }));
  egress('valid-rule-name-100', egressRule([NS], { name: 'n'.repeat(100) }));
  egress('valid-rule-name-100-runes', egressRule([NS], { name: 'é'.repeat(100) }));
  egress('valid-rule-name-empty', egressRule([NS], { name: '' }));
  withSpec('valid-empty-rule-lists', { ingress: [], egress: [] });
  withSpec('valid-null-rule-lists', { ingress: null, egress: null });
  egress('valid-every-action', egressRule([NS], { action: 'Accept' }), egressRule([NS], { action: 'Deny' }), egressRule([NS], { action: 'Pass' }));
  egress('valid-named-port-with-pods', egressRule([PODS], { protocols: [{ destinationNamedPort: 'http' }] }));
  egress('valid-named-port-empty-string', egressRule([PODS], { protocols: [{ destinationNamedPort: '' }] }));
  egress('valid-range-1-2', egressRule([NS], { protocols: [portRange('tcp', 1, 2)] }));
  egress('valid-range-65534-65535', egressRule([NS], { protocols: [portRange('udp', 65534, 65535)] }));
  egress('valid-port-1', egressRule([NS], { protocols: [tcp(1)] }));
  egress('valid-port-65535', egressRule([NS], { protocols: [tcp(65535)] }));
  egress('valid-networks-with-numbered-port', egressRule([{ networks: ['10.0.0.0/8'] }], { protocols: [tcp(80)] }));
  withSpec('valid-selector-unchecked-operator', { subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Foo' }] } } });
  withSpec('valid-selector-unchecked-label-syntax', { subject: { namespaces: { matchLabels: { 'a b': 'c d' } } } });
  withSpec('valid-selector-in-without-values', { subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'In' }] } } });
  withSpec('valid-selector-exists-with-values', { subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b'] }] } } });
  withSpec('valid-selector-values-null', { subject: { namespaces: { matchExpressions: [{ key: 'a', operator: 'Exists', values: null }] } } });
  withSpec('valid-selector-match-labels-null', { subject: { namespaces: { matchLabels: null } } });
  withSpec('valid-pods-namespace-selector-null', { subject: { pods: { namespaceSelector: null, podSelector: {} } } });
  egress('valid-equal-priority-is-fine', egressRule([NS]));
  policy('valid-status-dropped', base(), {
    status: { conditions: [{ type: 'Ready', status: 'True', reason: 'x', message: '', lastTransitionTime: '2026-01-01T00:00:00Z' }] },
  });
  policy('valid-status-invalid-conditions', base(), {
    status: { conditions: [{ type: 'bad type!', status: 'Maybe', reason: '', message: 'x', lastTransitionTime: 'yesterday', observedGeneration: -1 }] },
  });
  policy('valid-status-no-conditions', base(), { status: {} });
  policy('valid-status-wrong-types', base(), { status: { conditions: 'x' } });
  policy('valid-largest', base({
    ingress: times(25, () => ingressRule(times(25, () => PODS), {
      action: 'Pass', name: 'i'.repeat(100), protocols: times(25, (i) => portRange('tcp', i + 1, i + 2)),
    })),
    egress: times(25, (r) => egressRule(times(25, () => ({ networks: times(25, (i) => `10.${r}.${i}.0/24`) })), {
      name: 'e'.repeat(100), protocols: times(25, (i) => portRange('udp', i + 1, i + 2)),
    })),
  }));

  // The object and spec.
  add('spec-missing', { apiVersion: API_VERSION, kind: KIND, metadata: { name: 'spec-missing' } });
  policy('spec-null', null);
  policy('spec-empty', {});
  for (const [type, value] of Object.entries(WRONG_TYPES)) {
    if (type !== 'object' && type !== 'empty-object') policy(`spec-type-${type}`, value);
  }
  policy('spec-missing-tier', { priority: 10, subject: { namespaces: {} } });
  policy('spec-missing-priority', { tier: 'Admin', subject: { namespaces: {} } });
  policy('spec-missing-subject', { tier: 'Admin', priority: 10 });
  withSpec('spec-unknown-field', { foo: 'bar' });
  withSpec('spec-two-unknown-fields', { foo: 'bar', egress: [egressRule([NS], { bar: 1 })] });
  withSpec('spec-unknown-field-and-invalid-values', { tier: 'admin', priority: 5000, foo: 'bar' });
  withSpec('spec-several-errors', { tier: 'admin', priority: 1001, subject: {} });
  policy('spec-unknown-root-field', base(), { extra: true });
  withSpec('spec-unknown-field-null', { foo: null });
  policy('spec-status-unknown-field', base(), { status: { conditions: [], phase: 'Ready' } });
  policy('spec-status-null', base(), { status: null });
  policy('spec-unknown-root-fields-sorted', base({ zeta: 1, alpha: { beta: 2 } }), { extra: true });

  // tier
  for (const [name, tier] of [['lowercase', 'admin'], ['unknown', 'NetworkPolicy'], ['empty', ''], ['padded', ' Admin']] as const) {
    withSpec(`tier-${name}`, { tier });
  }
  withSpec('tier-null', { tier: null });
  for (const [type, value] of Object.entries(WRONG_TYPES)) withSpec(`tier-type-${type}`, { tier: value });

  // priority
  for (const [name, priority] of [['minus-1', -1], ['1001', 1001], ['int32-max', 2147483647], ['int32-overflow', 2147483648],
    ['int32-underflow', -2147483649], ['huge', 1e20], ['float', 1.5], ['negative-float', -0.5]] as const) {
    withSpec(`priority-${name}`, { priority });
  }
  withSpec('priority-null', { priority: null });
  for (const [type, value] of Object.entries(WRONG_TYPES)) {
    if (type !== 'integer' && type !== 'float') withSpec(`priority-type-${type}`, { priority: value });
  }

  // subject
  withSpec('subject-empty', { subject: {} });
  withSpec('subject-null', { subject: null });
  withSpec('subject-namespaces-and-pods', { subject: { namespaces: {}, pods: { podSelector: {} } } });
  withSpec('subject-namespaces-null', { subject: { namespaces: null } });
  withSpec('subject-pods-missing-pod-selector', { subject: { pods: { namespaceSelector: {} } } });
  withSpec('subject-pods-empty', { subject: { pods: {} } });
  withSpec('subject-pods-pod-selector-null', { subject: { pods: { podSelector: null } } });
  withSpec('subject-unknown-field', { subject: { nodes: {} } });
  withSpec('subject-unknown-and-known-field', { subject: { namespaces: {}, nodes: {} } });
  for (const [type, value] of Object.entries(WRONG_TYPES)) {
    if (type !== 'object' && type !== 'empty-object') withSpec(`subject-type-${type}`, { subject: value });
    if (type !== 'object' && type !== 'empty-object') withSpec(`subject-namespaces-type-${type}`, { subject: { namespaces: value } });
  }
  withSpec('subject-pods-pod-selector-type-string', { subject: { pods: { podSelector: 'x' } } });
  withSpec('subject-array-of-objects', { subject: [{ namespaces: {} }] });

  // Label selectors, at each place one can be.
  const selectorPlaces: Record<string, (selector: unknown) => Json> = {
    'subject-namespaces': (s) => ({ subject: { namespaces: s } }),
    'subject-pods-namespace-selector': (s) => ({ subject: { pods: { namespaceSelector: s, podSelector: {} } } }),
    'subject-pods-pod-selector': (s) => ({ subject: { pods: { podSelector: s } } }),
    'ingress-peer-namespaces': (s) => ({ ingress: [ingressRule([{ namespaces: s }])] }),
    'ingress-peer-pods': (s) => ({ ingress: [ingressRule([{ pods: { podSelector: s } }])] }),
    'egress-peer-namespaces': (s) => ({ egress: [egressRule([{ namespaces: s }])] }),
    'egress-peer-pods-namespace-selector': (s) => ({ egress: [egressRule([{ pods: { namespaceSelector: s, podSelector: {} } }])] }),
    'egress-peer-nodes': (s) => ({ egress: [egressRule([{ nodes: s }])] }),
  };
  const badSelectors: Record<string, unknown> = {
    'expression-missing-operator': { matchExpressions: [{ key: 'a' }] },
    'expression-missing-key': { matchExpressions: [{ operator: 'Exists' }] },
    'expression-empty': { matchExpressions: [{}] },
    'expression-null-item': { matchExpressions: [null] },
    'expressions-object': { matchExpressions: { key: 'a', operator: 'Exists' } },
    'expression-values-string': { matchExpressions: [{ key: 'a', operator: 'In', values: 'b' }] },
    'expression-values-number': { matchExpressions: [{ key: 'a', operator: 'In', values: [1] }] },
    'expression-key-number': { matchExpressions: [{ key: 1, operator: 'Exists' }] },
    'expression-unknown-field': { matchExpressions: [{ key: 'a', operator: 'Exists', value: 'b' }] },
    'match-labels-number': { matchLabels: { a: 1 } },
    'match-labels-bool': { matchLabels: { a: true } },
    'match-labels-null-value': { matchLabels: { a: null } },
    'match-labels-object-value': { matchLabels: { a: { b: 'c' } } },
    'match-labels-array': { matchLabels: ['a'] },
    'match-labels-string': { matchLabels: 'a=b' },
    'unknown-field': { matchName: 'x' },
    'valid-both-parts': { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'DoesNotExist' }] },
  };
  for (const [place, at] of Object.entries(selectorPlaces)) {
    for (const [what, selector] of Object.entries(badSelectors)) {
      withSpec(`selector-${place}-${what}`, at(selector));
    }
  }

  // Rules: lists, action, name, peers lists, protocols lists.
  for (const [direction, rule] of [['ingress', ingressRule], ['egress', egressRule]] as const) {
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    withSpec(`${direction}-26-rules`, { [direction]: times(26, () => rule([NS])) });
    withSpec(`${direction}-null-rule`, { [direction]: [null] });
    withSpec(`${direction}-empty-rule`, { [direction]: [{}] });
    withSpec(`${direction}-object-instead-of-list`, { [direction]: { action: 'Deny' } });
    withSpec(`${direction}-string-instead-of-list`, { [direction]: 'x' });
    withSpec(`${direction}-rule-string`, { [direction]: ['x'] });
    withSpec(`${direction}-action-missing`, { [direction]: [{ [peersKey]: [NS] }] });
    withSpec(`${direction}-action-null`, { [direction]: [{ action: null, [peersKey]: [NS] }] });
    for (const action of ['deny', 'Allow', '', 'accept', 'PASS']) {
      withSpec(`${direction}-action-${action.toLowerCase() || 'empty'}${action === action.toLowerCase() ? '' : '-capitalised'}-value`, { [direction]: [rule([NS], { action })] });
    }
    withSpec(`${direction}-action-number`, { [direction]: [rule([NS], { action: 1 })] });
    withSpec(`${direction}-peers-missing`, { [direction]: [{ action: 'Deny' }] });
    withSpec(`${direction}-peers-null`, { [direction]: [{ action: 'Deny', [peersKey]: null }] });
    withSpec(`${direction}-peers-empty`, { [direction]: [rule([])] });
    withSpec(`${direction}-peers-25`, { [direction]: [rule(times(25, () => NS))] });
    withSpec(`${direction}-peers-26`, { [direction]: [rule(times(26, () => NS))] });
    withSpec(`${direction}-peers-object`, { [direction]: [rule(NS)] });
    withSpec(`${direction}-peer-null`, { [direction]: [rule([null])] });
    withSpec(`${direction}-peer-string`, { [direction]: [rule(['x'])] });
    withSpec(`${direction}-peer-empty`, { [direction]: [rule([{}])] });
    withSpec(`${direction}-peer-two-fields`, { [direction]: [rule([{ namespaces: {}, pods: { podSelector: {} } }])] });
    withSpec(`${direction}-peer-pods-empty`, { [direction]: [rule([{ pods: {} }])] });
    withSpec(`${direction}-peer-pods-missing-pod-selector`, { [direction]: [rule([{ pods: { namespaceSelector: {} } }])] });
    withSpec(`${direction}-peer-namespaces-null`, { [direction]: [rule([{ namespaces: null }])] });
    withSpec(`${direction}-peer-unknown-field`, { [direction]: [rule([{ services: {} }])] });
    withSpec(`${direction}-name-101`, { [direction]: [rule([NS], { name: 'n'.repeat(101) })] });
    withSpec(`${direction}-name-101-runes`, { [direction]: [rule([NS], { name: 'é'.repeat(101) })] });
    withSpec(`${direction}-name-number`, { [direction]: [rule([NS], { name: 5 })] });
    withSpec(`${direction}-protocols-empty`, { [direction]: [rule([NS], { protocols: [] })] });
    withSpec(`${direction}-protocols-null`, { [direction]: [rule([NS], { protocols: null })] });
    withSpec(`${direction}-protocols-26`, { [direction]: [rule([NS], { protocols: times(26, (i) => tcp(i + 1)) })] });
    withSpec(`${direction}-protocols-object`, { [direction]: [rule([NS], { protocols: tcp(80) })] });
    withSpec(`${direction}-rule-unknown-field`, { [direction]: [rule([NS], { ports: [{ portNumber: { port: 80 } }] })] });
    withSpec(`${direction}-several-rules-several-errors`, {
      [direction]: [rule([NS], { action: 'x' }), rule([]), rule([NS], { protocols: [tcp(0)] })],
    });
  }
  withSpec('ingress-rule-with-to', { ingress: [{ action: 'Deny', to: [NS] }] });
  withSpec('egress-rule-with-from', { egress: [{ action: 'Deny', from: [NS] }] });

  // Peers that exist only in one direction or channel.
  ingress('ingress-peer-networks', ingressRule([{ networks: ['10.0.0.0/8'] }]));
  ingress('ingress-peer-nodes', ingressRule([{ nodes: {} }]));
  ingress('ingress-peer-domain-names', ingressRule([{ domainNames: ['a.example.com'] }]));
  egress('egress-peer-nodes', egressRule([{ nodes: { matchLabels: { 'node-role.kubernetes.io/control-plane': '' } } }]));
  egress('egress-peer-nodes-empty', egressRule([{ nodes: {} }]));
  egress('egress-peer-nodes-null', egressRule([{ nodes: null }]));
  egress('egress-peer-nodes-and-namespaces', egressRule([{ nodes: {}, namespaces: {} }]));
  egress('egress-peer-domain-names', egressRule([{ domainNames: ['kubernetes.io'] }], { action: 'Accept' }));
  egress('egress-peer-networks-and-namespaces', egressRule([{ namespaces: {}, networks: ['10.0.0.0/8'] }]));
  egress('egress-networks-empty', egressRule([{ networks: [] }]));
  egress('egress-networks-null', egressRule([{ networks: null }]));
  egress('egress-networks-string', egressRule([{ networks: '10.0.0.0/8' }]));
  egress('egress-networks-number-item', egressRule([{ networks: [10] }]));
  egress('egress-networks-null-item', egressRule([{ networks: [null] }]));
  egress('egress-networks-25', egressRule([{ networks: times(25, (i) => `10.0.${i}.0/24`) }]));
  egress('egress-networks-26', egressRule([{ networks: times(26, (i) => `10.0.${i}.0/24`) }]));
  egress('egress-networks-duplicate', egressRule([{ networks: ['10.0.0.0/8', '10.0.0.0/8'] }]));
  egress('egress-networks-duplicate-invalid', egressRule([{ networks: ['x', 'x'] }]));
  egress('egress-networks-triplicate', egressRule([{ networks: ['10.0.0.0/8', '10.0.0.0/8', '10.0.0.0/8'] }]));
  egress('egress-networks-same-network-other-text', egressRule([{ networks: ['10.0.0.0/8', '10.0.0.1/8'] }]));
  egress('egress-networks-two-bad-two-good', egressRule([{ networks: ['10.0.0.0/8', 'a', 'fd00::/8', 'b'] }]));

  // Protocols.
  const protocolCases: Record<string, unknown> = {
    'tcp-empty': { tcp: {} },
    'udp-empty': { udp: {} },
    'sctp-empty': { sctp: {} },
    'tcp-null': { tcp: null },
    'entry-empty': {},
    'entry-null': null,
    'entry-string': 'tcp',
    'tcp-and-udp': { ...tcp(80), udp: { destinationPort: { number: 80 } } },
    'tcp-and-named-port': { ...tcp(80), destinationNamedPort: 'http' },
    'three-fields': { ...tcp(80), udp: { destinationPort: { number: 80 } }, sctp: { destinationPort: { number: 80 } } },
    'destination-port-empty': { tcp: { destinationPort: {} } },
    'destination-port-null': { tcp: { destinationPort: null } },
    'destination-port-number-and-range': { tcp: { destinationPort: { number: 80, range: { start: 1, end: 2 } } } },
    'port-0': tcp(0),
    'port-minus-1': tcp(-1),
    'port-65536': tcp(65536),
    'port-string': tcp('80'),
    'port-name-string': tcp('http'),
    'port-float': tcp(80.5),
    'port-null': tcp(null),
    'port-int32-overflow': tcp(2147483648),
    'range-empty': { tcp: { destinationPort: { range: {} } } },
    'range-null': { tcp: { destinationPort: { range: null } } },
    'range-missing-end': { tcp: { destinationPort: { range: { start: 80 } } } },
    'range-missing-start': { udp: { destinationPort: { range: { end: 80 } } } },
    'range-start-equals-end': portRange('tcp', 80, 80),
    'range-start-above-end': portRange('udp', 90, 80),
    'range-sctp-start-above-end': portRange('sctp', 2, 1),
    'range-0-70000': portRange('tcp', 0, 70000),
    'range-0-0': portRange('tcp', 0, 0),
    'range-70000-0': portRange('tcp', 70000, 0),
    'range-strings': portRange('tcp', '1', '2'),
    'range-start-string': portRange('tcp', '1', 2),
    'range-floats': portRange('tcp', 1.5, 2.5),
    'range-unknown-field': { tcp: { destinationPort: { range: { start: 1, end: 2, step: 1 } } } },
    'named-port-number': { destinationNamedPort: 80 },
    'named-port-null': { destinationNamedPort: null },
    'named-port-long': { destinationNamedPort: 'x'.repeat(300) },
    'named-port-invalid-syntax': { destinationNamedPort: 'Not A Port Name' },
    'unknown-protocol': { icmp: {} },
    'tcp-unknown-field': { tcp: { sourcePort: { number: 1 } } },
    'tcp-destination-port-and-unknown': { tcp: { destinationPort: { number: 80 }, sourcePort: { number: 1 } } },
    'port-field-unknown': { tcp: { destinationPort: { port: 80 } } },
  };
  for (const [name, entry] of Object.entries(protocolCases)) {
    egress(`protocol-egress-${name}`, egressRule([PODS], { protocols: [entry] }));
  }
  for (const name of ['tcp-empty', 'range-start-equals-end', 'range-0-70000', 'port-0', 'tcp-and-udp', 'entry-empty', 'port-string']) {
    ingress(`protocol-ingress-${name}`, ingressRule([NS], { protocols: [protocolCases[name]] }));
  }
  egress('protocol-two-bad-ranges', egressRule([NS], { protocols: [portRange('tcp', 80, 80), portRange('udp', 10, 9)] }));
  egress('protocol-bad-range-second-rule', egressRule([NS]), egressRule([NS], { protocols: [tcp(80), portRange('sctp', 9, 9)] }));
  egress('protocol-bad-ranges-in-two-rules', egressRule([NS], { protocols: [portRange('tcp', 9, 9)] }),
    egressRule([NS], { protocols: [portRange('tcp', 7, 3)] }));

  // destinationNamedPort with networks/nodes/domainNames peers (a CEL rule of the experimental channel).
  egress('named-port-with-networks', egressRule([{ networks: ['10.0.0.0/8'] }], { protocols: [{ destinationNamedPort: 'http' }] }));
  egress('named-port-with-networks-and-pods', egressRule([PODS, { networks: ['10.0.0.0/8'] }], {
    protocols: [tcp(80), { destinationNamedPort: 'http' }],
  }));
  egress('named-port-with-nodes', egressRule([{ nodes: {} }], { protocols: [{ destinationNamedPort: 'http' }] }));
  egress('named-port-with-domain-names', egressRule([{ domainNames: ['example.com'] }], {
    action: 'Accept', protocols: [{ destinationNamedPort: 'https' }],
  }));
  egress('named-port-with-networks-second-rule', egressRule([NS]),
    egressRule([{ networks: ['0.0.0.0/0'] }], { protocols: [{ destinationNamedPort: 'dns' }] }));
  egress('named-port-with-networks-two-rules', egressRule([{ networks: ['0.0.0.0/0'] }], { protocols: [{ destinationNamedPort: 'a' }] }),
    egressRule([{ networks: ['::/0'] }], { protocols: [{ destinationNamedPort: 'b' }] }));
  egress('named-port-with-networks-and-bad-range', egressRule([{ networks: ['10.0.0.0/8'] }], {
    protocols: [{ destinationNamedPort: 'http' }, portRange('tcp', 9, 9)],
  }));
  egress('named-port-with-networks-and-blocking-error', egressRule([{ networks: ['10.0.0.0/8'] }], {
    name: 'n'.repeat(101), protocols: [{ destinationNamedPort: 'http' }],
  }));
  egress('named-port-with-empty-networks', egressRule([{ networks: [] }], { protocols: [{ destinationNamedPort: 'http' }] }));
  egress('named-port-with-networks-null', egressRule([{ networks: null }, PODS], { protocols: [{ destinationNamedPort: 'http' }] }));
  egress('named-port-with-networks-no-protocols-key', egressRule([{ networks: ['10.0.0.0/8'] }], { protocols: null }));

  // CIDRs (networks items): what isCIDR accepts.
  const cidrs: Record<string, string> = {
    'v4-net': '10.0.0.0/8',
    'v4-host-bits-set': '10.0.0.1/8',
    'v4-all': '0.0.0.0/0',
    'v4-host-32': '192.168.1.1/32',
    'v4-no-prefix': '10.0.0.0',
    'v4-prefix-33': '10.0.0.0/33',
    'v4-prefix-32': '10.0.0.0/32',
    'v4-prefix-leading-zero': '10.0.0.0/08',
    'v4-prefix-0-leading-zero': '0.0.0.0/00',
    'v4-octet-leading-zero': '010.0.0.0/8',
    'v4-last-octet-leading-zero': '10.0.0.00/8',
    'v4-octet-256': '256.0.0.0/8',
    'v4-three-octets': '10.0.0/8',
    'v4-five-octets': '1.2.3.4.5/32',
    'v4-prefix-negative': '10.0.0.0/-1',
    'v4-prefix-plus': '10.0.0.0/+8',
    'v4-prefix-hex': '10.0.0.0/0x8',
    'v4-prefix-space': '10.0.0.0/ 8',
    'v4-two-slashes': '10.0.0.0//8',
    'v4-two-prefixes': '10.0.0.0/8/8',
    'v4-empty-prefix': '10.0.0.0/',
    'v4-hex-octet': '0x0a.0.0.0/8',
    'v4-leading-space': ' 10.0.0.0/8',
    'v4-trailing-space': '10.0.0.0/8 ',
    'v4-trailing-newline': '10.0.0.0/8\n',
    'v4-trailing-dot': '10.0.0.0./8',
    'v6-all': '::/0',
    'v6-net': 'fd00::/8',
    'v6-host-bits-set': 'fd00::1/8',
    'v6-upper': 'FD00::/8',
    'v6-mixed-case': 'Fd00::aB/128',
    'v6-host-128': '2001:db8::1/128',
    'v6-prefix-129': '2001:db8::/129',
    'v6-zone': 'fe80::1%eth0/64',
    'v6-link-local': 'fe80::/10',
    'v4-mapped-v6': '::ffff:10.0.0.0/104',
    'v4-mapped-v6-short-prefix': '::ffff:10.0.0.0/8',
    'v4-mapped-v6-host': '::ffff:1.2.3.4/128',
    'v4-mapped-v6-hex': '::ffff:a00:0/104',
    'v4-mapped-v6-all': '::ffff:0:0/96',
    'v4-compatible-v6': '::1.2.3.4/128',
    'v6-embedded-v4': '64:ff9b::1.2.3.4/128',
    'v6-not-mapped-fffe': '::fffe:a00:0/104',
    'v6-full-form': '2001:0db8:0000:0000:0000:0000:0000:0000/32',
    'v6-leading-zero-prefix': '2001:db8::/032',
    'v6-five-hex-digits': '2001:db8::12345/64',
    'v6-nine-groups': '1:2:3:4:5:6:7:8:9/64',
    'v6-two-double-colons': '1::2::3/64',
    'v6-triple-colon': ':::/0',
    'v6-brackets': '[::]/0',
    'v6-eight-groups-and-double-colon': '1:2:3:4:5:6:7::8/64',
    'v6-seven-groups-and-double-colon': '1:2:3:4:5:6:7::/64',
    'v6-trailing-colon': '1:2:3:4:5:6:7:8:/64',
    'max-length-43': '2001:0db8:0000:0000:0000:0000:0000:0000/128',
    'length-44': '2001:0db8:0000:0000:0000:0000:0000:00000/128',
    'length-44-valid-looking': '0000:0000:0000:0000:0000:0000:0000:0000/0128',
    'empty-string': '',
    'garbage': 'not-a-cidr',
    'unicode-digit': '١٠.0.0.0/8',
  };
  for (const [name, cidr] of Object.entries(cidrs)) {
    egress(`cidr-${name}`, egressRule([{ networks: [cidr] }]));
  }

  // domainNames (experimental; an unknown field in the standard channel).
  const domains: Record<string, string> = {
    'exact': 'kubernetes.io',
    'wildcard': '*.kubernetes.io',
    'deep': 'latest.blog.kubernetes.io',
    'trailing-dot': 'kubernetes.io.',
    'upper': 'KUBERNETES.IO',
    'digits': '1.2.3.4',
    'underscore-inside': 'my_host.example.com',
    'two-letters': 'a.b',
    'punycode': 'xn--bcher-kva.de',
    'double-hyphen': 'a--b.com',
    'digit-tld': 'a.1',
    'wildcard-trailing-dot': '*.a.b.',
    'very-long': `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`,
    'quirk-underscore-first': '_srv.example.com',
    'quirk-caret-first': '^a.example.com',
    'quirk-backtick-first': '`a.example.com',
    'quirk-bracket-first': '[a.example.com',
    'quirk-close-bracket-first': ']a.example.com',
    'quirk-backslash-first': '\\a.example.com',
    'quirk-tld-underscore-first': 'example._com',
    'quirk-single-char-label': '_.example.com',
    'single-label': 'kubernetes',
    'wildcard-tld': '*.io',
    'wildcard-middle': 'foo.*.com',
    'wildcard-partial': '*kubernetes.io',
    'wildcard-twice': '*.*.example.com',
    'wildcard-only': '*',
    'leading-hyphen': '-a.example.com',
    'trailing-hyphen-label': 'a-.example.com',
    'empty-label': 'a..com',
    'leading-dot': '.example.com',
    'two-trailing-dots': 'example.com..',
    'empty-string': '',
    'space': 'a b.com',
    'underscore-last-char': 'a_.example.com',
    'unicode': 'bücher.de',
    'at-sign': 'a@b.com',
    'trailing-newline': 'a.com\n',
    'caret-inside': 'a^b.com',
    'brace-first': '{a.example.com',
  };
  for (const [name, domain] of Object.entries(domains)) {
    egress(`domain-${name}`, egressRule([{ domainNames: [domain] }], { action: 'Accept' }));
  }
  egress('domain-list-empty', egressRule([{ domainNames: [] }], { action: 'Accept' }));
  egress('domain-list-25', egressRule([{ domainNames: times(25, (i) => `h${i}.example.com`) }], { action: 'Accept' }));
  egress('domain-list-26', egressRule([{ domainNames: times(26, (i) => `h${i}.example.com`) }], { action: 'Accept' }));
  egress('domain-list-duplicate', egressRule([{ domainNames: ['a.example.com', 'a.example.com'] }], { action: 'Accept' }));
  egress('domain-list-case-differs', egressRule([{ domainNames: ['a.example.com', 'A.example.com'] }], { action: 'Accept' }));
  egress('domain-list-number-item', egressRule([{ domainNames: [1] }], { action: 'Accept' }));
  egress('domain-deny-action', egressRule([{ domainNames: ['a.example.com'] }]));
  egress('domain-pass-action', egressRule([{ domainNames: ['a.example.com'] }], { action: 'Pass' }));
  withSpec('domain-baseline-tier', { tier: 'Baseline', egress: [egressRule([{ domainNames: ['a.example.com'] }], { action: 'Accept' })] });

  // How schema errors and CEL errors combine.
  const badRange = { protocols: [portRange('tcp', 80, 80)] };
  withSpec('combine-cel-and-minimum', { priority: 1001, egress: [egressRule([NS], badRange)] });
  withSpec('combine-cel-and-min-properties', { subject: {}, egress: [egressRule([NS], badRange)] });
  withSpec('combine-cel-and-min-items', { egress: [egressRule([], badRange)] });
  egress('combine-cel-and-duplicate', egressRule([{ networks: ['10.0.0.0/8', '10.0.0.0/8'] }], badRange));
  withSpec('combine-cel-and-pattern', { egress: [egressRule([{ domainNames: ['-bad'] }], { action: 'Accept' }), egressRule([NS], badRange)] });
  withSpec('combine-cel-and-enum', { tier: 'admin', egress: [egressRule([NS], badRange)] });
  egress('combine-cel-and-required', { to: [NS], ...badRange });
  egress('combine-cel-and-max-length', egressRule([NS], { name: 'n'.repeat(101), ...badRange }));
  egress('combine-cel-and-max-items', egressRule(times(26, () => NS), badRange));
  egress('combine-cel-and-max-properties', egressRule([{ namespaces: {}, pods: { podSelector: {} } }], badRange));
  withSpec('combine-cel-and-type', { priority: 'x', egress: [egressRule([NS], badRange)] });
  withSpec('combine-cel-and-int32-format', { priority: 1.5, egress: [egressRule([NS], badRange)] });
  egress('combine-cidr-cel-and-range-cel', egressRule([{ networks: ['bad'] }], { protocols: [portRange('tcp', 2, 1)] }));
  egress('combine-cidr-cel-and-max-length', egressRule([{ networks: ['1'.repeat(44)] }]));
  egress('combine-cidr-cel-and-other-max-length', egressRule([{ networks: ['bad', '1'.repeat(44)] }]));
  egress('combine-range-cel-missing-start', egressRule([NS], { protocols: [{ tcp: { destinationPort: { range: { end: 1 } } } }] }));
  add('combine-cel-and-bad-name', { apiVersion: API_VERSION, kind: KIND, metadata: { name: 'Bad_Name' }, spec: base({ egress: [egressRule([NS], badRange)] }) });
  add('combine-cel-and-missing-name', { apiVersion: API_VERSION, kind: KIND, metadata: {}, spec: base({ egress: [egressRule([NS], badRange)] }) });
  add('combine-cel-and-label-error', {
    apiVersion: API_VERSION,
    kind: KIND,
    metadata: { name: 'combine-cel-and-label-error', labels: { 'a b': 'c' } },
    spec: base({ egress: [egressRule([NS], badRange)] }),
  });

  // Metadata of a cluster-scoped custom resource.
  const meta = (name: string, metadata: unknown, extra: Json = {}): void =>
    add(name, { apiVersion: API_VERSION, kind: KIND, metadata, spec: base(), ...extra });
  meta('metadata-empty', {});
  meta('metadata-missing', undefined);
  meta('metadata-null', null);
  meta('metadata-name-upper-case', { name: 'Upper-Case-Name' });
  meta('metadata-name-dots', { name: 'name.with.dots' });
  meta('metadata-name-253', { name: 'n'.repeat(253) });
  meta('metadata-name-254', { name: 'm'.repeat(254) });
  meta('metadata-name-underscore', { name: 'a_b' });
  meta('metadata-name-trailing-dash', { name: 'a-' });
  meta('metadata-name-number', { name: 5 });
  meta('metadata-namespace-cleared', { name: 'metadata-namespace-cleared', namespace: 'default' });
  meta('metadata-namespace-invalid-cleared', { name: 'metadata-namespace-invalid-cleared', namespace: 'Not Valid' });
  meta('metadata-resource-version', { name: 'metadata-resource-version', resourceVersion: '123' });
  meta('metadata-bad-label-key', { name: 'metadata-bad-label-key', labels: { 'a b': 'c' } });
  meta('metadata-bad-label-value', { name: 'metadata-bad-label-value', labels: { a: 'b c' } });
  meta('metadata-label-number', { name: 'metadata-label-number', labels: { a: 1 } });
  meta('metadata-labels-string', { name: 'metadata-labels-string', labels: 'a=b' });
  meta('metadata-bad-annotation-key', { name: 'metadata-bad-annotation-key', annotations: { 'a b': 'c' } });
  meta('metadata-finalizer-not-qualified', { name: 'metadata-finalizer-not-qualified', finalizers: ['foo'] });
  meta('metadata-finalizer-invalid', { name: 'metadata-finalizer-invalid', finalizers: ['a b/c'] });
  meta('metadata-generate-name', { generateName: 'gen-' });
  meta('metadata-name-empty-with-generate-name', { name: '', generateName: 'gen-' });
  meta('metadata-label-value-64', { name: 'metadata-label-value-64', labels: { a: 'v'.repeat(64) } });
  meta('metadata-label-key-prefixed', { name: 'metadata-label-key-prefixed', labels: { 'example.com/a': 'b' } });
  meta('metadata-annotations-too-large', { name: 'metadata-annotations-too-large', annotations: { a: 'x'.repeat(262144) } });
  meta('metadata-owner-reference-empty', { name: 'metadata-owner-reference-empty', ownerReferences: [{}] });
  meta('metadata-owner-reference-event', {
    name: 'metadata-owner-reference-event', ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }],
  });
  meta('metadata-owner-references-two-controllers', {
    name: 'metadata-owner-references-two-controllers',
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', uid: '1', controller: true }, { apiVersion: 'v1', kind: 'Secret', name: 'b', uid: '2', controller: true }],
  });
  meta('metadata-owner-reference-valid', { name: 'metadata-owner-reference-valid', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', uid: '1' }] });
  meta('metadata-finalizers-orphan-and-foreground', { name: 'metadata-finalizers-orphan-and-foreground', finalizers: ['orphan', 'foregroundDeletion'] });
  meta('metadata-finalizer-orphan', { name: 'metadata-finalizer-orphan', finalizers: ['orphan'] });
  meta('metadata-finalizer-kubernetes', { name: 'metadata-finalizer-kubernetes', finalizers: ['kubernetes'] });
  meta('metadata-finalizer-foreground-deletion', { name: 'metadata-finalizer-foreground-deletion', finalizers: ['foregroundDeletion'] });
  meta('metadata-finalizer-qualified', { name: 'metadata-finalizer-qualified', finalizers: ['example.com/cleanup'] });
  meta('metadata-unknown-field', { name: 'metadata-unknown-field', foo: 'bar' });
  meta('metadata-owner-reference-incomplete', { name: 'metadata-owner-reference-incomplete', ownerReferences: [{ kind: 'ConfigMap' }] });
  meta('metadata-generation-negative', { name: 'metadata-generation-negative', generation: -1 });
  meta('metadata-string', 'x');

  // Versions and kinds that are not served.
  add('route-v1alpha1', { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: KIND, metadata: { name: 'route-v1alpha1' }, spec: base() });
  add('route-v1', { apiVersion: 'policy.networking.k8s.io/v1', kind: KIND, metadata: { name: 'route-v1' }, spec: base() });
  add('route-admin-network-policy-kind', {
    apiVersion: API_VERSION, kind: 'AdminNetworkPolicy', metadata: { name: 'route-admin-network-policy-kind' }, spec: base(),
  });
  add('route-lowercase-kind', { apiVersion: API_VERSION, kind: 'clusternetworkpolicy', metadata: { name: 'route-lowercase-kind' }, spec: base() });

  return cases;
}
