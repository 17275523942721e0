import { countFindings } from './finding-counts';
import { FindingReport } from './finding-report';
import { countIntents, intentSummary } from './intent-counts';
import { IntentReport } from './intent-report';
import { MatrixReport } from './matrix-report';
import { matrixTitle } from './matrix-title';
import { ModelFinding } from '../analysis/model-finding';
import { ReachabilityReportContents } from '../intents/report-contents';

/** Beyond this many workloads a Markdown matrix is unreadable; the JSON report still has it. */
const MAX_MARKDOWN_ENDPOINTS = 40;

/**
 * The report `ReachabilityIntents` writes on synth, as `reachability.md` for reviews and
 * `reachability.json` for tools: the intents and how they fared, the model findings (cdk8s has
 * no warnings channel, so this is where warnings surface) and reachability matrices.
 *
 * @example
 * const markdown = ReachabilityReport.toMarkdown({ intents: intents.results(), findings: model.findings, matrices: [] });
 */
export class ReachabilityReport {
  /** The Markdown report. */
  public static toMarkdown(contents: ReachabilityReportContents): string {
    const omitted = contents.omittedPorts ?? [];
    const sections = [
      '# Reachability report',
      '',
      'Written by cdk8s-netpol when the app synthesized.',
      '',
      `- ${intentSummary(contents.intents)}`,
      `- ${findingSummary(contents.findings)}`,
      `- ${contents.matrices.length} reachability matri${contents.matrices.length === 1 ? 'x' : 'ces'}`,
      '',
      '## Intents',
      '',
      IntentReport.toMarkdown(contents.intents),
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
      sections.push(matrix.endpoints.length <= MAX_MARKDOWN_ENDPOINTS
        ? MatrixReport.toMarkdown(matrix)
        : `**${matrixTitle(matrix)}**: ${matrix.endpoints.length} workloads are too many for a table; see reachability.json.\n`);
    }
    if (omitted.length > 0) {
      sections.push(`Left out, beyond ${contents.matrices.length} ports: ${omitted.join(', ')}. Ask the CLI for one: \`cdk8s-netpol matrix --port <port>\`.`, '');
    }
    return sections.join('\n');
  }

  /**
   * The JSON report: `{ summary, intents, findings, matrices, omittedPorts }`, each matrix as
   * `ReachabilityMatrix.toJson()` writes it.
   */
  public static toJson(contents: ReachabilityReportContents): any {
    return {
      summary: { intents: countIntents(contents.intents), findings: countFindings(contents.findings) },
      intents: contents.intents,
      findings: contents.findings,
      matrices: contents.matrices.map((m) => m.toJson()),
      omittedPorts: contents.omittedPorts ?? [],
    };
  }

  private constructor() {}
}

function findingSummary(findings: ModelFinding[]): string {
  const { errors, warnings } = countFindings(findings);
  return `${errors} model finding error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
