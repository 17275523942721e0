import { countFindings } from './finding-counts';
import { FindingReport } from './finding-report';
import { renderHtmlReport } from './html-report';
import { countIntents, intentSummary } from './intent-counts';
import { IntentReport } from './intent-report';
import { countLints, lintsMarkdown, lintSummary } from './lint-results';
import { MatrixReport } from './matrix-report';
import { summarizeMatrix } from './matrix-summary';
import { matrixTitle } from './matrix-title';
import { ModelFinding } from '../analysis/model-finding';
import { ReachabilityMatrix } from '../analysis/reachability-matrix';
import { ReachabilityReportContents } from '../intents/report-contents';

/** Beyond this many workloads a Markdown matrix is unreadable; the JSON and HTML reports still have it. */
const MAX_MARKDOWN_ENDPOINTS = 40;

/** Who writes the report when the contents do not say. */
const SYNTH_WRITER = 'cdk8s-netpol when the app synthesized';

/**
 * The report `ReachabilityIntents` writes on synth, as `reachability.md` for reviews,
 * `reachability.json` for tools and `reachability.html` to explore in a browser: the intents and
 * how they fared, the model findings (cdk8s has no warnings channel, so this is where warnings
 * surface) and reachability matrices. `cdk8s-netpol report` writes the same from manifests.
 *
 * @example
 * const markdown = ReachabilityReport.toMarkdown({ intents: intents.results(), findings: model.findings, matrices: [] });
 */
export class ReachabilityReport {
  /**
   * Up to this many workloads, the JSON report writes each matrix pair by pair; beyond, as its
   * counts per namespace, unless `fullMatrices` asks for every pair.
   */
  public static readonly FULL_MATRIX_WORKLOADS = 100;

  /** Up to this many workloads, the HTML report draws every cell of every matrix, each with its explanation; beyond, counts per namespace. */
  public static readonly HTML_CELL_WORKLOADS = 500;

  /** The Markdown report. */
  public static toMarkdown(contents: ReachabilityReportContents): string {
    const omitted = contents.omittedPorts ?? [];
    const sections = [
      '# Reachability report',
      '',
      `Written by ${contents.writtenBy ?? SYNTH_WRITER}.`,
      '',
      `- ${intentSummary(contents.intents)}`,
      ...(contents.lints === undefined ? [] : [`- ${lintSummary(contents.lints)}`]),
      `- ${findingSummary(contents.findings)}`,
      `- ${contents.matrices.length} reachability matri${contents.matrices.length === 1 ? 'x' : 'ces'}`,
      '',
      '## Intents',
      '',
      IntentReport.toMarkdown(contents.intents),
      ...(contents.lints === undefined ? [] : ['## Lints', '', lintsMarkdown(contents.lints)]),
      '## Model findings',
      '',
      'cdk8s has no warnings channel: warnings appear here only, errors also fail synthesis.',
      '',
      FindingReport.toMarkdown(contents.findings),
      '## Reachability matrices',
      '',
      'One per port the app\'s NetworkPolicies name (a port range by its first port, a named port by its name).',
      '',
    ];
    if (contents.matrices.length === 0) {
      sections.push('_The policies name no ports._', '');
    }
    for (const matrix of contents.matrices) {
      sections.push(matrix.endpoints.length <= MAX_MARKDOWN_ENDPOINTS ? MatrixReport.toMarkdown(matrix) : tooLarge(contents, matrix));
    }
    if (omitted.length > 0) {
      sections.push(`Left out, beyond ${contents.matrices.length} ports: ${omitted.join(', ')}. Ask the CLI for one: \`cdk8s-netpol matrix --port <port>\`.`, '');
    }
    return sections.join('\n');
  }

  /**
   * The JSON report: `{ summary, intents, lints, findings, matrices, omittedPorts }` (`lints`
   * and its count in `summary` only when the contents have them). Each matrix is
   * written as `ReachabilityMatrix.toJson()` writes it, or, when it has more than
   * `FULL_MATRIX_WORKLOADS` workloads (and the contents carry the evaluator and do not ask for
   * `fullMatrices`), as `{ port, protocol, summarized: true, workloads, allowedPairs, namespaces:
   * [{ namespace, workloads, allowedOut, allowedIn, allowedWithin }] }`.
   */
  public static toJson(contents: ReachabilityReportContents): any {
    return {
      summary: {
        intents: countIntents(contents.intents),
        ...(contents.lints === undefined ? {} : { lints: countLints(contents.lints) }),
        findings: countFindings(contents.findings),
      },
      intents: contents.intents,
      ...(contents.lints === undefined ? {} : { lints: contents.lints }),
      findings: contents.findings,
      matrices: contents.matrices.map((m) => {
        if (!summarized(contents, m)) {
          return m.toJson();
        }
        const summary = summarizeMatrix(m, contents.evaluator!.model);
        return {
          port: m.portName ?? m.port,
          protocol: m.protocol,
          summarized: true,
          workloads: summary.workloads,
          allowedPairs: summary.allowedPairs,
          namespaces: summary.namespaces,
        };
      }),
      omittedPorts: contents.omittedPorts ?? [],
    };
  }

  /**
   * The HTML report: one self-contained page (its script and data inline, nothing loaded from the
   * network) with the summary, a matrix per port whose cells explain themselves on a click (as
   * `cdk8s-netpol explain` does), a graph of namespaces and workloads, the intents and the
   * findings. Every cell has `data-from`, `data-to` and `data-allowed`; the explanation panel is
   * the element with `data-role="explanation"`. Beyond `HTML_CELL_WORKLOADS` workloads the page
   * shows counts per namespace, and says so. Needs `contents.evaluator`.
   */
  public static toHtml(contents: ReachabilityReportContents): string {
    return renderHtmlReport(contents, contents.writtenBy ?? SYNTH_WRITER);
  }

  private constructor() {}
}

function findingSummary(findings: ModelFinding[]): string {
  const { errors, warnings } = countFindings(findings);
  return `${errors} model finding error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Whether a matrix is written as its counts. */
function summarized(contents: ReachabilityReportContents, matrix: ReachabilityMatrix): boolean {
  return !contents.fullMatrices && contents.evaluator !== undefined && matrix.endpoints.length > ReachabilityReport.FULL_MATRIX_WORKLOADS;
}

/** The Markdown of a matrix too large for a table: its counts, where the evaluator is at hand. */
function tooLarge(contents: ReachabilityReportContents, matrix: ReachabilityMatrix): string {
  const n = matrix.endpoints.length;
  if (contents.evaluator === undefined) {
    return `**${matrixTitle(matrix)}**: ${n} workloads are too many for a table; see the JSON report.\n`;
  }
  const allowed = summarizeMatrix(matrix, contents.evaluator.model).allowedPairs;
  return `**${matrixTitle(matrix)}**: ${n.toLocaleString('en-US')} workloads are too many for a table: `
    + `${allowed.toLocaleString('en-US')} of ${(n * n).toLocaleString('en-US')} pairs are allowed; see the HTML report for each pair, `
    + 'and the JSON report for the counts per namespace.\n';
}
