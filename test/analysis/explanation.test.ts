import { compilePolicy } from '../../src/analysis/compiled-policy';
import { Endpoint } from '../../src/analysis/endpoint';
import { explainConnection, explainSide } from '../../src/analysis/explanation';
import { SideEvaluation } from '../../src/analysis/side-evaluation';
import { TrafficDirection } from '../../src/analysis/traffic-direction';
import { DecisionLayer, DecisionOutcome } from '../../src/analysis/verdict';

const pod = (label: string): Endpoint => ({ label, kind: 'pod', workload: 0, ports: [], ips: [] });
const compiled = (name: string) => compilePolicy({ namespaceName: 'prod', name, origin: `${name}.yaml:0`, manifest: { spec: { ingress: [{}, {}] } } }, true);
const dbPolicy = compiled('db-policy');
const other = compiled('other');

const side = (overrides: Partial<SideEvaluation>): SideEvaluation => ({
  direction: TrafficDirection.INGRESS, subject: pod('prod/db'), peer: pod('prod/frontend'), selecting: [], admitted: [], ...overrides,
});

describe('explainSide', () => {
  test.each([
    ['not isolated', side({}), undefined, true, 'ingress to prod/db is not isolated'],
    ['isolated, one policy', side({ selecting: [dbPolicy] }), undefined, false,
      'ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend'],
    ['isolated, two policies', side({ selecting: [dbPolicy, other] }), undefined, false,
      'ingress to prod/db is isolated by prod/db-policy, prod/other, and none of their rules admits prod/frontend'],
    ['admitted', side({ selecting: [dbPolicy], admitted: [{ policy: dbPolicy, rule: dbPolicy.ingress![1] }] }), undefined, true,
      'ingress to prod/db is allowed by prod/db-policy spec.ingress[1]'],
    ['egress, outside subject', side({ direction: TrafficDirection.EGRESS, subject: { label: '1.2.3.4', kind: 'outside', ports: [], ips: [] } }), undefined, true,
      'egress from 1.2.3.4 is not subject to NetworkPolicy (outside the cluster)'],
    ['node exemption', side({ selecting: [dbPolicy] }), 'node' as const, true, 'ingress to prod/db from its own node is always allowed (allowNodeTraffic)'],
    ['self exemption', side({ selecting: [dbPolicy], peer: pod('prod/db') }), 'self' as const, true, 'prod/db can always reach itself (allowSelfTraffic)'],
  ])('%s', (_, evaluation, exemption, allowed, reason) => {
    const { verdict, decisions } = explainSide(evaluation, exemption, []);
    expect(verdict).toMatchObject({ allowed, reason, isolated: evaluation.selecting.length > 0 });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      layer: exemption ? DecisionLayer.IMPLICIT : DecisionLayer.NETWORK_POLICY,
      outcome: allowed ? DecisionOutcome.ALLOW : DecisionOutcome.DENY,
      reason,
    });
  });

  test('rule references carry the policy origin', () => {
    const { verdict } = explainSide(side({ selecting: [dbPolicy], admitted: [{ policy: dbPolicy, rule: dbPolicy.ingress![0] }] }), undefined, ['prod/bad']);
    expect(verdict.admittedBy).toEqual([{ policy: 'prod/db-policy', origin: 'db-policy.yaml:0', direction: TrafficDirection.INGRESS, ruleIndex: 0 }]);
    expect(verdict.excludedPolicies).toEqual(['prod/bad']);
  });
});

describe('explainConnection', () => {
  const egressOpen = explainSide(side({ direction: TrafficDirection.EGRESS, subject: pod('prod/frontend'), peer: pod('prod/db') }), undefined, []).verdict;
  const ingressDenied = explainSide(side({ selecting: [dbPolicy] }), undefined, ['prod/bad', 'prod/worse']).verdict;
  const ingressOpen = explainSide(side({}), undefined, ['prod/bad']).verdict;

  test('denied: only the denying sides, then the policies not evaluated', () => {
    expect(explainConnection(egressOpen, ingressDenied, undefined)).toBe('denied: ingress to prod/db is isolated by prod/db-policy, and none of its rules admits prod/frontend'
      + '; note: prod/bad, prod/worse were not evaluated (invalid or not networking.k8s.io/v1; see the model findings)');
  });

  test('allowed: both sides', () => {
    expect(explainConnection(egressOpen, ingressOpen, undefined)).toBe('allowed: egress from prod/frontend is not isolated, and ingress to prod/db is not isolated'
      + '; note: prod/bad was not evaluated (invalid or not networking.k8s.io/v1; see the model findings)');
  });
});
