import { intentSummary } from './intent-counts';
import { markdownCode, markdownName } from './markdown-cell';
import { wrapText } from './text-wrap';
import { IntentResult } from '../intents/intent-result';
import { IntentStatus } from '../intents/intent-status';

/** Terminal lines stay within this width (except single words longer than it). */
const WIDTH = 100;

/** A mark before each status, so a glance down the left column finds what is wrong. */
const MARKS: Record<IntentStatus, string> = {
  [IntentStatus.OK]: '✓',
  [IntentStatus.BROKEN]: '✗',
  [IntentStatus.ACKNOWLEDGED]: '~',
  [IntentStatus.ERROR]: '!',
};

const STATUS_WIDTH = Math.max(...Object.values(IntentStatus).map((s) => s.length)) + 2;

/**
 * Renders the outcome of reachability intents for people: each intent with its status, its
 * id (what `acknowledge` takes), why it holds or what breaks it, and any acknowledgement.
 *
 * @example
 * console.log(IntentReport.toText(intents.results()));
 */
export class IntentReport {
  /**
   * Text for a terminal: a summary line, then one block per intent in declaration order,
   * wrapped to 100 columns. Ends with a newline.
   */
  public static toText(results: IntentResult[]): string {
    const indent = ' '.repeat(STATUS_WIDTH + 2);
    const wrapped = (text: string) => wrapText(text, WIDTH - indent.length, indent.length);
    const blocks = results.map((r) => {
      const lines = [`${MARKS[r.status]} ${r.status.padEnd(STATUS_WIDTH)}${wrapped(r.description)}`, `${indent}${r.id}`, `${indent}${wrapped(r.message)}`];
      if (r.acknowledgement !== undefined) {
        lines.push(`${indent}${wrapped(`${acknowledgementLabel(r)}: ${r.acknowledgement}`)}`);
      }
      return lines.join('\n');
    });
    return [`${capitalized(intentSummary(results))}`, '', ...blocks, ''].join('\n');
  }

  /** A Markdown table: status, intent and id, explanation (with the acknowledgement). */
  public static toMarkdown(results: IntentResult[]): string {
    const lines = [`${capitalized(intentSummary(results))}.`, ''];
    if (results.length === 0) {
      return lines.concat('_No intents declared._', '').join('\n');
    }
    lines.push('| status | intent | explanation |', '| --- | --- | --- |');
    for (const r of results) {
      // Names from the input reach the description, the id and the message: escaped, then joined with our own markup.
      const explanation = r.acknowledgement === undefined
        ? markdownName(r.message)
        : `${markdownName(r.message)}<br>**${acknowledgementLabel(r)}:** ${markdownName(r.acknowledgement)}`;
      lines.push(`| ${MARKS[r.status]} ${r.status} | ${markdownName(r.description)}<br>${markdownCode(r.id)} | ${explanation} |`);
    }
    lines.push('');
    return lines.join('\n');
  }

  private constructor() {}
}

/** An acknowledgement of an intent that holds is no longer needed; say so. */
function acknowledgementLabel(result: IntentResult): string {
  return result.status === IntentStatus.ACKNOWLEDGED ? 'acknowledged' : 'acknowledged, but it holds now: the acknowledgement can go';
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
