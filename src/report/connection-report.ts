import { ConnectionWriter } from './connection-writer';
import { ConnectionEntry } from '../analysis/connection';
import { PortRanges } from '../analysis/port-ranges';
import { Protocol } from '../k8s/protocol';

/**
 * Renders every allowed connection (as `Evaluator.connections` lists them) for people: text
 * grouped by source (`-> shop/api  TCP 8080; UDP 53`), a Markdown table, or the JSON
 * `{"connections": [...]}` that `cdk8s-netpol connections` prints, one entry per line: sorted and
 * stable, so a snapshot of it shows a change to the policies as the connections it changes.
 *
 * @example
 * expect(ConnectionReport.toJson(evaluator.connections())).toMatchSnapshot();
 */
export class ConnectionReport {
  /** Text grouped by source, one line per destination with its ports per protocol. */
  public static toText(entries: ConnectionEntry[]): string {
    return render('text', entries);
  }

  /** A Markdown table: from, to, ports. */
  public static toMarkdown(entries: ConnectionEntry[]): string {
    return render('markdown', entries);
  }

  /** `{"connections": [...]}`, one entry per line, its ends named `from` and `to` as in the CLI's JSON. */
  public static toJson(entries: ConnectionEntry[]): string {
    return render('json', entries);
  }

  private constructor() {}
}

/** Renders entries, grouped back into workload pairs (entries of a pair come together, as listed). */
function render(format: 'text' | 'markdown' | 'json', entries: ConnectionEntry[]): string {
  const chunks: string[] = [];
  const writer = new ConnectionWriter(format, (chunk) => chunks.push(chunk));
  let i = 0;
  while (i < entries.length) {
    const { source, destination } = entries[i];
    const pairs = new Map<Protocol, [number, number][]>();
    for (; i < entries.length && entries[i].source === source && entries[i].destination === destination; i++) {
      pairs.set(entries[i].protocol, [...pairs.get(entries[i].protocol) ?? [], ...entries[i].ports.map(([lo, hi]) => [lo, hi] as [number, number])]);
    }
    writer.add(source, destination, PortRanges.fromPairs(pairs));
  }
  writer.end();
  return chunks.join('');
}
