import { ValidationStage } from '../../src/validation/finding';
import { apiVersionMappingFindings, namespacePathFindings, schemaFindings } from '../../src/validation/kubectl-checks';

const said = (findings: { stage: ValidationStage; message: string }[]) => findings.map((f) => [f.stage, f.message]);

describe('apiVersion', () => {
  test.each([
    [undefined, [[ValidationStage.CLIENT, 'apiVersion not set']], []],
    [null, [[ValidationStage.CLIENT, 'apiVersion not set']], []],
    [['x'], [[ValidationStage.CLIENT, "apiVersion isn't string type"]], []],
    ['a/b/c', [[ValidationStage.CLIENT, 'unexpected GroupVersion string: a/b/c']], []],
    ['networking.k8s.io/v1', [], []],
    ['networking.k8s.io/v1beta1', [], [[ValidationStage.CLIENT, 'no matches for kind "NetworkPolicy" in version "networking.k8s.io/v1beta1"']]],
    ['/', [], [[ValidationStage.CLIENT, 'no matches for kind "NetworkPolicy" in version ""']]],
    ['extensions/', [], [[ValidationStage.CLIENT, 'no matches for kind "NetworkPolicy" in version "extensions/"']]],
    ['networking.k8s.io/', [], [[ValidationStage.DECODE, 'the server could not find the requested resource']]],
  ])('%j', (apiVersion, schema, mapping) => {
    expect(said(schemaFindings({ apiVersion, kind: 'NetworkPolicy' }))).toEqual(schema);
    expect(said(apiVersionMappingFindings(apiVersion))).toEqual(mapping);
  });
});

describe('kubectl\'s own check of an unserved version for repeated keys in labels and annotations', () => {
  const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'u' };

  test('a label map read to its closing brace has no repeats', () => {
    expect(schemaFindings({ apiVersion: 'v1', metadata: { name: 'np', labels: { name: 'x' }, ownerReferences: [owner] } })).toEqual([]);
  });

  test('labels that are not a map let the keys after them count: metadata.name, then an owner reference\'s name', () => {
    expect(schemaFindings({ apiVersion: 'network', metadata: { name: 'np', labels: 443, ownerReferences: [owner] } })).toEqual([
      { field: 'metadata.labels', message: 'duplicate key: name', severity: 'error', rule: 'NP-VAL-DUPLICATE-KEY', stage: ValidationStage.CLIENT },
    ]);
  });

  test('both fields failing give Go\'s aggregate message', () => {
    expect(said(schemaFindings({ apiVersion: 'v1', metadata: { annotations: null, labels: null, name: 'np', ownerReferences: [owner] } })))
      .toEqual([[ValidationStage.CLIENT, 'duplicate key: name']]);
    expect(said(schemaFindings({ apiVersion: 'v1', metadata: { annotations: [], generateName: 'g', labels: [], name: 'np', ownerReferences: [{ ...owner, generateName: 'g' }] } })))
      .toEqual([[ValidationStage.CLIENT, '[duplicate key: name, duplicate key: generateName]']]);
  });

  test('the served version is left to the server', () => {
    expect(schemaFindings({ apiVersion: 'networking.k8s.io/v1', metadata: { name: 'np', labels: 443, ownerReferences: [owner] } })).toEqual([]);
  });
});

describe('the namespace in the URL', () => {
  test.each([undefined, null, {}, { namespace: '' }, { namespace: 'team.a' }, { namespace: 'Team' }, { namespace: 5 }])('%j is a path segment', (metadata) => {
    expect(namespacePathFindings(metadata)).toEqual([]);
  });

  test.each([
    ['.', 'invalid namespace ".": [may not be \'.\']'],
    ['..', 'invalid namespace "..": [may not be \'..\']'],
    ['a%b/.', 'invalid namespace "a%b/.": [may not contain \'/\' may not contain \'%\']'],
    ['é/\u0001', 'invalid namespace "é/\\x01": [may not contain \'/\']'],
  ])('%j is not', (namespace, message) => {
    expect(namespacePathFindings({ namespace })).toEqual([expect.objectContaining({ field: 'metadata.namespace', stage: ValidationStage.CLIENT, message })]);
  });
});
