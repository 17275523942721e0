import { twoTierManifests, twoTierModel } from './cluster';
import { ClusterModel } from '../../src/analysis/cluster-model';
import { Evaluator } from '../../src/analysis/evaluator';
import { VerdictReport } from '../../src/report/verdict-report';

describe('VerdictReport', () => {
  const evaluator = new Evaluator(twoTierModel());

  test('an allowed connection names the admitting rule and its origin', () => {
    const text = VerdictReport.toText(evaluator.check({ source: 'app/web', destination: 'app/db', portName: 'pg' }));
    expect(text.split('\n')).toEqual([
      'app/web -> app/db TCP/pg (port 5432): ALLOWED',
      expect.stringMatching(/^ {2}allowed: /),
      '  egress (app/web): allowed',
      '    layers: [NetworkPolicy] NoMatch -> [Default] Accept',
      '    isolated: no',
      '    because: egress from app/web is not isolated',
      '  ingress (app/db): allowed',
      '    layers: [NetworkPolicy] Accept (app/db-from-web spec.ingress[0])',
      '    isolated: yes',
      '    selected by: app/db-from-web',
      '    admitted by: app/db-from-web spec.ingress[0] (cluster.yaml:2)',
      '    because: ingress to app/db is allowed by app/db-from-web spec.ingress[0]',
      '',
    ]);
  });

  test('a denied connection says which side denied it and why', () => {
    const text = VerdictReport.toText(evaluator.check({ source: '198.51.100.7', destination: 'app/db', port: 5432 }));
    expect(text).toMatch(/^198\.51\.100\.7 -> app\/db TCP\/5432: DENIED/);
    expect(text).toContain('  ingress (app/db): denied');
    expect(text).not.toContain('admitted by');
  });

  test('every layer asked shows on its side: an Admin Pass, then the NetworkPolicy that decides', () => {
    const guard = {
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'guard' },
      spec: {
        tier: 'Admin',
        priority: 10,
        subject: { pods: { podSelector: { matchLabels: { app: 'db' } } } },
        ingress: [
          { name: 'web-to-db', action: 'Pass', from: [{ pods: { podSelector: { matchLabels: { app: 'web' } } } }] },
          { action: 'Deny', from: [{ namespaces: {} }] },
        ],
      },
    };
    const model = ClusterModel.fromManifests([...twoTierManifests(), guard].map((manifest, i) => ({ manifest, origin: `cluster.yaml:${i}` })));
    const text = VerdictReport.toText(new Evaluator(model).check({ source: 'app/web', destination: 'app/db', port: 80 }));
    expect(text.split('\n')).toEqual([
      'app/web -> app/db TCP/80: DENIED',
      '  denied: ingress to app/db is isolated by app/db-from-web, and none of its rules admits app/web',
      '  egress (app/web): allowed',
      '    layers: [Admin] NoMatch -> [NetworkPolicy] NoMatch -> [Default] Accept',
      '    isolated: no',
      '    because: no Admin ClusterNetworkPolicy selects egress from app/web, and egress from app/web is not isolated',
      '  ingress (app/db): denied',
      '    layers: [Admin] Pass (guard/web-to-db) -> [NetworkPolicy] Deny (app/db-from-web)',
      '    isolated: yes',
      '    selected by: app/db-from-web',
      '    because: ingress to app/db is isolated by app/db-from-web, and none of its rules admits app/web',
      '',
    ]);
    const other = VerdictReport.toText(new Evaluator(model).check({ source: 'app/db', destination: 'app/db', port: 5432 }));
    expect(other).toContain('layers: [Implicit] Accept');
  });
});
