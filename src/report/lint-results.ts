import { markdownCell } from './markdown-cell';
import { IntentStatus } from '../intents/intent-status';
import { LintResult } from '../intents/lint-result';

/** How many lint findings fail synthesis and how many are acknowledged. */
export function countLints(results: readonly LintResult[]): { total: number; broken: number; acknowledged: number } {
  const acknowledged = results.filter((r) => r.status === IntentStatus.ACKNOWLEDGED).length;
  return { total: results.length, broken: results.length - acknowledged, acknowledged };
}

/** e.g. `3 lint findings: 2 to fix, 1 acknowledged`. */
export function lintSummary(results: readonly LintResult[]): string {
  const c = countLints(results);
  return `${c.total} lint finding${c.total === 1 ? '' : 's'}: ${c.broken} to fix, ${c.acknowledged} acknowledged`;
}

/** The Markdown section body: a table of the findings, each with its id (what `acknowledge` takes) and any acknowledgement. */
export function lintsMarkdown(results: readonly LintResult[]): string {
  const lines = ['Mistakes in the NetworkPolicies that the API server accepts and no intent asks about. '
    + 'At synth, each fails synthesis until it is fixed or acknowledged by its id; `cdk8s-netpol lint` exits 1 on them.', ''];
  if (results.length === 0) {
    return lines.concat('_None._', '').join('\n');
  }
  lines.push('| status | finding | field | message |', '| --- | --- | --- | --- |');
  for (const r of results) {
    const message = r.acknowledgement === undefined ? r.finding.message : `${r.finding.message}<br>**acknowledged:** ${r.acknowledgement}`;
    lines.push(`| ${r.status === IntentStatus.ACKNOWLEDGED ? '~' : '✗'} ${r.status} | \`${markdownCell(r.id)}\`<br>${markdownCell(r.finding.origin)} `
      + `| ${r.finding.field ? `\`${markdownCell(r.finding.field)}\`` : ''} | ${markdownCell(message)} |`);
  }
  lines.push('');
  return lines.join('\n');
}
