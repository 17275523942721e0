import { twoTierModel } from './cluster';
import { RESULTS } from './results';
import { ClusterModel, Evaluator } from '../../src/analysis';
import { ReachabilityReport } from '../../src/report';

const model = twoTierModel();
const evaluator = new Evaluator(model);

describe('ReachabilityReport', () => {
  test('toMarkdown: a summary, the intents, the findings, then a matrix per port', () => {
    const markdown = ReachabilityReport.toMarkdown({
      intents: RESULTS,
      findings: model.findings,
      matrices: [evaluator.matrix({ port: 5432 }), evaluator.matrix({ portName: 'pg' })],
      omittedPorts: ['TCP/8443', 'UDP/514'],
    });
    expect(markdown.split('\n').filter((line) => /^#|^\*\*|^Written|^- |^Left out/.test(line))).toEqual([
      '# Reachability report',
      'Written by cdk8s-netpol when the app synthesized.',
      '- 5 intents: 2 ok, 1 acknowledged, 1 broken, 1 error',
      '- 0 model finding errors, 0 warnings',
      '- 2 reachability matrices',
      '## Intents',
      '## Model findings',
      '## Reachability matrices',
      '**Reachability on TCP/5432** (rows: sources, columns: destinations; ✓ allowed, · denied)',
      '**Reachability on TCP/pg** (rows: sources, columns: destinations; ✓ allowed, · denied)',
      'Left out, beyond 2 ports: TCP/8443, UDP/514. Ask the CLI for one: `cdk8s-netpol matrix --port <port>`.',
    ]);
    expect(markdown).toContain('| app/web | ✓ | ✓ |');
  });

  test('toMarkdown: no ports, and too many workloads for a table', () => {
    const deployments = Array.from({ length: 41 }, (_, i) => ({
      manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `w${i}`, namespace: 'big' }, spec: { template: { metadata: { labels: { app: `w${i}` } } } } },
    }));
    const big = new Evaluator(ClusterModel.fromManifests(deployments)).matrix({ port: 80 });
    expect(ReachabilityReport.toMarkdown({ intents: [], findings: [], matrices: [] })).toContain('\n_The policies name no ports._\n');
    expect(ReachabilityReport.toMarkdown({ intents: [], findings: [], matrices: [big] }))
      .toContain('\n**Reachability on TCP/80**: 41 workloads are too many for a table; see reachability.json.\n');
  });

  test('toJson: a summary, the intents and findings as they are, each matrix as toJson writes it', () => {
    const matrix = evaluator.matrix({ port: 5432 });
    expect(ReachabilityReport.toJson({ intents: RESULTS, findings: model.findings, matrices: [matrix] })).toEqual({
      summary: { intents: { total: 5, ok: 2, broken: 1, acknowledged: 1, errors: 1 }, findings: { errors: 0, warnings: 0 } },
      intents: RESULTS,
      findings: [],
      matrices: [matrix.toJson()],
      omittedPorts: [],
    });
  });
});
