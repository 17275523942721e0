import { portsText } from './connection-writer';
import { markdownName } from './markdown-cell';
import { ConnectionChange } from '../analysis/connectivity-diff';

/** A Markdown table shows this many rows; the rest fold into a `<details>` block. */
const SHOWN_ROWS = 50;

/**
 * Writes a diff's changes as they come (sorted by source and destination, a pair's opened ports
 * before its closed ones), holding only rendered lines: a diff of a million changes never exists
 * as objects or as one string. JSON streams the opened connections and keeps the closed ones'
 * lines until the end; text and Markdown start with a summary, so they keep their lines until
 * the end.
 */
export class DiffWriter {
  private readonly lines: [string[], string[]] = [[], []];
  private readonly pairs = [0, 0];
  private readonly lastPair = ['', ''];
  private started = false;
  private wroteAdded = false;

  constructor(private readonly format: 'text' | 'markdown' | 'json', private readonly write: (chunk: string) => void) {}

  /** Adds one change: `added` for ports the change opens, else ports it closes. */
  public add(change: ConnectionChange, added: boolean): void {
    const side = added ? 0 : 1;
    const pair = `${change.source} ${change.destination}`;
    if (pair !== this.lastPair[side]) {
      this.lastPair[side] = pair;
      this.pairs[side]++;
    }
    if (this.format !== 'json') {
      this.lines[side].push(this.format === 'markdown' ? tableRow(change) : textLine(added ? '+' : '-', change));
    } else if (added) {
      this.start();
      this.write(`${this.wroteAdded ? ',\n' : '\n'}${jsonEntry(change)}`);
      this.wroteAdded = true;
    } else {
      this.lines[1].push(jsonEntry(change));
    }
  }

  /** How many workload pairs gain ports and how many lose some, of the changes added so far. */
  public get changedPairs(): { opened: number; closed: number } {
    return { opened: this.pairs[0], closed: this.pairs[1] };
  }

  /** Ends the diff; returns how many workload pairs gain ports and how many lose some. */
  public end(): { opened: number; closed: number } {
    const { opened, closed } = this.changedPairs;
    const [added, removed] = this.lines;
    if (this.format === 'json') {
      this.start();
      this.write(this.wroteAdded ? '\n],\n"removed": ' : '],\n"removed": ');
      this.write(removed.length === 0 ? '[]}\n' : `[\n${removed.join(',\n')}\n]}\n`);
    } else if (this.format === 'markdown') {
      const sections = [`**cdk8s-netpol diff**: ${summary(opened, closed)}`, ''];
      for (const [title, rows] of [['Opened', added], ['Closed', removed]] as const) {
        if (rows.length > 0) {
          sections.push(`### ${title} (${rows.length})`, '', table(rows.slice(0, SHOWN_ROWS)));
          if (rows.length > SHOWN_ROWS) {
            sections.push(`<details><summary>${rows.length - SHOWN_ROWS} more</summary>`, '', table(rows.slice(SHOWN_ROWS)), '</details>', '');
          }
        }
      }
      this.write(sections.join('\n'));
    } else {
      this.write(`${summary(opened, closed)}\n`);
      for (const lines of [added, removed]) {
        for (const line of lines) this.write(line);
      }
    }
    return { opened, closed };
  }

  private start(): void {
    if (!this.started) {
      this.started = true;
      this.write('{"added": [');
    }
  }
}

function summary(opened: number, closed: number): string {
  if (opened === 0 && closed === 0) {
    return 'no connection opened or closed.';
  }
  return `opens ${opened} connection${opened === 1 ? '' : 's'}, closes ${closed} (workload pairs gaining or losing ports).`;
}

function textLine(sign: string, change: ConnectionChange): string {
  const policies = change.policies.length > 0 ? `  (${change.policies.join(', ')})` : '  (no policy decides: allowed by default)';
  return `${sign} ${change.source} -> ${change.destination}  ${portsText(change)}${policies}\n`;
}

function tableRow(change: ConnectionChange): string {
  const policies = markdownName(change.policies.join(', ') || 'none (allowed by default)');
  return `| ${markdownName(change.source)} | ${markdownName(change.destination)} | ${portsText(change)} | ${policies} |`;
}

function table(rows: readonly string[]): string {
  return ['| from | to | ports | policies |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

/** The CLI contract names the ends `from` and `to`, as `connections --format json` does. */
function jsonEntry({ source, destination, ...rest }: ConnectionChange): string {
  return JSON.stringify({ from: source, to: destination, ...rest });
}
