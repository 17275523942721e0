import { readFileSync } from 'fs';
import { join } from 'path';
import { disagreements } from './cnp-oracle/agreement';
import { cnpCorpus } from './cnp-oracle/corpus';
import { manifestHash, VerdictsFile } from './cnp-oracle/oracle-verdict';
import { ClusterNetworkPolicyChannel, ClusterNetworkPolicyValidator, FindingSeverity, NetworkPolicyValidator, ValidationFinding } from '../../src/validation';
import { CNP_RULE } from '../../src/validation/cnp-rules';
import { RULE } from '../../src/validation/rules';

const CORPUS = cnpCorpus();
const VERDICTS = JSON.parse(readFileSync(join(__dirname, 'cnp-oracle', 'verdicts.json'), 'utf8')) as VerdictsFile;

test('the recorded verdicts are those of the corpus as it is (record.ts again after a change)', () => {
  expect(VERDICTS.cases.map((c) => `${c.name} ${c.manifestHash}`)).toEqual(CORPUS.map((c) => `${c.name} ${manifestHash(c.manifest)}`));
});

describe.each(Object.values(ClusterNetworkPolicyChannel))('agrees with the API server, %s channel', (channel) => {
  test.each(CORPUS.map((c, i) => [c.name, i]))('%s', (_name, i) => {
    const findings = ClusterNetworkPolicyValidator.check(CORPUS[i as number].manifest, { channel });
    expect(disagreements(VERDICTS.cases[i as number][channel], findings)).toEqual([]);
  });
});

const E = FindingSeverity.ERROR;
const W = FindingSeverity.WARNING;

function cnp(spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name: 'p' },
    spec: { tier: 'Admin', priority: 10, subject: { namespaces: {} }, ...spec },
    ...extra,
  };
}

const brief = (findings: ValidationFinding[]) => findings.map((f) => [f.field, f.severity, f.rule]);

