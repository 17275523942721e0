import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { Random } from '../../bench/random';
import { ClusterModel, Evaluator } from '../../src/analysis';
import { runCli } from '../../src/cli/main';
import { NetpolError } from '../../src/k8s/input-error';
import { LabelExpression, LabelSelector, Peer, PortRange } from '../../src/policy';
import { ClusterNetworkPolicyValidator, NetworkPolicyValidator } from '../../src/validation';
import { runs, seeded } from '../property-runs';

/**
 * Issue 16: hostile, malformed and odd input, seeded, against the command line and the
 * library's entry points. Nothing may crash (an error other than the library's typed ones),
 * hang, or print a stack trace or an internal error; unusable input is a finding.
 */

/** Keys a manifest may hold, with JavaScript's built-in member names and prototype keys among them. */
const KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'spec', 'items', 'podSelector', 'ingress', 'egress', 'from',
  'to', 'ports', 'port', 'endPort', 'protocol', 'ipBlock', 'cidr', 'except', 'namespaceSelector', 'matchLabels', 'matchExpressions', 'key',
  'operator', 'values', 'policyTypes', 'template', 'containers', 'containerPort', 'hostNetwork', 'status', 'podIP', 'podIPs', 'ip',
  'ownerReferences', 'controller', 'nodeName', 'addresses', 'address', 'type', 'replicas', 'jobTemplate',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'length', '', ' ', 'a\nb', '\u202e'];
const KINDS = ['NetworkPolicy', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController',
  'Namespace', 'Node', 'List', 'PodList', 'NetworkPolicyList', 'Service', 'constructor', 'toString', '__proto__', ''];
const API_VERSIONS = ['networking.k8s.io/v1', 'v1', 'apps/v1', 'batch/v1', 'extensions/v1beta1', 'networking.k8s.io/v1beta1', 'projectcalico.org/v3', ''];
const STRINGS = ['web', 'x', 'app', 'TCP', 'UDP', 'SCTP', 'tcp', 'Ingress', 'Egress', 'In', 'NotIn', 'Exists', 'DoesNotExist', '10.0.0.0/8',
  '10.0.0.1', 'fd00::/64', '::1', '0.0.0.0/0', '10.0.0.1/24', 'http', 'dns', 'node-a', 'Node', 'ReplicaSet', 'Deployment', 'web-7d9f8b6c4',
  'a'.repeat(300), 'evil\x1b[31m', 'line\nbreak', '<script>', '\ufffd', 'ünï', '', 'constructor', '__proto__'];
const NUMBERS = [0, 1, 53, 80, 443, 5432, 8080, 65535, 65536, 70000, -1, 80.5, 1e3, 1e309, -0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1];

/** Any JSON value, shaped like manifests most of the time. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('object'), tie('array')),
  scalar: fc.oneof(fc.constantFrom(...STRINGS), fc.constantFrom(...NUMBERS), fc.boolean(), fc.constant(null), fc.string(), fc.double()),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 }),
  array: fc.array(tie('node'), { maxLength: 3 }),
})).node;

/** A manifest: a kind, an apiVersion, metadata, and anything in its fields. */
const manifest: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  manifest: fc.oneof({ depthSize: 'small' }, tie('object'), tie('list'), value),
  object: fc.record({
    apiVersion: fc.constantFrom(...API_VERSIONS),
    kind: fc.constantFrom(...KINDS),
    metadata: fc.oneof(
      fc.record({ name: fc.constantFrom(...STRINGS), namespace: fc.constantFrom(...STRINGS), labels: value, ownerReferences: value }),
      value,
    ),
    spec: value,
    status: value,
  }, { requiredKeys: ['kind'] }),
  list: fc.record({ apiVersion: fc.constant('v1'), kind: fc.constantFrom('List', 'PodList', 'Whatever'), items: fc.oneof(fc.array(tie('manifest'), { maxLength: 4 }), value) }),
})).manifest;

/** Output that leaks an implementation failure. */
function expectNoCrashIn(output: string): void {
  expect(output).not.toMatch(/internal error|\n\s+at |TypeError|RangeError|ReferenceError|undefined is not|Cannot read properties/);
}

/** Runs a command on `text` given as stdin, checking the outcome is an answer or a finding, quickly. */
function runOn(text: string | Uint8Array, args: string[]): void {
  const started = Date.now();
  const result = runCli([...args, '-'], { stdin: () => (typeof text === 'string' ? Buffer.from(text) : text) });
  expect(Date.now() - started).toBeLessThan(5000);
  expectNoCrashIn(result.stderr + result.stdout);
  // 2 only for a usage error: an unknown endpoint or port name, never unusable input.
  if (result.exitCode === 2) {
    expect(result.stderr).toMatch(/unknown endpoint|has no \S+ container port named|policies name no/);
  }
}

/** Calls a library entry point: it returns, or throws the library's typed error. */
function expectTyped(call: () => unknown): void {
  try {
    call();
  } catch (e) {
    if (!(e instanceof NetpolError)) {
      throw e;
    }
  }
}

