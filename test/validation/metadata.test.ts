import { FindingSeverity, ValidationStage } from '../../src/validation/finding';
import { generateNamePathFindings, GENERATED_SUFFIX, metadataFindings } from '../../src/validation/metadata';

const summary = (metadata: unknown) => metadataFindings(metadata).map((f) => [f.field, f.rule, f.message]);
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end "
  + "with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('R4: a name is required', () => {
  test.each([[{}], [{ name: '' }], [{ name: null }], [undefined], [null], [{ namespace: 'default' }], [{ name: '', generateName: '' }]])('%j', (metadata) => {
    expect(metadataFindings(metadata)).toEqual([{
      field: 'metadata.name',
      message: 'Required value: name or generateName is required',
      severity: FindingSeverity.ERROR,
      rule: 'NP-VAL-NAME-REQUIRED',
      stage: ValidationStage.VALIDATE,
    }]);
  });

  test.each([[{ name: 'np' }], [{ generateName: 'np-' }], [{ name: '', generateName: 'np-' }]])('valid: %j', (metadata) => {
    expect(metadataFindings(metadata)).toEqual([]);
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

  test('the value is quoted as Go quotes it', () => {
    expect(summary({ name: 'ctl\tchars\u0001\u007f' })).toEqual([['metadata.name', 'NP-VAL-NAME', `Invalid value: "ctl\\tchars\\x01\\x7f": ${SUBDOMAIN}`]]);
  });
});

describe('generateName: checked as a prefix, then expanded into the name the server validates', () => {
  test.each(['np-', 'np', 'a-', 'allow.web-', `${'b'.repeat(251)}-`])('%j is a valid prefix and gives a valid name', (generateName) => {
    expect(metadataFindings({ generateName })).toEqual([]);
  });

  test('the server replaces the last two bytes of a prefix ending in a hyphen, so "np_-" passes as a prefix', () => {
    expect(summary({ generateName: 'np_-', name: 'np' })).toEqual([]);
  });

  test('an invalid prefix is reported at generateName and, expanded, at name, with the placeholder for the random characters', () => {
    expect(summary({ generateName: 'Web_' })).toEqual([
      ['metadata.generateName', 'NP-VAL-NAME', `Invalid value: "Web_": ${SUBDOMAIN}`],
      ['metadata.name', 'NP-VAL-NAME', `Invalid value: "Web_${GENERATED_SUFFIX}": ${SUBDOMAIN}`],
    ]);
  });

  test('with a name, the prefix is checked and the name is the name', () => {
    expect(summary({ generateName: 'Web_', name: 'ok' }).map(([field]) => field)).toEqual(['metadata.generateName']);
  });

  test('a prefix longer than 253 bytes is refused though the name, cut to 58 bytes, would pass', () => {
    expect(summary({ generateName: `${'a'.repeat(260)}-` })).toEqual([
      ['metadata.generateName', 'NP-VAL-NAME', `Invalid value: "${'a'.repeat(260)}-": must be no more than 253 characters`],
    ]);
  });

  test('the cut may split a character: the name then shows its bytes as Go does', () => {
    expect(summary({ generateName: `${'a'.repeat(57)}é` })).toEqual([
      ['metadata.generateName', 'NP-VAL-NAME', expect.stringContaining(`Invalid value: "${'a'.repeat(57)}é": `)],
      ['metadata.name', 'NP-VAL-NAME', `Invalid value: "${'a'.repeat(57)}\\xc3${GENERATED_SUFFIX}": ${SUBDOMAIN}`],
    ]);
  });

  test('a prefix with "/" or "%" before its trailing hyphen is refused last, once everything else passes', () => {
    expect(metadataFindings({ generateName: 'a%-', name: 'ok' })).toEqual([]);
    expect(generateNamePathFindings({ generateName: 'a%/-', name: 'ok' }).map((f) => f.message)).toEqual([
      'Invalid value: "a%/-": may not contain \'/\'', 'Invalid value: "a%/-": may not contain \'%\'',
    ]);
    expect(generateNamePathFindings({ generateName: 'ok-' })).toEqual([]);
  });
});

describe('R6: namespace is a DNS-1123 label, "default" when none is written', () => {
  test.each([
    ['Team_A', expect.stringContaining('a lowercase RFC 1123 label')],
    ['team.a', 'Invalid value: "team.a": must not contain dots'],
    ['n'.repeat(64), `Invalid value: "${'n'.repeat(64)}": must be no more than 63 characters`],
  ])('rejects %j', (namespace, message) => {
    expect(metadataFindings({ name: 'np', namespace })).toEqual([expect.objectContaining({ field: 'metadata.namespace', rule: 'NP-VAL-NAMESPACE', message })]);
  });

  test.each([undefined, '', null, 'default', 'team-a', 'n'.repeat(63)])('accepts %j', (namespace) => {
    expect(metadataFindings({ name: 'np', namespace })).toEqual([]);
  });
});

describe('R7: labels', () => {
  test('a bad value is reported at metadata.labels', () => {
    expect(summary({ name: 'np', labels: { app: 'web server' } })).toEqual([
      ['metadata.labels', 'NP-VAL-LABELS', expect.stringMatching(/^Invalid value: "web server": a valid label must be an empty string/)],
    ]);
  });

  test('a too-long name part, and a too-long prefix (in bytes)', () => {
    expect(summary({ name: 'np', labels: { ['k'.repeat(64)]: 'v', [`${'p'.repeat(254)}/k`]: 'v' } })).toEqual([
      ['metadata.labels', 'NP-VAL-LABELS', `Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 bytes`],
      ['metadata.labels', 'NP-VAL-LABELS', `Invalid value: "${'p'.repeat(254)}/k": prefix part must be no more than 253 bytes`],
    ]);
  });

  test('valid labels', () => {
    expect(metadataFindings({ name: 'np', labels: { 'app': '', 'example.com/App': 'x', 'kubernetes.io/metadata.name': 'prod' } })).toEqual([]);
  });
});