describe('what is checked', () => {
  test('the standard channel is the default', () => {
    const manifest = cnp({ egress: [{ action: 'Deny', to: [{ nodes: {} }] }] });
    expect(brief(ClusterNetworkPolicyValidator.check(manifest))).toEqual([
      ['spec.egress[0].to[0].nodes', E, CNP_RULE.CHANNEL],
      ['spec.egress[0].to[0]', E, CNP_RULE.ONE_OF],
    ]);
    expect(ClusterNetworkPolicyValidator.check(manifest, { channel: ClusterNetworkPolicyChannel.EXPERIMENTAL })).toEqual([]);
  });

  test.each([[null], [[]], ['p'], [undefined]])('a document that is not an object: %j', (manifest) => {
    expect(brief(ClusterNetworkPolicyValidator.check(manifest))).toEqual([['', E, RULE.TYPE]]);
  });

  test.each(['NetworkPolicy', 'AdminNetworkPolicy', undefined])('another kind (%j) is not checked further', (kind) => {
    expect(brief(ClusterNetworkPolicyValidator.check({ ...cnp({ bogus: 1 }), kind }))).toEqual([['kind', E, RULE.KIND]]);
  });

  test('a served version is named, and the rest is still checked', () => {
    const findings = ClusterNetworkPolicyValidator.check({ ...cnp({ priority: 1001 }), apiVersion: 'policy.networking.k8s.io/v1alpha1' });
    expect(brief(findings)).toEqual([['apiVersion', E, RULE.KIND], ['spec.priority', E, CNP_RULE.BOUNDS]]);
    expect(findings[0].message).toContain('the CRD serves "policy.networking.k8s.io/v1alpha2" only');
  });

  test('findings come by stage: unknown fields, metadata, schema, then CEL, then warnings', () => {
    const findings = ClusterNetworkPolicyValidator.check(cnp({
      foo: 1,
      egress: [{ action: 'Accept', to: [{ networks: ['10.0.0.0'] }], protocols: [{ destinationNamedPort: 'Bad Name' }] }],
    }, { metadata: { name: 'p', labels: { 'a b': 'c' }, finalizers: ['cleanup'] } }));
    expect(brief(findings)).toEqual([
      ['spec.foo', E, RULE.UNKNOWN_FIELD],
      ['metadata.labels', E, RULE.LABELS],
      ['spec.egress[0].to[0].networks[0]', E, CNP_RULE.CIDR],
      ['metadata.finalizers', W, RULE.METADATA],
      ['spec.egress[0].protocols[0].destinationNamedPort', W, CNP_RULE.NAMED_PORT],
      ['spec.egress[0]', W, CNP_RULE.NAMED_PORT],
    ]);
  });

  test('a blocking error stops the CEL rules, and the finding says so', () => {
    const findings = ClusterNetworkPolicyValidator.check(cnp({ tier: 'admin', egress: [{ action: 'Deny', to: [{ networks: ['x'] }] }] }));
    expect(brief(findings)).toEqual([['spec.tier', E, CNP_RULE.ENUM], ['', E, CNP_RULE.NOT_CHECKED]]);
    expect(NetworkPolicyValidator.formatAll(findings)).toContain('some validation rules were not checked');
  });

  test.each([
    [{ ingress: [{ action: 'Deny', from: [{ networks: ['10.0.0.0/8'] }] }] }, 'spec.ingress[0].from[0].networks', 'ingress peers are namespaces or pods only'],
    [{ subject: { namespaces: {}, node: {} } }, 'spec.subject.node', 'known fields here are "namespaces", "pods"'],
    [{ ingress: { action: 'Deny' } }, 'spec.ingress.action', 'no field belongs here (the value should be a list)'],
    [{ subject: { namespaces: { matchLabels: { a: { b: 'c' } } } } }, 'spec.subject.namespaces.matchLabels.a.b', 'the value should be a string'],
  ])('an unknown field says what would be valid: %j', (spec, field, hint) => {
    const finding = ClusterNetworkPolicyValidator.check(cnp(spec)).find((f) => f.field === field)!;
    expect(finding.rule).toBe(RULE.UNKNOWN_FIELD);
    expect(finding.message).toContain(hint);
    expect(finding.message).toContain('strict decoding error');
  });

  // JSON.parse makes `__proto__` an own key, as a manifest reader does.
  test.each(['__proto__', 'constructor', 'toString'])('a field named like a built-in (%s) is unknown', (key) => {
    const manifest = cnp({ subject: JSON.parse(`{"${key}": {}}`), [key]: 1 });
    expect(brief(ClusterNetworkPolicyValidator.check(manifest))).toEqual([
      [`spec.subject.${key}`, E, RULE.UNKNOWN_FIELD],
      [`spec.${key}`, E, RULE.UNKNOWN_FIELD],
      ['spec.subject', E, CNP_RULE.ONE_OF],
    ]);
  });

  test('the class example reports what its comment says', () => {
    const findings = ClusterNetworkPolicyValidator.check({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'web' },
      spec: {
        tier: 'Admin',
        priority: 10,
        subject: { namespaces: {} },
        ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { range: { start: 80, end: 80 } } } }] }],
      },
    });
    expect(NetworkPolicyValidator.formatAll(findings)).toBe('spec.ingress[0].protocols[0].tcp.destinationPort.range: Invalid value: Start port must be less than End port');
  });

  test('the manifest is not changed', () => {
    const manifest = cnp({ foo: null, egress: [{ action: 'Deny', to: [{ nodes: {} }], name: null }] }, { status: { x: 1 } });
    const copy = JSON.parse(JSON.stringify(manifest));
    ClusterNetworkPolicyValidator.check(manifest);
    expect(manifest).toEqual(copy);
  });
});

test.each([
  [cnp(), true],
  [{ ...cnp(), apiVersion: 'policy.networking.k8s.io/v1alpha1' }, true],
  [{ ...cnp(), apiVersion: 'networking.k8s.io/v1' }, false],
  [{ ...cnp(), kind: 'AdminNetworkPolicy' }, false],
  ['x', false],
])('isClusterNetworkPolicy(%j) is %s', (manifest, expected) => {
  expect(ClusterNetworkPolicyValidator.isClusterNetworkPolicy(manifest)).toBe(expected);
});
