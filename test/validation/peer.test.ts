import { FindingSeverity, ValidationStage } from '../../src/validation/finding';
import { peerFindings } from '../../src/validation/peer';

const P = 'spec.ingress[0].from[0]';

describe('valid peers', () => {
  test.each([
    [{ podSelector: {} }], [{ namespaceSelector: {} }], [{ podSelector: {}, namespaceSelector: {} }],
    [{ podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } } }],
    [{ ipBlock: { cidr: '10.0.0.0/8' } }], [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: null }],
  ])('%j', (peer) => {
    expect(peerFindings(peer, P, true)).toEqual([]);
  });
});

describe('R22: a peer names something', () => {
  test.each([[{}], [null], [{ podSelector: null }], [{ podSelector: null, namespaceSelector: null, ipBlock: null }]])('%j', (peer) => {
    expect(peerFindings(peer, P, true)).toEqual([{
      field: P, message: 'Required value: must specify a peer', severity: FindingSeverity.ERROR, rule: 'NP-VAL-PEER-REQUIRED', stage: ValidationStage.VALIDATE,
    }]);
  });
});

describe('R23: ipBlock stands alone', () => {
  test.each([
    [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }],
    [{ ipBlock: { cidr: '10.0.0.0/8' }, namespaceSelector: {} }],
    [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {}, namespaceSelector: {} }],
  ])('%j', (peer) => {
    expect(peerFindings(peer, P, true)).toEqual([{
      field: P,
      message: 'Forbidden: may not specify both ipBlock and another peer',
      severity: FindingSeverity.ERROR,
      rule: 'NP-VAL-PEER-IPBLOCK-COMBINED',
      stage: ValidationStage.VALIDATE,
    }]);
  });
});

test('order: podSelector, namespaceSelector, ipBlock, then the peer itself', () => {
  const findings = peerFindings({
    ipBlock: { cidr: '' }, namespaceSelector: { matchLabels: { a: 'b c' } }, podSelector: { matchLabels: { a: 'b c' } },
  }, P, true);
  expect(findings.map((f) => [f.field, f.rule])).toEqual([
    [`${P}.podSelector.matchLabels`, 'NP-VAL-SELECTOR-LABELS'],
    [`${P}.namespaceSelector.matchLabels`, 'NP-VAL-SELECTOR-LABELS'],
    [`${P}.ipBlock.cidr`, 'NP-VAL-CIDR-REQUIRED'],
    [P, 'NP-VAL-PEER-IPBLOCK-COMBINED'],
  ]);
});

test('strictCidr is passed to the ipBlock check', () => {
  const peer = { ipBlock: { cidr: '10.0.0.1/24' } };
  expect(peerFindings(peer, P, true).map((f) => f.severity)).toEqual([FindingSeverity.ERROR]);
  expect(peerFindings(peer, P, false).map((f) => f.severity)).toEqual([FindingSeverity.WARNING]);
});

test('a selector of the wrong type still counts as present (the decoding check reports it)', () => {
  expect(peerFindings({ podSelector: 'app=web' }, P, true)).toEqual([]);
  expect(peerFindings('x', P, true)).toEqual([]);
});
