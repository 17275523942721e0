import { twoTierModel } from './cluster';
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
      '    isolated: no',
      '    because: egress from app/web is not isolated',
      '  ingress (app/db): allowed',
      '    isolated: yes',
      '    selected by: app/db-from-web',
      '    admitted by: app/db-from-web spec.ingress[0] (cluster.yaml:2)',
      expect.stringMatching(/^ {4}because: ingress to app\/db is allowed by app\/db-from-web/),
      '',
    ]);
  });

  test('a denied connection says which side denied it and why', () => {
    const text = VerdictReport.toText(evaluator.check({ source: '198.51.100.7', destination: 'app/db', port: 5432 }));
    expect(text).toMatch(/^198\.51\.100\.7 -> app\/db TCP\/5432: DENIED/);
    expect(text).toContain('  ingress (app/db): denied');
    expect(text).not.toContain('admitted by');
  });
});
