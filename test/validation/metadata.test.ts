import { FindingSeverity } from '../../src/validation/finding';
import { clusterCustomResourceMetadataFindings, metadataFindings } from '../../src/validation/metadata';

const summary = (metadata: unknown) => metadataFindings(metadata).map((f) => [f.field, f.rule, f.message]);

describe('R4: a name is required', () => {
  test.each([[{}], [{ name: '' }], [{ name: null }], [undefined], [{ namespace: 'default' }]])('%j', (metadata) => {
    expect(metadataFindings(metadata)).toEqual([{
      field: 'metadata.name', message: 'Required value: name or generateName is required', severity: FindingSeverity.ERROR, rule: 'NP-VAL-NAME-REQUIRED',
    }]);
  });

  test.each([[{ name: 'np' }], [{ generateName: 'np-' }], [{ name: '', generateName: 'np-' }]])('valid: %j', (metadata) => {
    expect(metadataFindings(metadata)).toEqual([]);
  });

  test('a name of the wrong type is left to the decoding check', () => {
    expect(metadataFindings({ name: 7 })).toEqual([]);
  });
});

describe('R5: name is a DNS-1123 subdomain', () => {
  test.each(['Allow-Web', 'allow_web', 'allow-web-', 'x'.repeat(254)])('rejects %j', (name) => {
    const findings = metadataFindings({ name });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f).toMatchObject({ field: 'metadata.name', rule: 'NP-VAL-NAME', severity: FindingSeverity.ERROR });
    expect(findings[0].message).toMatch(new RegExp(`^Invalid value: "${name}": `));
  });

  test.each(['np', 'allow-web', 'allow.web', 'x'.repeat(100), 'x'.repeat(253)])('accepts %j', (name) => {
    expect(metadataFindings({ name })).toEqual([]);
  });

  test('254 characters', () => {
    expect(summary({ name: 'x'.repeat(254) })).toEqual([
      ['metadata.name', 'NP-VAL-NAME', `Invalid value: "${'x'.repeat(254)}": must be no more than 253 characters`],
    ]);
  });

  test.each(['np-', 'np', 'a-', 'allow.web-'])('generateName %j may end with a hyphen', (generateName) => {
    expect(metadataFindings({ generateName })).toEqual([]);
  });

  test('the server replaces the last two characters of a generateName ending in a hyphen, so "np_-" passes', () => {
    expect(metadataFindings({ generateName: 'np_-' })).toEqual([]);
  });

  test.each(['Np-', 'np_x-', '-'])('generateName %j is checked like a name', (generateName) => {
    expect(summary({ generateName })).toEqual([['metadata.generateName', 'NP-VAL-NAME', expect.stringContaining('a lowercase RFC 1123 subdomain')]]);
  });

  test('generateName is reported before name', () => {
    expect(summary({ generateName: 'Np-', name: 'Np' }).map(([field]) => field)).toEqual(['metadata.generateName', 'metadata.name']);
  });
});

describe('R6: namespace is a DNS-1123 label', () => {
  test.each(['Team_A', 'team.a', 'n'.repeat(64)])('rejects %j', (namespace) => {
    const findings = metadataFindings({ name: 'np', namespace });
    expect(findings).toEqual([expect.objectContaining({ field: 'metadata.namespace', rule: 'NP-VAL-NAMESPACE', severity: FindingSeverity.ERROR })]);
  });

  test.each([undefined, '', null, 'default', 'team-a', 'n'.repeat(63)])('accepts %j (absent means the request namespace)', (namespace) => {
    expect(metadataFindings({ name: 'np', namespace })).toEqual([]);
  });
});

describe('R7: labels', () => {
  test('a bad value is reported at metadata.labels', () => {
    expect(summary({ name: 'np', labels: { app: 'web server' } })).toEqual([
      ['metadata.labels', 'NP-VAL-LABELS', expect.stringMatching(/^Invalid value: "web server": a valid label must be an empty string/)],
    ]);
  });

  test('a too-long name part', () => {
    expect(summary({ name: 'np', labels: { ['k'.repeat(64)]: 'v' } })).toEqual([
      ['metadata.labels', 'NP-VAL-LABELS', `Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 bytes`],
    ]);
  });

  test('valid labels', () => {
    expect(metadataFindings({ name: 'np', labels: { 'app': '', 'example.com/App': 'x', 'kubernetes.io/metadata.name': 'prod' } })).toEqual([]);
  });
});

describe('R8: annotations', () => {
  test('keys are compared in lower case', () => {
    expect(metadataFindings({ name: 'np', annotations: { 'Example.COM/Owner': 'x', 'Team': 'free form value!' } })).toEqual([]);
  });

  test('an invalid key', () => {
    expect(summary({ name: 'np', annotations: { 'a b': 'x' } })).toEqual([
      ['metadata.annotations', 'NP-VAL-ANNOTATIONS', expect.stringMatching(/^Invalid value: "a b": name part must consist of/)],
    ]);
  });

  test('the total size may be 256 KiB but no more', () => {
    expect(metadataFindings({ name: 'np', annotations: { a: 'x'.repeat(262143) } })).toEqual([]);
    expect(summary({ name: 'np', annotations: { a: 'x'.repeat(262144) } })).toEqual([
      ['metadata.annotations', 'NP-VAL-ANNOTATIONS', 'Too long: may not be more than 262144 bytes'],
    ]);
  });
});

