import type { PageData, PageMarks } from './page-data';

/*
 * Runs in the report page: `html-report.ts` embeds these functions as their source text
 * (`Function.prototype.toString`), so each is self-contained: no imports at run time, no
 * module-level values, nothing but what a browser has. The tests call them in Node directly.
 */

/** One connection explained as the page shows it. */
export interface Explained {
  readonly allowed: boolean;
  /** As `cdk8s-netpol explain` prints it (`VerdictReport.toText`). */
  readonly text: string;
  /** Every layer asked, egress side then ingress side: direction, layer, outcome, reason, policies. */
  readonly decisions: Array<[string, string, string, string, string[]]>;
}

/** Looks up and words the connections of a page's data. */
export interface Explainer {
  /** Whether workload `source` reaches workload `destination` (indexes into `data.workloads`) on port `port` (into `data.ports`). */
  allowed(port: number, source: number, destination: number): boolean;
  explain(port: number, source: number, destination: number): Explained;
}

/**
 * Explains connections from the page's data (cells mode): the two sides' templates, looked up by
 * the workloads' pod classes, with the workloads' names put in, joined as the evaluator joins them.
 */
export function createExplainer(data: PageData): Explainer {
  const decoded: Array<Int32Array | undefined> = [];
  const rowOf = (id: number): Int32Array => {
    let row = decoded[id];
    if (row === undefined) {
      const encoded = data.rows[id];
      let length = 0;
      for (let i = 1; i < encoded.length; i += 2) {
        length += encoded[i];
      }
      row = new Int32Array(length);
      let at = 0;
      for (let i = 0; i < encoded.length; i += 2) {
        row.fill(encoded[i], at, at + encoded[i + 1]);
        at += encoded[i + 1];
      }
      decoded[id] = row;
    }
    return row;
  };
  const marks: PageMarks = data.marks;
  const fill = (template: string, values: Array<[string, string]>): string =>
    values.reduce((text, [mark, value]) => text.split(mark).join(value), template);
  /** The egress and ingress sides, or null when the destination lacks the port name. */
  const sidesOf = (p: number, s: number, d: number): [number, number] | null => {
    const port = data.ports[p];
    const sourceClass = data.workloads[s][2];
    const destinationClass = data.workloads[d][2];
    if (port.portOf !== null && port.portOf[destinationClass] === null) {
      return null;
    }
    if (s === d && port.self !== null) {
      const self = rowOf(port.self[destinationClass]);
      return [self[0], self[1]];
    }
    return [rowOf(port.egress![sourceClass])[destinationClass], rowOf(port.ingress![destinationClass])[sourceClass]];
  };
  const allowed = (p: number, s: number, d: number): boolean => {
    const sides = sidesOf(p, s, d);
    return sides !== null && data.sides[sides[0]].allowed && data.sides[sides[1]].allowed;
  };
  const explain = (p: number, s: number, d: number): Explained => {
    const port = data.ports[p];
    const source = data.workloads[s][0];
    const destination = data.workloads[d][0];
    const sides = sidesOf(p, s, d);
    if (sides === null) {
      return {
        allowed: false,
        text: `${source} -> ${destination} ${port.protocol}/${port.portName}: DENIED\n`
          + `  ${destination} has no ${port.protocol} container port named "${port.portName}" (port names resolve on the destination pod)\n`,
        decisions: [],
      };
    }
    const egress = data.sides[sides[0]];
    const ingress = data.sides[sides[1]];
    const isAllowed = egress.allowed && ingress.allowed;
    const egressNames: Array<[string, string]> = [[marks.subject, source], [marks.peer, destination]];
    const ingressNames: Array<[string, string]> = [[marks.subject, destination], [marks.peer, source]];
    const t = data.sentences;
    const self = s === d && port.self !== null;
    let form: string;
    if (self) {
      form = t.self;
    } else if (isAllowed) {
      form = t.allowed;
    } else {
      form = egress.allowed ? t.deniedIngress : ingress.allowed ? t.deniedEgress : t.deniedBoth;
    }
    const excluded = [...new Set([...egress.excluded, ...ingress.excluded])];
    if (excluded.length > 0) {
      form += (excluded.length === 1 ? t.noteOne : t.noteMany).split(marks.excluded).join(excluded.join(', '));
    }
    const sentence = fill(form, [[marks.egress, fill(egress.reason, egressNames)], [marks.ingress, fill(ingress.reason, ingressNames)]]);
    const portNumber = port.portOf === null ? port.port : port.portOf[data.workloads[d][2]];
    const heading = port.portName === null
      ? (isAllowed ? t.headingAllowed : t.headingDenied)
      : (isAllowed ? t.namedHeadingAllowed : t.namedHeadingDenied);
    const headingLine = fill(heading, [[marks.subject, source], [marks.peer, destination], [marks.protocol, port.protocol],
      [marks.portName, port.portName ?? ''], [marks.port, String(portNumber)]]);
    const lines = [headingLine, `  ${sentence}`,
      ...egress.lines.map((line) => fill(line, egressNames)), ...ingress.lines.map((line) => fill(line, ingressNames)), ''];
    const decisions: Array<[string, string, string, string, string[]]> = [
      ...egress.decisions.map((x): [string, string, string, string, string[]] => ['egress', x.layer, x.outcome, fill(x.reason, egressNames), x.policies]),
      ...ingress.decisions.map((x): [string, string, string, string, string[]] => ['ingress', x.layer, x.outcome, fill(x.reason, ingressNames), x.policies]),
    ];
    return { allowed: isAllowed, text: lines.join('\n'), decisions };
  };
  return { allowed, explain };
}
