import { portsText } from './connection-writer';
import { markdownName } from './markdown-cell';
import { ConnectionChange, ConnectivityDiff } from '../analysis/connectivity-diff';

/** A Markdown table shows this many rows; the rest fold into a `<details>` block. */
const SHOWN_ROWS = 50;

/**
 * Renders what a change opens and closes (a `ConnectivityDiff`): text for a terminal, Markdown
 * fit for a pull-request comment (a summary line, then a table of opened and of closed
 * connections, folded beyond 50 rows), or the JSON `{"added": [...], "removed": [...]}`.
 *
 * @example
 * const diff = ConnectivityDiff.between(before, after);
 * fs.writeFileSync('comment.md', DiffReport.toMarkdown(diff));
 */
export class DiffReport {
  /** One line per change: `+` opened, `-` closed, with the ports and the policies responsible. */
  public static toText(diff: ConnectivityDiff): string {
    const line = (sign: string, c: ConnectionChange) => `${sign} ${c.source} -> ${c.destination}  ${portsText(c)}${policiesText(c)}\n`;
    return `${summary(diff)}\n${diff.added.map((c) => line('+', c)).join('')}${diff.removed.map((c) => line('-', c)).join('')}`;
  }

  /** A summary line, then the opened and the closed connections as tables. */
  public static toMarkdown(diff: ConnectivityDiff): string {
    const sections = [`**cdk8s-netpol diff**: ${summary(diff)}`, ''];
    for (const [title, changes] of [['Opened', diff.added], ['Closed', diff.removed]] as const) {
      if (changes.length > 0) {
        sections.push(`### ${title} (${changes.length})`, '', table(changes.slice(0, SHOWN_ROWS)));
        if (changes.length > SHOWN_ROWS) {
          sections.push(`<details><summary>${changes.length - SHOWN_ROWS} more</summary>`, '', table(changes.slice(SHOWN_ROWS)), '</details>', '');
        }
      }
    }
    return sections.join('\n');
  }

  /** `{"added": [...], "removed": [...]}`, one change per line, each with `from`, `to`, `protocol`, `ports`, `policies` and `rules`. */
  public static toJson(diff: ConnectivityDiff): string {
    // The CLI contract names the ends `from` and `to`, as `connections --format json` does.
    const entry = ({ source, destination, ...rest }: ConnectionChange) => JSON.stringify({ from: source, to: destination, ...rest });
    const list = (changes: ConnectionChange[]) => (changes.length === 0 ? '[]' : `[\n${changes.map(entry).join(',\n')}\n]`);
    return `{"added": ${list(diff.added)},\n"removed": ${list(diff.removed)}}\n`;
  }

  private constructor() {}
}

function summary(diff: ConnectivityDiff): string {
  if (diff.added.length === 0 && diff.removed.length === 0) {
    return 'no connection opened or closed.';
  }
  const pairs = (changes: ConnectionChange[]) => new Set(changes.map((c) => `${c.source} ${c.destination}`)).size;
  const [opened, closed] = [pairs(diff.added), pairs(diff.removed)];
  return `opens ${opened} connection${opened === 1 ? '' : 's'}, closes ${closed} (workload pairs gaining or losing ports).`;
}

function policiesText(change: ConnectionChange): string {
  return change.policies.length > 0 ? `  (${change.policies.join(', ')})` : '  (no policy decides: allowed by default)';
}

function table(changes: readonly ConnectionChange[]): string {
  const rows = changes.map((c) => `| ${markdownName(c.source)} | ${markdownName(c.destination)} | ${portsText(c)} | ${markdownName(c.policies.join(', ') || 'none (allowed by default)')} |`);
  return ['| from | to | ports | policies |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