describe('R8: annotations', () => {
  test('keys are compared in lower case, as Go lowers them', () => {
    expect(metadataFindings({ name: 'np', annotations: { 'Example.COM/Owner': 'x', 'Team': 'free form value!', 'İ': '' } })).toEqual([]);
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
  test('generation is reset on create, so any value passes', () => {
    expect(metadataFindings({ name: 'np', generation: -1 })).toEqual([]);
  });

  test('finalizers are label keys, reported at the list; orphan excludes foregroundDeletion; a name without "/" must be standard', () => {
    expect(metadataFindings({ name: 'np', finalizers: ['example.com/cleanup', 'orphan', 'kubernetes'] })).toEqual([]);
    expect(summary({ name: 'np', finalizers: ['a b', 'orphan', 'foregroundDeletion', 'foo'] })).toEqual([
      ['metadata.finalizers', 'NP-VAL-METADATA', expect.stringMatching(/^Invalid value: "a b": name part/)],
      ['metadata.finalizers', 'NP-VAL-METADATA', 'Invalid value: ["a b","orphan","foregroundDeletion","foo"]: finalizer orphan and foregroundDeletion cannot be both set'],
      ['metadata.finalizers[0]', 'NP-VAL-METADATA', 'Invalid value: "a b": name is neither a standard finalizer name nor is it fully qualified'],
      ['metadata.finalizers[3]', 'NP-VAL-METADATA', 'Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified'],
    ]);
  });

  test('owner references need an apiVersion with a version, a kind, a name and a uid, each at its own path', () => {
    expect(metadataFindings({ name: 'np', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1' }] })).toEqual([]);
    expect(summary({ name: 'np', ownerReferences: [{}, { apiVersion: 'apps/', kind: 'K', name: 'n', uid: 'u' }, { apiVersion: 'a/b/c', kind: 'K', name: 'n', uid: 'v' }] })).toEqual([
      ['metadata.ownerReferences[0].apiVersion', 'NP-VAL-METADATA', 'Required value: must not be empty'],
      ['metadata.ownerReferences[0].kind', 'NP-VAL-METADATA', 'Required value: must not be empty'],
      ['metadata.ownerReferences[0].name', 'NP-VAL-METADATA', 'Required value: must not be empty'],
      ['metadata.ownerReferences[0].uid', 'NP-VAL-METADATA', 'Required value: must not be empty'],
      ['metadata.ownerReferences[1].apiVersion', 'NP-VAL-METADATA', 'Invalid value: "apps/": must be <group>/<version> or <version>'],
      ['metadata.ownerReferences[2].apiVersion', 'NP-VAL-METADATA', 'Invalid value: "a/b/c": must be <group>/<version> or <version>'],
    ]);
  });

  test('an Event of the core group may not own anything; the reference shows as Go\'s JSON', () => {
    expect(summary({ name: 'np', ownerReferences: [{ apiVersion: '/v1', kind: 'Event', name: 'e<', uid: 'u', controller: false }] })).toEqual([
      ['metadata.ownerReferences[0]', 'NP-VAL-METADATA',
        'Invalid value: {"apiVersion":"/v1","kind":"Event","name":"e\\u003c","uid":"u","controller":false}: /v1, Kind=Event is disallowed from being an owner'],
    ]);
    expect(metadataFindings({ name: 'np', ownerReferences: [{ apiVersion: 'events.k8s.io/v1', kind: 'Event', name: 'e', uid: 'u' }] })).toEqual([]);
  });

  test('at most one controller', () => {
    const ref = (name: string, controller: boolean) => ({ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: name, controller });
    expect(metadataFindings({ name: 'np', ownerReferences: [ref('a', true), ref('b', false)] })).toEqual([]);
    expect(summary({ name: 'np', ownerReferences: [ref('a', true), ref('b', true)] })).toEqual([
      ['metadata.ownerReferences', 'NP-VAL-METADATA',
        expect.stringContaining('Only one reference can have Controller set to true. Found "true" in references for Deployment/a and Deployment/b')],
    ]);
  });

  test('identical owner references are dropped, with the server\'s warning, before the rest are checked', () => {
    const event = { apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' };
    const findings = metadataFindings({ name: 'np', ownerReferences: [event, event, { ...event, controller: false }, event] });
    expect(findings.map((f) => [f.severity, f.field, f.message.slice(0, 40)])).toEqual([
      [FindingSeverity.WARNING, '', '.metadata.ownerReferences contains dupli'],
      [FindingSeverity.ERROR, 'metadata.ownerReferences[0]', 'Invalid value: {"apiVersion":"v1","kind"'],
      [FindingSeverity.ERROR, 'metadata.ownerReferences[1]', 'Invalid value: {"apiVersion":"v1","kind"'],
    ]);
    expect(findings[0].message).toMatch(/; please fix your requests; duplicate UID\(s\) observed: u, u$/);
  });
});

test('metadata is checked in the server order', () => {
  const findings = metadataFindings({
    finalizers: ['a b'], ownerReferences: [{}], annotations: { 'a b': '' }, labels: { 'a b': '' }, generation: -1, namespace: 'N', name: 'N', generateName: 'Nx-',
  });
  expect(findings.map((f) => f.field)).toEqual([
    'metadata.generateName', 'metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations',
    'metadata.ownerReferences[0].apiVersion', 'metadata.ownerReferences[0].kind', 'metadata.ownerReferences[0].name', 'metadata.ownerReferences[0].uid',
    'metadata.finalizers', 'metadata.finalizers[0]',
  ]);
});