const COMMANDS = [
  ['check'], ['check', '--format', 'json'], ['matrix', '--port', '80', '--format', 'json'], ['matrix'],
  ['explain', '--from', 'x/web', '--to', 'x/x', '--port', '80'],
];

describe('structure fuzz: manifests of every shape, as YAML and as JSON', () => {
  test('the command line answers or reports, for each command', () => {
    const files = fc.array(manifest, { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(files, fc.constantFrom(...COMMANDS), fc.boolean(), (documents, command, json) => {
      const text = json ? documents.map((d) => JSON.stringify(d) ?? 'null').join('\n')
        : documents.map((d) => YAML.stringify(d, { aliasDuplicateObjects: false })).join('---\n');
      runOn(text, command);
    }), { numRuns: runs(400), ...seeded(16) });
  });

  test('the library: ClusterModel.fromManifests, the Evaluator and NetworkPolicyValidator.check', () => {
    fc.assert(fc.property(fc.array(manifest, { maxLength: 5 }), fc.constantFrom(...STRINGS), fc.constantFrom(...STRINGS), (manifests, from, to) => {
      manifests.forEach((m) => expect(Array.isArray(NetworkPolicyValidator.check(m))).toBe(true));
      expectTyped(() => {
        const model = ClusterModel.fromManifests(manifests.map((m, i) => ({ manifest: m, origin: `fuzz:${i}` })));
        const evaluator = new Evaluator(model);
        expectTyped(() => evaluator.matrix({ port: 80 }).toJson());
        const endpoints = model.workloads.map((w) => w.endpoint);
        expectTyped(() => evaluator.check({ source: endpoints[0] ?? from, destination: endpoints[endpoints.length - 1] ?? to, port: 80 }));
        expectTyped(() => evaluator.check({ source: from, destination: to, portName: 'http' }));
      });
    }), { numRuns: runs(400), ...seeded(17) });
  });

  test('the library from plain JavaScript: junk where structures or strings belong', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expectTyped(() => ClusterModel.fromManifests(a as any, b as any));
      expectTyped(() => new Evaluator(ClusterModel.fromManifests([])).check(a as any));
      expectTyped(() => NetworkPolicyValidator.check(a));
    }), { numRuns: runs(300), ...seeded(18) });
  });

  test('value-type factories from plain JavaScript throw the library\'s input error, never a TypeError', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      const any = (x: unknown) => x as any;
      for (const call of [
        () => LabelSelector.of(any(a)), () => LabelSelector.of({ labels: any(a), expressions: any(b) }), () => LabelExpression.oneOf(any(a), any(b)),
        () => LabelExpression.noneOf(any(a), any(b)), () => LabelExpression.exists(any(a)), () => LabelExpression.doesNotExist(any(a)),
        () => Peer.ipBlock(any(a), any(b)), () => Peer.ipv4(any(a), any(b)), () => Peer.ipv6(any(a)), () => Peer.namespaceNamed(any(a)),
        () => Peer.podsInNamespaceNamed(any(a), any(b)), () => Peer.pods(any(a)), () => Peer.namespaces(any(a)),
        () => Peer.podsInNamespaces(any(a), any(b)), () => PortRange.tcp(any(a)), () => PortRange.udpRange(any(a), any(b)),
        () => PortRange.named(any(a), any(b)), () => PortRange.of(any(a), any(b)),
      ]) {
        expectTyped(call);
      }
    }), { numRuns: runs(300), ...seeded(19) });
  });
});

