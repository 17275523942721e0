import { countFindings } from './finding-counts';
import { markdownCode, markdownName } from './markdown-cell';
import { ModelFinding } from '../analysis/model-finding';
import { FindingSeverity } from '../validation/finding';

/**
 * Renders the cluster model's findings. cdk8s has no warnings channel, so a report is where
 * warnings surface; errors also fail synthesis.
 *
 * @example
 * console.log(FindingReport.toMarkdown(model.findings));
 */
export class FindingReport {
  /** A Markdown table, errors first: severity, object, field, message, origin. */
  public static toMarkdown(findings: ModelFinding[]): string {
    const { errors, warnings } = countFindings(findings);
    const lines = [`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`, ''];
    if (findings.length === 0) {
      return lines.concat('_None: every object was read as written._', '').join('\n');
    }
    lines.push('| severity | object | field | message | origin |', '| --- | --- | --- | --- | --- |');
    const ordered = [...findings].sort((a, b) => rank(a) - rank(b));
    for (const f of ordered) {
      // The message quotes values from the input, the field holds its keys, the origin is a file's path: none may open raw HTML.
      lines.push(`| ${f.severity} | ${markdownName(f.subject)} | ${f.field ? markdownCode(f.field) : ''} | ${markdownName(f.message)} | ${markdownName(f.origin)} |`);
    }
    lines.push('');
    return lines.join('\n');
  }

  private constructor() {}
}

function rank(finding: ModelFinding): number {
  return finding.severity === FindingSeverity.ERROR ? 0 : 1;
}
