import { decodingFindings, objectMetaDecodingFindings } from '../../src/validation/decoding';
import { FindingSeverity } from '../../src/validation/finding';

function policy(spec: unknown, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec, ...extra };
}

describe('accepted shapes', () => {
  test('every field of the v1 object', () => {
    const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] };
    expect(decodingFindings({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: 'np',
        generateName: 'np-',
        namespace: 'default',
        selfLink: '',
        uid: 'u',
        resourceVersion: '1',
        generation: 1,
        creationTimestamp: '2024-01-01T00:00:00Z',
        deletionTimestamp: null,
        deletionGracePeriodSeconds: 30,
        labels: { a: 'b' },
        annotations: { c: 'd' },
        finalizers: ['example.com/f'],
        ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true, blockOwnerDeletion: false }],
        managedFields: [{
          manager: 'kubectl',
          operation: 'Apply',
          apiVersion: 'networking.k8s.io/v1',
          time: '2024-01-01T00:00:00Z',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:spec': { 'f:podSelector': {} } },
          subresource: '',
        }],
      },
      spec: {
        podSelector: selector,
        ingress: [{ ports: [{ protocol: 'TCP', port: 80, endPort: 90 }, { port: 'http' }], from: [{ podSelector: selector, namespaceSelector: {} }] }],
        egress: [{ ports: [], to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }],
        policyTypes: ['Ingress', 'Egress'],
      },
    })).toEqual([]);
  });

  test('null decodes to the zero value anywhere', () => {
    expect(decodingFindings(policy({
      podSelector: null, ingress: [{ ports: [{ port: null, endPort: null, protocol: null }], from: [null] }], egress: null, policyTypes: [null],
    }, { metadata: { name: null, labels: { a: null } } }))).toEqual([]);
  });

  test('fields set to undefined count as absent', () => {
    expect(decodingFindings(policy({ podSelector: undefined, ingress: [{ ports: [{ port: 80, endPort: undefined }] }] }))).toEqual([]);
  });
});

describe('R2: JSON types must fit the Go types', () => {
  test.each([
    [{ ingress: [{ ports: [{ port: 8000, endPort: '9000' }] }] }, 'spec.ingress[0].ports[0].endPort', 'cannot unmarshal string into Go value of type int32'],
    [{ ingress: [{ ports: [{ port: 8080.5 }] }] }, 'spec.ingress[0].ports[0].port', 'cannot unmarshal number 8080.5 into Go value of type int32'],
    [{ ingress: [{ ports: [{ port: 3000000000 }] }] }, 'spec.ingress[0].ports[0].port', 'cannot unmarshal number 3000000000'],
    [{ ingress: [{ ports: [{ port: true }] }] }, 'spec.ingress[0].ports[0].port', 'cannot unmarshal bool into Go value of type int32'],
    [{ ingress: [{ ports: [{ port: 80, endPort: 90.5 }] }] }, 'spec.ingress[0].ports[0].endPort', 'cannot unmarshal number 90.5'],
    [{ ingress: [{ ports: [{ port: NaN }] }] }, 'spec.ingress[0].ports[0].port', 'cannot unmarshal number NaN'],
    [{ egress: [{ ports: [{ protocol: 6 }] }] }, 'spec.egress[0].ports[0].protocol', 'cannot unmarshal number 6 into Go value of type string'],
    [{ ingress: {} }, 'spec.ingress', 'cannot unmarshal object into Go value of type array: expected an array'],
    [{ egress: [{ to: { podSelector: {} } }] }, 'spec.egress[0].to', 'cannot unmarshal object into Go value of type array'],
    [{ ingress: ['x'] }, 'spec.ingress[0]', 'cannot unmarshal string into Go value of type struct: expected an object'],
    [{ podSelector: 'app=web' }, 'spec.podSelector', 'cannot unmarshal string into Go value of type struct'],
    [{ podSelector: { matchLabels: { app: 1 } } }, 'spec.podSelector.matchLabels[app]', 'cannot unmarshal number 1 into Go value of type string'],
    [{ podSelector: { matchLabels: ['app'] } }, 'spec.podSelector.matchLabels', 'cannot unmarshal array into Go value of type map[string]string'],
    [{ podSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: 'prod' }] } },
      'spec.podSelector.matchExpressions[0].values', 'cannot unmarshal string into Go value of type array'],
    [{ ingress: [{ from: [{ ipBlock: { cidr: 10 } }] }] }, 'spec.ingress[0].from[0].ipBlock.cidr', 'cannot unmarshal number 10'],
    [{ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: '10.1.0.0/16' } }] }] }, 'spec.ingress[0].from[0].ipBlock.except', 'into Go value of type array'],
    [{ policyTypes: 'Ingress' }, 'spec.policyTypes', 'cannot unmarshal string into Go value of type array'],
    [[], 'spec', 'cannot unmarshal array into Go value of type struct'],
  ])('%j', (spec, field, message) => {
    const findings = decodingFindings(policy(spec));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ field, severity: FindingSeverity.ERROR, rule: 'NP-VAL-TYPE' });
    expect(findings[0].message).toContain(message);
  });

  test.each([
    [{ name: 7 }, 'metadata.name'],
    [{ generation: 1.5 }, 'metadata.generation'],
    [{ labels: { app: true } }, 'metadata.labels[app]'],
    [{ finalizers: 'x' }, 'metadata.finalizers'],
    [{ ownerReferences: [{ controller: 'true' }] }, 'metadata.ownerReferences[0].controller'],
  ])('metadata %j', (metadata, field) => {
    expect(decodingFindings(policy({}, { metadata }))).toEqual([expect.objectContaining({ field, rule: 'NP-VAL-TYPE' })]);
  });

  test('the message says what would be valid', () => {
    const [finding] = decodingFindings(policy({ ingress: [{ ports: [{ port: 80, endPort: '90' }] }] }));
    expect(finding.message).toBe('cannot unmarshal string into Go value of type int32: expected an integer (a JSON number without fraction, not a string)');
  });
});

