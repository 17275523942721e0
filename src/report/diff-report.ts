import { DiffWriter } from './diff-writer';
import { ConnectivityDiff } from '../analysis/connectivity-diff';

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
  /** A summary line, then one line per change: `+` opened, `-` closed, with the ports and the policies responsible. */
  public static toText(diff: ConnectivityDiff): string {
    return render(diff, 'text');
  }

  /** A summary line, then the opened and the closed connections as tables. */
  public static toMarkdown(diff: ConnectivityDiff): string {
    return render(diff, 'markdown');
  }

  /** `{"added": [...], "removed": [...]}`, one change per line, each with `from`, `to`, `protocol`, `ports`, `policies` and `rules`. */
  public static toJson(diff: ConnectivityDiff): string {
    return render(diff, 'json');
  }

  private constructor() {}
}

function render(diff: ConnectivityDiff, format: 'text' | 'markdown' | 'json'): string {
  const chunks: string[] = [];
  const writer = new DiffWriter(format, (chunk) => chunks.push(chunk));
  diff.added.forEach((change) => writer.add(change, true));
  diff.removed.forEach((change) => writer.add(change, false));
  writer.end();
  return chunks.join('');
}
