import { markdownName } from './markdown-cell';
import { byProtocol } from '../analysis/connection-engine';
import { PortRanges } from '../analysis/port-ranges';

/** `TCP 80, 8000-8080` for one entry's ports. */
export function portsText(entry: { readonly protocol: string; readonly ports: number[][] }): string {
  return `${entry.protocol} ${entry.ports.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(', ')}`;
}

/**
 * Writes connections as they come (sorted by source, then destination), one workload pair at a
 * time, so a listing of millions of connections never exists as one string. The text of a set of
 * ports is made once per distinct set: large clusters have few.
 */
export class ConnectionWriter {
  private count = 0;
  private previousSource?: string;
  private sourcePrefix = '';
  private readonly texts = new Map<PortRanges, string[]>();
  private readonly names = new Map<string, string>();

  private started = false;

  constructor(private readonly format: 'text' | 'markdown' | 'json', private readonly write: (chunk: string) => void) {}

  /** Adds every allowed port from `from` to `to` (one JSON entry per protocol). */
  public add(from: string, to: string, ports: PortRanges): void {
    this.start();
    const texts = this.textsOf(ports);
    if (this.format === 'json') {
      // Sources come grouped: the start of their entries is made once per source.
      if (from !== this.previousSource) {
        this.previousSource = from;
        this.sourcePrefix = `{"from":${JSON.stringify(from)},"to":`;
      }
      const prefix = `${this.sourcePrefix}${this.quoted(to)},`;
      for (const text of texts) {
        this.write(this.count === 0 ? `\n${prefix}${text}` : `,\n${prefix}${text}`);
        this.count++;
      }
      return;
    }
    if (this.format === 'markdown') {
      this.write(`| ${markdownName(from)} | ${markdownName(to)} | ${texts[0]} |\n`);
    } else {
      if (this.previousSource !== from) {
        this.write(`${from}\n`);
        this.previousSource = from;
      }
      this.write(`  -> ${to}  ${texts[0]}\n`);
    }
    this.count++;
  }

  /** Ends the listing; returns how many workload pairs (text, markdown) or entries (JSON) it holds. */
  public end(): number {
    this.start();
    if (this.format === 'json') {
      this.write(this.count === 0 ? ']}\n' : '\n]}\n');
    } else if (this.count === 0) {
      this.write(this.format === 'markdown' ? '| _none_ | | |\n' : 'No connections are allowed between these workloads.\n');
    }
    return this.count;
  }

  /** The listing's opening, written with the first row (so an error before any row leaves no output). */
  private start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    if (this.format === 'json') {
      this.write('{"connections": [');
    } else if (this.format === 'markdown') {
      this.write('| from | to | ports |\n| --- | --- | --- |\n');
    }
  }

  /** JSON: the tail of each protocol's entry; text and Markdown: the whole set in one line. */
  private textsOf(ports: PortRanges): string[] {
    let texts = this.texts.get(ports);
    if (texts === undefined) {
      const entries = byProtocol(ports);
      texts = this.format === 'json'
        ? entries.map(({ protocol, ranges }) => `"protocol":"${protocol}","ports":${JSON.stringify(ranges)}}`)
        : [ports.equals(PortRanges.ALL) ? 'every port' : ports.toString()];
      this.texts.set(ports, texts);
    }
    return texts;
  }

  private quoted(name: string): string {
    let text = this.names.get(name);
    if (text === undefined) {
      text = JSON.stringify(name);
      this.names.set(name, text);
    }
    return text;
  }
}
