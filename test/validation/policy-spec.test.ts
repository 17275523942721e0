import { FindingSeverity, ValidationStage } from '../../src/validation/finding';
import { specFindings } from '../../src/validation/policy-spec';

describe('valid specs (nothing is required)', () => {
  test.each([
    [undefined], [null], [{}], [{ podSelector: {} }],
    [{ ingress: [] }], [{ ingress: [{}] }], [{ ingress: [{ from: [], ports: [] }] }], [{ egress: [{ to: [], ports: [{}] }] }],
    [{ egress: [{}] }], // egress without policyTypes
    [{ policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: {} }] }] }], // ingress rules ignored, not rejected
    [{ policyTypes: ['Egress', 'Egress'] }], [{ policyTypes: ['Ingress', 'Ingress'] }], [{ policyTypes: [] }],
    [{ ingress: [{ ports: [{ port: 80 }, { port: 80 }], from: [{ podSelector: {} }, { podSelector: {} }] }, { ports: [{ port: 80 }] }] }],
    [{ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }, { ipBlock: { cidr: '2001:db8::/32' } }] }] }],
  ])('%j', (spec) => {
    expect(specFindings(spec, true)).toEqual([]);
  });
});

describe('R29: at most two policyTypes', () => {
  test('three entries, and the entries are then not checked one by one', () => {
    expect(specFindings({ policyTypes: ['Ingress', 'Egress', 'ingress'] }, true)).toEqual([{
      field: 'spec.policyTypes',
      message: 'Invalid value: ["Ingress","Egress","ingress"]: may not specify more than two policyTypes',
      severity: FindingSeverity.ERROR,
      rule: 'NP-VAL-POLICY-TYPES-COUNT',
      stage: ValidationStage.VALIDATE,
    }]);
  });
});

describe('R30: each policyType is Ingress or Egress', () => {
  test.each([['ingress'], ['EGRESS'], [''], [null]])('%j', (policyType) => {
    expect(specFindings({ policyTypes: ['Egress', policyType] }, true)).toEqual([{
      field: 'spec.policyTypes[1]',
      message: `Unsupported value: "${policyType ?? ''}": supported values: "Ingress", "Egress"`,
      severity: FindingSeverity.ERROR,
      rule: 'NP-VAL-POLICY-TYPE',
      stage: ValidationStage.VALIDATE,
    }]);
  });
});

test('order: podSelector, each ingress rule (ports, then from), each egress rule (ports, then to), policyTypes', () => {
  const badPort = { port: 0 };
  const badPeer = {};
  const findings = specFindings({
    policyTypes: ['x'],
    egress: [{ to: [badPeer], ports: [badPort] }],
    ingress: [{ from: [badPeer, badPeer], ports: [badPort] }, { ports: [badPort] }],
    podSelector: { matchLabels: { a: 'b c' } },
  }, true);
  expect(findings.map((f) => f.field)).toEqual([
    'spec.podSelector.matchLabels',
    'spec.ingress[0].ports[0].port', 'spec.ingress[0].from[0]', 'spec.ingress[0].from[1]',
    'spec.ingress[1].ports[0].port',
    'spec.egress[0].ports[0].port', 'spec.egress[0].to[0]',
    'spec.policyTypes[0]',
  ]);
});

test('ingress rules take peers from "from" and egress rules from "to"', () => {
  expect(specFindings({ ingress: [{ to: [{}] }], egress: [{ from: [{}] }] }, true)).toEqual([]);
});

test('strictCidr reaches the ipBlocks', () => {
  const spec = { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.1/24' } }] }] };
  expect(specFindings(spec, true)[0].severity).toBe(FindingSeverity.ERROR);
  expect(specFindings(spec, false)[0].severity).toBe(FindingSeverity.WARNING);
});
