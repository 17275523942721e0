import { clientDecodingFindings, serverDecodingFindings } from '../../src/validation/decoding';
import { FindingSeverity, ValidationStage } from '../../src/validation/finding';

function policy(spec: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec, ...extra };
}

const both = (manifest: Record<string, unknown>) => [...clientDecodingFindings(manifest), ...serverDecodingFindings(manifest)];

describe('accepted shapes', () => {
  test('every field of the v1 object', () => {
    const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] };
    expect(both({
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
    expect(both(policy({
      podSelector: null, ingress: [{ ports: [{ port: null, endPort: null, protocol: null }], from: [null] }], egress: null, policyTypes: [null],
    }, { metadata: { name: null, labels: { a: null }, creationTimestamp: null } }))).toEqual([]);
  });

  test('fields set to undefined count as absent', () => {
    expect(both(policy({ podSelector: undefined, ingress: [{ ports: [{ port: 80, endPort: undefined }] }] }))).toEqual([]);
  });
});

describe('the server\'s decoder: Go\'s type errors', () => {
  test.each([
    [{ ingress: [{ ports: [{ port: 8000, endPort: '9000' }] }] }, 'spec.ingress[0].ports[0].endPort',
      'json: cannot unmarshal string into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32'],
    [{ ingress: [{ ports: [{ port: 8080.5 }] }] }, 'spec.ingress[0].ports[0].port',
      'json: cannot unmarshal number 8080.5 into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type int32'],
    [{ ingress: [{ ports: [{ port: 3000000000 }] }] }, 'spec.ingress[0].ports[0].port',
      'json: cannot unmarshal number 3000000000 into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type int32'],
    [{ ingress: [{ ports: [{ port: true }] }] }, 'spec.ingress[0].ports[0].port',
      'json: cannot unmarshal bool into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type int32'],
    [{ egress: [{ ports: [{ protocol: 6 }] }] }, 'spec.egress[0].ports[0].protocol',
      'json: cannot unmarshal number into Go struct field NetworkPolicyPort.spec.egress.ports.protocol of type v1.Protocol'],
    [{ ingress: {} }, 'spec.ingress',
      'json: cannot unmarshal object into Go struct field NetworkPolicySpec.spec.ingress of type []v1.NetworkPolicyIngressRule'],
    [{ ingress: ['x'] }, 'spec.ingress[0]',
      'json: cannot unmarshal string into Go struct field NetworkPolicySpec.spec.ingress of type v1.NetworkPolicyIngressRule'],
    [{ podSelector: { matchLabels: { app: 1 } } }, 'spec.podSelector.matchLabels[app]',
      'json: cannot unmarshal number into Go struct field LabelSelector.spec.podSelector.matchLabels of type string'],
    [{ podSelector: { matchLabels: ['app'] } }, 'spec.podSelector.matchLabels',
      'json: cannot unmarshal array into Go struct field LabelSelector.spec.podSelector.matchLabels of type map[string]string'],
    [{ policyTypes: 'Ingress' }, 'spec.policyTypes',
      'json: cannot unmarshal string into Go struct field NetworkPolicySpec.spec.policyTypes of type []v1.PolicyType'],
    [[], 'spec', 'json: cannot unmarshal array into Go struct field NetworkPolicy.spec of type v1.NetworkPolicySpec'],
  ])('%j', (spec, field, message) => {
    expect(serverDecodingFindings(policy(spec))).toEqual([{ field, message, severity: FindingSeverity.ERROR, rule: 'NP-VAL-TYPE', stage: ValidationStage.DECODE }]);
  });

  test('keys are read in Go\'s sorted order, as kubectl sends them: the first saved error is reported first', () => {
    const findings = serverDecodingFindings(policy({ egress: [{ to: 'x', ports: [{ protocol: 5, endPort: 'x' }] }] }));
    expect(findings.map((f) => f.field)).toEqual(['spec.egress[0].ports[0].endPort', 'spec.egress[0].ports[0].protocol', 'spec.egress[0].to']);
  });

  test('an error from a port\'s own decoder ends decoding, so it wins over an earlier one', () => {
    const findings = serverDecodingFindings(policy({ egress: [{ ports: [{ endPort: 'x' }, { port: true }] }] }));
    expect(findings.map((f) => f.field)).toEqual(['spec.egress[0].ports[1].port', 'spec.egress[0].ports[0].endPort']);
  });

  test('metadata is left to kubectl, which decodes it first', () => {
    expect(serverDecodingFindings(policy({}, { metadata: { name: 7 } }))).toEqual([]);
  });
});

describe('the server\'s decoder: unknown fields, under strict field validation', () => {
  test.each([
    [policy({ ingress: [{ ports: [{ port: 80, portRange: '80-90' }] }] }), 'spec.ingress[0].ports[0].portRange'],
    [policy({ PodSelector: {} }), 'spec.PodSelector'],
    [policy({}, { status: {} }), 'status'],
    [policy({ egress: [{ to: [{ ipblock: { cidr: '10.0.0.0/8' } }] }] }), 'spec.egress[0].to[0].ipblock'],
    [policy({ egress: [{ from: [] }] }), 'spec.egress[0].from'],
    [policy({ podSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', value: [] }] } }), 'spec.podSelector.matchExpressions[0].value'],
    [policy({}, { metadata: { name: 'np', Labels: {} } }), 'metadata.Labels'],
  ])('%#: %s', (manifest, field) => {
    expect(serverDecodingFindings(manifest)).toEqual([{
      field, message: `strict decoding error: unknown field "${field}"`, severity: FindingSeverity.ERROR, rule: 'NP-VAL-UNKNOWN-FIELD', stage: ValidationStage.DECODE,
    }]);
  });

  test('the path is quoted as Go quotes it', () => {
    expect(serverDecodingFindings(policy({ 'a"b\u0001': 1 }))[0].message).toBe('strict decoding error: unknown field "spec.a\\"b\\x01"');
  });

  test('unknown fields are not descended into, and at most 100 are named', () => {
    expect(serverDecodingFindings(policy({}, { status: { bogus: { deeper: 1 } } }))).toHaveLength(1);
    const many = Object.fromEntries([...Array(120).keys()].map((i) => [`x${i}`, i]));
    expect(serverDecodingFindings(policy({}, many))).toHaveLength(100);
  });

  test('type errors come before unknown fields, which the server names only when there is no type error', () => {
    const findings = serverDecodingFindings(policy({ ingress: [{ ports: [{ port: 'x', endPort: '1', extra: 1 }] }], policyTypes: 'Egress' }, { status: {} }));
    expect(findings.map((f) => [f.field, f.rule])).toEqual([
      ['spec.ingress[0].ports[0].endPort', 'NP-VAL-TYPE'], ['spec.policyTypes', 'NP-VAL-TYPE'],
      ['spec.ingress[0].ports[0].extra', 'NP-VAL-UNKNOWN-FIELD'], ['status', 'NP-VAL-UNKNOWN-FIELD'],
    ]);
  });
});

describe('kubectl decodes the metadata before sending', () => {
  test.each([
    [{ name: 7 }, 'metadata.name', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string'],
    [{ generation: 1.5 }, 'metadata.generation', 'json: cannot unmarshal number 1.5 into Go struct field ObjectMeta.metadata.generation of type int64'],
    [{ labels: { app: true } }, 'metadata.labels[app]', 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string'],
    [{ finalizers: 'x' }, 'metadata.finalizers', 'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.finalizers of type []string'],
    [{ uid: 5 }, 'metadata.uid', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type types.UID'],
    [{ ownerReferences: [{ controller: 'true' }] }, 'metadata.ownerReferences[0].controller',
      'json: cannot unmarshal string into Go struct field OwnerReference.metadata.ownerReferences.controller of type bool'],
    [{ creationTimestamp: 5 }, 'metadata.creationTimestamp', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'],
  ])('%j', (metadata, field, message) => {
    expect(clientDecodingFindings(policy({}, { metadata }))).toEqual([{ field, message, severity: FindingSeverity.ERROR, rule: 'NP-VAL-TYPE', stage: ValidationStage.CLIENT }]);
  });

  test('metadata that is not an object', () => {
    expect(clientDecodingFindings(policy({}, { metadata: 'x' }))[0].message)
      .toBe('json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta');
  });

  test('timestamps are parsed as Go parses RFC 3339, and a bad one ends decoding', () => {
    expect(clientDecodingFindings(policy({}, { metadata: { name: 'np', annotations: { a: 1 }, deletionTimestamp: '2020-13-01T00:00:00Z' } }))).toEqual([
      {
        field: 'metadata.deletionTimestamp',
        message: 'parsing time "2020-13-01T00:00:00Z": month out of range',
        severity: FindingSeverity.ERROR,
        rule: 'NP-VAL-TIMESTAMP',
        stage: ValidationStage.CLIENT,
      },
      expect.objectContaining({ field: 'metadata.annotations[a]', rule: 'NP-VAL-TYPE' }),
    ]);
  });

  test('unknown fields in metadata are the server\'s to refuse, not kubectl\'s', () => {
    expect(clientDecodingFindings(policy({}, { metadata: { name: 'np', Labels: 5 } }))).toEqual([]);
  });
});