describe('R3: unknown fields, as under strict field validation', () => {
  test.each([
    [policy({ ingress: [{ ports: [{ port: 80, portRange: '80-90' }] }] }), 'spec.ingress[0].ports[0].portRange'],
    [policy({ PodSelector: {} }), 'spec.PodSelector'],
    [policy({}, { status: {} }), 'status'],
    [policy({ egress: [{ to: [{ ipblock: { cidr: '10.0.0.0/8' } }] }] }), 'spec.egress[0].to[0].ipblock'],
    [policy({ egress: [{ from: [] }] }), 'spec.egress[0].from'],
    [policy({ ingress: [{ to: [] }] }), 'spec.ingress[0].to'],
    [policy({ podSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', value: [] }] } }), 'spec.podSelector.matchExpressions[0].value'],
    [policy({}, { metadata: { name: 'np', Labels: {} } }), 'metadata.Labels'],
    [policy({}, { data: 1 }), 'data'],
  ])('%#: %s', (manifest, field) => {
    expect(decodingFindings(manifest)).toEqual([expect.objectContaining({ field, severity: FindingSeverity.ERROR, rule: 'NP-VAL-UNKNOWN-FIELD' })]);
  });

  test('a wrongly-cased field is named with its correct spelling', () => {
    const [finding] = decodingFindings(policy({ PodSelector: {} }));
    expect(finding.message).toBe(
      'unknown field "PodSelector": field names are case-sensitive, did you mean "podSelector"? (without strict field validation the server silently drops it)');
  });

  test('an unknown field lists the known ones', () => {
    const [finding] = decodingFindings(policy({ ingress: [{ ports: [{ portRange: '80-90' }] }] }));
    expect(finding.message).toContain('unknown field "portRange": known fields here are "protocol", "port", "endPort"');
  });

  test('unknown fields are not descended into', () => {
    expect(decodingFindings(policy({}, { status: { bogus: { deeper: 1 } } }))).toHaveLength(1);
  });
});

test('findings follow document order', () => {
  const findings = decodingFindings(policy({ ingress: [{ ports: [{ port: 'x', endPort: '1', extra: 1 }] }], policyTypes: 'Egress' }, { status: {} }));
  expect(findings.map((f) => f.field)).toEqual([
    'spec.ingress[0].ports[0].endPort', 'spec.ingress[0].ports[0].extra', 'spec.policyTypes', 'status',
  ]);
});

test('objectMetaDecodingFindings: what kubectl cannot decode into ObjectMeta', () => {
  expect(objectMetaDecodingFindings({ name: 5, labels: { a: 1 }, foo: 'x' }).map((f) => [f.field, f.rule]))
    .toEqual([['metadata.name', 'NP-VAL-TYPE'], ['metadata.labels[a]', 'NP-VAL-TYPE'], ['metadata.foo', 'NP-VAL-UNKNOWN-FIELD']]);
  expect(objectMetaDecodingFindings('x').map((f) => [f.field, f.rule])).toEqual([['metadata', 'NP-VAL-TYPE']]);
  expect(objectMetaDecodingFindings(undefined)).toEqual([]);
});
