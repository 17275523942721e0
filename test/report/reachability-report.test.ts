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
    const bigModel = ClusterModel.fromManifests(deployments);
    const big = new Evaluator(bigModel).matrix({ port: 80 });
    expect(ReachabilityReport.toMarkdown({ intents: [], findings: [], matrices: [] })).toContain('\n_The policies name no ports._\n');
    expect(ReachabilityReport.toMarkdown({ intents: [], findings: [], matrices: [big] }))
      .toContain('\n**Reachability on TCP/80**: 41 workloads are too many for a table; see the JSON report.\n');
    // With the evaluator at hand, the counts: nothing isolates these workloads.
    expect(ReachabilityReport.toMarkdown({ intents: [], findings: [], matrices: [big], evaluator: new Evaluator(bigModel) }))
      .toContain('\n**Reachability on TCP/80**: 41 workloads are too many for a table: 1,681 of 1,681 pairs are allowed; '
        + 'see the HTML report for each pair, and the JSON report for the counts per namespace.\n');
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

  describe('a matrix of more workloads than FULL_MATRIX_WORKLOADS', () => {
    // 101 workloads in two namespaces; `b` denies all ingress but from `a`'s web.
    const deployment = (namespace: string, name: string) => ({
      manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: { template: { metadata: { labels: { app: name } } } } },
    });
    const documents = [
      ...Array.from({ length: 60 }, (_, i) => deployment('a', i === 0 ? 'web' : `w${i}`)),
      ...Array.from({ length: 41 }, (_, i) => deployment('b', `v${i}`)),
      {
        manifest: {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'deny', namespace: 'b' },
          spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } }] }] },
        },
      },
    ];
    const large = new Evaluator(ClusterModel.fromManifests(documents));
    const matrix = large.matrix({ port: 80 });

    test('is written as its counts per namespace, which add up to the full matrix', () => {
      expect(matrix.endpoints.length).toBeGreaterThan(ReachabilityReport.FULL_MATRIX_WORKLOADS);
      const json = ReachabilityReport.toJson({ intents: [], findings: [], matrices: [matrix], evaluator: large });
      // a -> a: 60 x 60; a -> b: web only, 41; b -> a: 41 x 60; b -> b: each v to itself only.
      expect(json.matrices).toEqual([{
        port: 80,
        protocol: 'TCP',
        summarized: true,
        workloads: 101,
        allowedPairs: 3600 + 41 + 2460 + 41,
        namespaces: [
          { namespace: 'a', workloads: 60, allowedOut: 41, allowedIn: 2460, allowedWithin: 3600 },
          { namespace: 'b', workloads: 41, allowedOut: 2460, allowedIn: 41, allowedWithin: 41 },
        ],
      }]);
      const full = Object.values(matrix.toJson().allowed as Record<string, Record<string, boolean>>).flatMap((row) => Object.values(row));
      expect(full.filter((allowed) => allowed).length).toBe(json.matrices[0].allowedPairs);
    });

    test('is written in full when the contents ask for it, or carry no evaluator to count with', () => {
      for (const contents of [{ fullMatrices: true, evaluator: large }, {}]) {
        expect(ReachabilityReport.toJson({ intents: [], findings: [], matrices: [matrix], ...contents }).matrices).toEqual([matrix.toJson()]);
      }
    });
  });

  test('toHtml needs the evaluator', () => {
    expect(() => ReachabilityReport.toHtml({ intents: [], findings: [], matrices: [] }))
      .toThrow('NP-INPUT[ReachabilityReport.toHtml]: contents.evaluator: is required: the page explains every connection with it');
  });
});