describe('byte fuzz: valid manifests with bytes flipped, inserted and cut', () => {
  const valid = [
    YAML.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'p', namespace: 'x' },
          spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 80 }] }] },
        },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'x', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] }, status: { podIP: '10.0.0.1' } },
      ],
    }),
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  namespace: x\nspec:\n  containers:\n  - name: c\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: x}\nspec:\n  template:\n    metadata: {labels: &l {app: d}}\n    spec: {containers: [{name: c}]}\n',
  ];
  const seeds = [...valid, JSON.stringify(YAML.parse(valid[0]))];
  const BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x23, 0x26, 0x2a, 0x2c, 0x2d, 0x3a, 0x3c, 0x5b, 0x5d, 0x7b, 0x7d, 0x7c, 0x3e, 0x21, 0x25, 0x40,
    0x60, 0x5c, 0x27, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xe9, 0xef, 0xf0, 0xfe, 0xff];

  test('the command line answers or reports', () => {
    const random = new Random(20260316);
    for (let run = 0; run < 600; run++) {
      const bytes = [...Buffer.from(random.pick(seeds))];
      for (let edits = random.int(1, 4); edits > 0; edits--) {
        const at = random.int(0, bytes.length);
        const edit = random.int(0, 3);
        if (edit === 0) {
          bytes.splice(at, 0, random.pick(BYTES));
        } else if (edit === 1) {
          bytes[at] = random.pick(BYTES);
        } else if (edit === 2) {
          bytes.splice(at, random.int(1, 8));
        } else {
          bytes.splice(at, 0, ...bytes.slice(random.int(0, bytes.length), random.int(0, bytes.length)));
        }
      }
      runOn(Uint8Array.from(bytes), random.pick(COMMANDS));
    }
  });

  test('hostile documents: bombs, deep nesting, huge scalars and key counts', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    for (const text of [
      bomb,
      'a: &a [*a]\n',
      `kind: List\nitems: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}kind: List\n${'  '.repeat(i)}items:\n${'  '.repeat(i)}-`).join('\n'),
      `${'{"kind": "List", "apiVersion": "v1", "items": ['.repeat(5000)}${']}'.repeat(5000)}`,
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${'a'.repeat(200_000)}\n`,
      // 20,000 keys in a flow-styled document, read by the library path (its duplicate-key check was quadratic).
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`).join('\n')}\n`,
    ]) {
      for (const command of COMMANDS.slice(0, 3)) {
        runOn(text, command);
      }
    }
  });
});

describe('the entry points name what is wrong, with its path (issue 16)', () => {
  test.each([
    ['a label value that is not a string', () => LabelSelector.of({ labels: { k: 5 as any } }), 'NP-INPUT[LabelSelector.of]: labels["k"] value 5: must be a string, not number'],
    ['labels that are not an object', () => LabelSelector.of({ labels: 'app=web' as any }), 'labels must be an object of key: value, not "app=web"'],
    ['no options', () => LabelSelector.of(undefined as any), 'options must be an object { labels, expressions }, not undefined'],
    ['values that are not a list', () => LabelExpression.oneOf('env', 'prod' as any), 'values must be a list of label values, not "prod"'],
    ['a CIDR that is not a string', () => Peer.ipBlock(10 as any), 'cidr 10: must be a valid CIDR value'],
    ['excluded ranges that are not a list', () => Peer.ipBlock('10.0.0.0/8', '10.1.0.0/16' as any), 'excluding must be a list of CIDRs, not "10.1.0.0/16"'],
    ['a selector that is not a LabelSelector', () => Peer.pods({ labels: { app: 'web' } } as any), 'podSelector must be a LabelSelector'],
    ['a port that is an object', () => PortRange.tcp({ toString: 5 } as any), 'port {"toString":5}: must be between 1 and 65535'],
    ['a query that is not an object', () => new Evaluator(ClusterModel.fromManifests([])).check(null as any), 'NP-INPUT[query]: must be an object'],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(NetpolError);
    expect(call).toThrow(message);
  });

  test('a List whose items are a string is a finding of the model, and the rest is read', () => {
    const model = ClusterModel.fromManifests([{ manifest: { apiVersion: 'v1', kind: 'List', items: 'x' } }, { manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } }]);
    expect(model.findings.map((f) => f.message)).toEqual(['items must be a list of objects; skipped']);
    expect(model.workloads.map((w) => w.endpoint)).toEqual(['default/p']);
  });

  test('an object that holds itself, or nests deeper than any file may, is a finding of the validators and the model, not a stack overflow', () => {
    const policy: any = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'x' }, spec: { podSelector: {} } };
    policy.spec.podSelector.matchLabels = policy.spec;
    expect(NetworkPolicyValidator.check(policy)).toEqual([expect.objectContaining({ field: 'spec.podSelector.matchLabels', message: 'refers back to spec, which holds it (a cycle): JSON cannot write it', severity: 'error' })]);
    const clusterPolicy: any = { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'c' }, spec: {} };
    let deep: any = {};
    for (let i = 0; i < 50_000; i++) {
      deep = { x: deep };
    }
    clusterPolicy.spec.subject = deep;
    expect(ClusterNetworkPolicyValidator.check(clusterPolicy)).toEqual([expect.objectContaining({ field: `spec.subject${'.x'.repeat(198)}`, message: 'nested deeper than 200 levels, which no Kubernetes object needs' })]);
    const model = ClusterModel.fromManifests([{ manifest: policy, origin: 'js:0' }, { manifest: clusterPolicy, origin: 'js:1' }]);
    expect(model.findings.map((f) => `${f.origin} ${f.subject}: ${f.field}`)).toEqual([
      'js:0 x/p: spec.podSelector.matchLabels', `js:1 ClusterNetworkPolicy/c: spec.subject${'.x'.repeat(198)}`,
    ]);
    expect(model.policies[0].evaluated).toBe(false);
  });

  test('a NetworkPolicy with keys named like built-ins is validated, not a crash', () => {
    const findings = NetworkPolicyValidator.check(JSON.parse('{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"p"},'
      + '"spec":{"podSelector":{},"__proto__":{"a":1},"constructor":{"b":2}}}'));
    expect(findings.map((f) => f.field)).toEqual(['spec.__proto__', 'spec.constructor']);
  });
});
