import { twoTierModel } from './cluster';
import { ClusterModel } from '../../src/analysis/cluster-model';
import { Evaluator } from '../../src/analysis/evaluator';
import { MatrixReport } from '../../src/report/matrix-report';

describe('MatrixReport', () => {
  const matrix = new Evaluator(twoTierModel()).matrix({ port: 80 });
  const empty = new Evaluator(ClusterModel.fromManifests([])).matrix({ port: 80 });

  test('toText numbers the endpoints, marks each pair and counts the allowed ones', () => {
    expect(MatrixReport.toText(matrix)).toBe([
      'Reachability on TCP/80: rows are sources, columns are destinations',
      '          │ 1 2',
      '──────────┼────',
      '1 app/db  │ ✓ ✓',
      '2 app/web │ · ✓',
      '',
      '✓ allowed   · denied   (3 of 4 pairs allowed)',
      '',
    ].join('\n'));
  });

  test('toMarkdown uses the endpoint names as headers', () => {
    const lines = MatrixReport.toMarkdown(matrix).split('\n');
    expect(lines[0]).toBe('**Reachability on TCP/80** (rows: sources, columns: destinations; ✓ allowed, · denied)');
    expect(lines).toContain('| source \\ destination | app/db | app/web |');
    expect(lines).toContain('| app/web | · | ✓ |');
  });

  test('an empty model says so instead of printing an empty table', () => {
    expect(MatrixReport.toText(empty)).toContain('(no pods or workloads in the input)');
    expect(MatrixReport.toMarkdown(empty)).toContain('_No pods or workloads in the input._');
  });
});