describe('R9: other metadata', () => {
  test('generation must not be negative', () => {
    expect(summary({ name: 'np', generation: -1 })).toEqual([
      ['metadata.generation', 'NP-VAL-METADATA', 'Invalid value: -1: must be greater than or equal to 0'],
    ]);
    expect(metadataFindings({ name: 'np', generation: 0 })).toEqual([]);
  });

  test('finalizers are qualified names, and orphan excludes foregroundDeletion', () => {
    expect(metadataFindings({ name: 'np', finalizers: ['example.com/cleanup', 'orphan'] })).toEqual([]);
    expect(summary({ name: 'np', finalizers: ['a b', 'orphan', 'foregroundDeletion'] })).toEqual([
      ['metadata.finalizers', 'NP-VAL-METADATA', expect.stringMatching(/^Invalid value: "a b": name part/)],
      ['metadata.finalizers', 'NP-VAL-METADATA', 'Invalid value: ["a b","orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set'],
    ]);
  });

  test('owner references need apiVersion with a version, kind, name and uid', () => {
    expect(metadataFindings({ name: 'np', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1' }] })).toEqual([]);
    expect(summary({ name: 'np', ownerReferences: [{ apiVersion: 'apps/' }] })).toEqual([
      ['metadata.ownerReferences.apiVersion', 'NP-VAL-METADATA', 'Invalid value: "apps/": version must not be empty'],
      ['metadata.ownerReferences.kind', 'NP-VAL-METADATA', 'Invalid value: "": kind must not be empty'],
      ['metadata.ownerReferences.name', 'NP-VAL-METADATA', 'Invalid value: "": name must not be empty'],
      ['metadata.ownerReferences.uid', 'NP-VAL-METADATA', 'Invalid value: "": uid must not be empty'],
    ]);
  });

  test('an Event may not own anything', () => {
    expect(summary({ name: 'np', ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }] })).toEqual([
      ['metadata.ownerReferences', 'NP-VAL-METADATA', expect.stringContaining('/v1, Kind=Event is disallowed from being an owner')],
    ]);
  });

  test('at most one controller', () => {
    const ref = (name: string, controller: boolean) => ({ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: name, controller });
    expect(metadataFindings({ name: 'np', ownerReferences: [ref('a', true), ref('b', false)] })).toEqual([]);
    expect(summary({ name: 'np', ownerReferences: [ref('a', true), ref('b', true)] })).toEqual([
      ['metadata.ownerReferences', 'NP-VAL-METADATA',
        expect.stringContaining('Only one reference can have Controller set to true. Found "true" in references for Deployment/a and Deployment/b')],
    ]);
  });
});

test('metadata is checked in the server order', () => {
  const findings = metadataFindings({
    finalizers: ['a b'], ownerReferences: [{}], annotations: { 'a b': '' }, labels: { 'a b': '' }, generation: -1, namespace: 'N', name: 'N', generateName: 'Nx-',
  });
  expect(findings.map((f) => f.field)).toEqual([
    'metadata.generateName', 'metadata.name', 'metadata.namespace', 'metadata.generation', 'metadata.labels', 'metadata.annotations',
    'metadata.ownerReferences.apiVersion', 'metadata.ownerReferences.kind', 'metadata.ownerReferences.name', 'metadata.ownerReferences.uid',
    'metadata.finalizers',
  ]);
});

describe('clusterCustomResourceMetadataFindings (a cluster-scoped custom resource, Kubernetes 1.37)', () => {
  const lines = (metadata: unknown) => clusterCustomResourceMetadataFindings(metadata).map((f) => `${f.severity} ${f.field}: ${f.message}`);

  test('the namespace is cleared and the generation reset, so neither is checked', () => {
    expect(lines({ name: 'p', namespace: 'Not Valid', generation: -1 })).toEqual([]);
  });

  test('owner references are checked per index', () => {
    expect(lines({ name: 'p', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', uid: '1' }, {}] })).toEqual([
      'error metadata.ownerReferences[1].apiVersion: Required value: must not be empty',
      'error metadata.ownerReferences[1].kind: Required value: must not be empty',
      'error metadata.ownerReferences[1].name: Required value: must not be empty',
      'error metadata.ownerReferences[1].uid: Required value: must not be empty',
    ]);
  });

  test('a finalizer without a domain is a warning, except those Kubernetes defines', () => {
    expect(lines({ name: 'p', finalizers: ['cleanup', 'orphan', 'example.com/cleanup'] })).toEqual([
      'warning metadata.finalizers: "cleanup": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers',
    ]);
  });

  test('name and labels as for any object', () => {
    expect(lines(null)).toEqual(['error metadata.name: Required value: name or generateName is required']);
    expect(lines({ generateName: 'p-' })).toEqual([]);
  });
});
