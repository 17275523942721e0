import { Endpoint } from '../../src/analysis/endpoint';
import { exemptionDecision, explainConnection, explainSide } from '../../src/analysis/explanation';
import { DecisionLayer, DecisionOutcome, LayerDecision } from '../../src/analysis/verdict';
import { TrafficDirection } from '../../src/k8s/traffic-direction';

const db: Endpoint = { label: 'prod/db', kind: 'pod', workload: 0, ports: [], ips: [], nodes: [] };
const rule = { policy: 'prod/db-policy', origin: 'db-policy.yaml:0', direction: TrafficDirection.INGRESS, ruleIndex: 1 };
type Rule = typeof rule;
const decision = (layer: DecisionLayer, outcome: DecisionOutcome, reason: string, policies: string[] = [], rules: Rule[] = []): LayerDecision =>
  ({ layer, direction: TrafficDirection.INGRESS, outcome, policies, rules, reason });
const notIsolated = decision(DecisionLayer.NETWORK_POLICY, DecisionOutcome.NO_MATCH, 'ingress to prod/db is not isolated');
const byDefault = decision(DecisionLayer.DEFAULT, DecisionOutcome.ACCEPT, 'ingress to prod/db is allowed by default: no policy decides it');
const denied = decision(DecisionLayer.NETWORK_POLICY, DecisionOutcome.DENY,
  'ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend', ['prod/db-policy']);
const admitted = decision(DecisionLayer.NETWORK_POLICY, DecisionOutcome.ACCEPT, 'ingress to prod/db is allowed by prod/db-policy spec.ingress[1]',
  ['prod/db-policy'], [rule]);

describe('explainSide', () => {
  test.each([
    ['not isolated: the default decides, for the reason NetworkPolicy passed it on', [notIsolated, byDefault], notIsolated,
      { allowed: true, decidedBy: DecisionLayer.DEFAULT, isolated: false, admittedBy: [], reason: 'ingress to prod/db is not isolated' }],
    ['isolated and denied', [denied], denied,
      { allowed: false, decidedBy: DecisionLayer.NETWORK_POLICY, isolated: true, selectingPolicies: ['prod/db-policy'], admittedBy: [], reason: denied.reason }],
    ['admitted: the admitting rules', [admitted], admitted,
      { allowed: true, decidedBy: DecisionLayer.NETWORK_POLICY, isolated: true, admittedBy: [rule], reason: admitted.reason }],
    ['an exemption decides, while NetworkPolicy still says the pod is isolated', [exemptionDecision(TrafficDirection.INGRESS, db, 'node')], denied,
      { allowed: true, decidedBy: DecisionLayer.IMPLICIT, isolated: true, admittedBy: [], reason: 'ingress to prod/db from its own node is always allowed (allowNodeTraffic)' }],
  ])('%s', (_, decisions, networkPolicy, expected) => {
    expect(explainSide(db, decisions, networkPolicy, ['prod/bad'])).toMatchObject({ ...expected, endpoint: 'prod/db', excludedPolicies: ['prod/bad'] });
  });

  test('self traffic is an implicit acceptance', () => {
    expect(exemptionDecision(TrafficDirection.EGRESS, db, 'self')).toEqual({
      layer: DecisionLayer.IMPLICIT,
      direction: TrafficDirection.EGRESS,
      outcome: DecisionOutcome.ACCEPT,
      policies: [],
      rules: [],
      reason: 'prod/db can always reach itself (allowSelfTraffic)',
    });
  });
});

describe('explainConnection', () => {
  const frontend: Endpoint = { label: 'prod/frontend', kind: 'pod', workload: 1, ports: [], ips: [], nodes: [] };
  const egressOpen = explainSide(frontend, [
    { ...notIsolated, direction: TrafficDirection.EGRESS, reason: 'egress from prod/frontend is not isolated' },
    { ...byDefault, direction: TrafficDirection.EGRESS },
  ], notIsolated, []);
  const ingressDenied = explainSide(db, [denied], denied, ['prod/bad', 'prod/worse']);
  const ingressOpen = explainSide(db, [notIsolated, byDefault], notIsolated, ['prod/bad']);

  test('denied: only the denying sides, then the policies not evaluated', () => {
    expect(explainConnection(egressOpen, ingressDenied, undefined)).toBe('denied: ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend'
      + '; note: prod/bad, prod/worse were not evaluated (invalid or not networking.k8s.io/v1; see the model findings)');
  });

  test('allowed: both sides', () => {
    expect(explainConnection(egressOpen, ingressOpen, undefined)).toBe('allowed: egress from prod/frontend is not isolated, and ingress to prod/db is not isolated'
      + '; note: prod/bad was not evaluated (invalid or not networking.k8s.io/v1; see the model findings)');
  });
});
