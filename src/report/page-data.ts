import { ExplanationTable, PEER_MARK, SideTemplate, SUBJECT_MARK } from './explanation-table';
import { countFindings } from './finding-counts';
import { countIntents, IntentCounts } from './intent-counts';
import { MatrixSummary, summarizeMatrix } from './matrix-summary';
import { verdictHeading } from './verdict-lines';
import { Evaluator } from '../analysis/evaluator';
import { explainConnection } from '../analysis/explanation';
import { ModelFinding } from '../analysis/model-finding';
import { checkPortQuery } from '../analysis/port-target';
import { DecisionLayer, SideVerdict, Verdict } from '../analysis/verdict';
import { ReachabilityReportContents } from '../intents/report-contents';
import { InputError } from '../k8s/input-error';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';

/** Up to this many workloads the page draws every cell of every matrix, each with its explanation. */
export const CELL_WORKLOADS = 500;

/** One port of the page. */
export interface PagePort {
  /** As `TCP/5432` or `TCP/http`. */
  readonly label: string;
  readonly protocol: string;
  readonly port: number | null;
  readonly portName: string | null;
  /** For a port name: per pod class, the number it resolves to (null where the class lacks it). */
  readonly portOf: Array<number | null> | null;
  /** Cells mode: per source class, its row of egress sides (`PageData.rows`). */
  readonly egress: number[] | null;
  /** Cells mode: per destination class, its row of ingress sides. */
  readonly ingress: number[] | null;
  /** Cells mode, with `allowSelfTraffic`: per class, the row of the two sides of a workload reaching itself (or -1 without the port). */
  readonly self: number[] | null;
  /** Summary mode: the counts per namespace. */
  readonly summary: MatrixSummary | null;
}

/** An intent as the page lists it. */
export interface PageIntent {
  readonly id: string;
  readonly status: string;
  readonly description: string;
  readonly message: string;
  readonly acknowledgement: string | null;
  readonly constructPath: string;
}

/** The page's summary figures. */
export interface PageSummary {
  readonly workloads: number;
  readonly namespaces: number;
  readonly policies: number;
  readonly evaluatedPolicies: number;
  readonly isolatedIngress: number;
  readonly isolatedEgress: number;
  /** Isolated in at least one direction. */
  readonly isolated: number;
  readonly intents: IntentCounts;
  readonly findings: { readonly errors: number; readonly warnings: number };
}

/**
 * Everything the page shows, embedded in it as JSON: the page computes nothing that needs the
 * policies, only looks things up and puts names into the evaluator's words.
 */
export interface PageData {
  readonly title: string;
  readonly writtenBy: string;
  readonly summary: PageSummary;
  /** The namespaces that have workloads, sorted. */
  readonly namespaces: string[];
  /** Every workload in the page's order (namespace, then name): name, namespace index, pod class. */
  readonly workloads: Array<[string, number, number]>;
  readonly ports: PagePort[];
  readonly omittedPorts: string[];
  /** `cells`: every pair with its explanation; `summary`: counts per namespace (more than `cellLimit` workloads). */
  readonly mode: 'cells' | 'summary';
  readonly cellLimit: number;
  /** Cells mode: the distinct sides, with `marks` for the endpoints' names. */
  readonly sides: SideTemplate[];
  /** Cells mode: the distinct rows of sides, run-length encoded pairs (side or -1 without the port, count). */
  readonly rows: number[][];
  /** The marks that stand for what the page fills in, in `sides` and `sentences`. */
  readonly marks: PageMarks;
  /** A connection's sentence and heading, in the evaluator's words, with marks. */
  readonly sentences: SentenceTemplates;
  readonly intents: PageIntent[];
  readonly findings: ModelFinding[];
}

/** What the page puts in place of each mark. */
export interface PageMarks {
  /** The side's own endpoint: the source for egress, the destination for ingress (in headings: the source). */
  readonly subject: string;
  /** The other end (in headings: the destination). */
  readonly peer: string;
  /** The egress side's reason. */
  readonly egress: string;
  /** The ingress side's reason. */
  readonly ingress: string;
  /** The policies not evaluated, joined as the evaluator joins them. */
  readonly excluded: string;
  readonly protocol: string;
  /** The port number the connection uses. */
  readonly port: string;
  /** The port name queried. */
  readonly portName: string;
}

/** The forms of `Verdict.explanation` and of the heading of `VerdictReport.toText`, with marks. */
export interface SentenceTemplates {
  readonly allowed: string;
  /** A workload reaching itself. */
  readonly self: string;
  readonly deniedEgress: string;
  readonly deniedIngress: string;
  readonly deniedBoth: string;
  /** Appended when one policy was not evaluated. */
  readonly noteOne: string;
  /** Appended when several were. */
  readonly noteMany: string;
  readonly headingAllowed: string;
  readonly headingDenied: string;
  readonly namedHeadingAllowed: string;
  readonly namedHeadingDenied: string;
}

const MARKS: PageMarks = {
  subject: SUBJECT_MARK,
  peer: PEER_MARK,
  egress: '\uE002',
  ingress: '\uE003',
  excluded: '\uE004',
  protocol: '\uE005',
  port: '\uE006',
  portName: '\uE007',
};

/**
 * The sentences, written by the evaluator's own code with marks for its parts: the page only
 * chooses the form (as `explainConnection` chooses it) and fills the marks in.
 */
function sentenceTemplates(): SentenceTemplates {
  const side = (direction: TrafficDirection, allowed: boolean, excludedPolicies: string[] = []): SideVerdict => ({
    direction,
    endpoint: '',
    allowed,
    decidedBy: DecisionLayer.DEFAULT,
    isolated: false,
    selectingPolicies: [],
    admittedBy: [],
    excludedPolicies,
    reason: direction === TrafficDirection.EGRESS ? MARKS.egress : MARKS.ingress,
  });
  const sentence = (egress: boolean, ingress: boolean, excluded: string[] = [], self = false) =>
    explainConnection(side(TrafficDirection.EGRESS, egress, excluded), side(TrafficDirection.INGRESS, ingress), self ? 'self' : undefined);
  const allowed = sentence(true, true);
  const second = '\uE008';
  const heading = (isAllowed: boolean, portName?: string) => verdictHeading({
    allowed: isAllowed,
    source: MARKS.subject,
    destination: MARKS.peer,
    protocol: MARKS.protocol as Protocol,
    port: MARKS.port as unknown as number,
    portName,
  } as Verdict);
  return {
    allowed,
    self: sentence(true, true, [], true),
    deniedEgress: sentence(false, true),
    deniedIngress: sentence(true, false),
    deniedBoth: sentence(false, false),
    noteOne: sentence(true, true, [MARKS.excluded]).slice(allowed.length),
    noteMany: sentence(true, true, [MARKS.excluded, second]).slice(allowed.length).replace(`${MARKS.excluded}, ${second}`, MARKS.excluded),
    headingAllowed: heading(true),
    headingDenied: heading(false),
    namedHeadingAllowed: heading(true, MARKS.portName),
    namedHeadingDenied: heading(false, MARKS.portName),
  };
}

/** The page's data from the report's contents, which must carry the evaluator. */
export function pageData(contents: ReachabilityReportContents, writtenBy: string): PageData {
  const evaluator = contents.evaluator;
  if (evaluator === undefined) {
    throw new InputError('ReachabilityReport.toHtml', ['contents.evaluator: is required: the page explains every connection with it']);
  }
  const model = evaluator.model;
  const order = model.workloads.map((_, i) => i)
    .sort((a, b) => compare(model.workloads[a].namespaceName, model.workloads[b].namespaceName)
      || compare(model.workloads[a].endpoint, model.workloads[b].endpoint));
  const namespaces = [...new Set(order.map((i) => model.workloads[i].namespaceName))];
  const namespaceIndex = new Map(namespaces.map((ns, i) => [ns, i]));
  const cells = model.workloads.length <= CELL_WORKLOADS;
  const table = cells ? new ExplanationTable(evaluator) : undefined;
  const ports = contents.matrices.map((matrix): PagePort => {
    const query = checkPortQuery({ port: matrix.port, portName: matrix.portName, protocol: matrix.protocol });
    const sides = table?.port(matrix);
    return {
      label: `${query.protocol}/${query.label}`,
      protocol: query.protocol,
      port: query.port ?? null,
      portName: query.portName ?? null,
      portOf: table && query.portName !== undefined ? table.portNumbers(query) : null,
      egress: sides?.egress ?? null,
      ingress: sides?.ingress ?? null,
      self: sides?.self ?? null,
      summary: cells ? null : summarizeMatrix(matrix, model),
    };
  });
  return {
    title: 'Reachability report',
    writtenBy,
    summary: summary(contents, evaluator, namespaces.length),
    namespaces,
    workloads: order.map((i) => [
      model.workloads[i].endpoint, namespaceIndex.get(model.workloads[i].namespaceName)!, model._index.classOfWorkload[i],
    ]),
    ports,
    omittedPorts: contents.omittedPorts ?? [],
    mode: cells ? 'cells' : 'summary',
    cellLimit: CELL_WORKLOADS,
    sides: table?.sides ?? [],
    rows: table?.rows ?? [],
    marks: MARKS,
    sentences: sentenceTemplates(),
    intents: contents.intents.map((r) => ({
      id: r.id,
      status: r.status,
      description: r.description,
      message: r.message,
      acknowledgement: r.acknowledgement ?? null,
      constructPath: r.constructPath,
    })),
    findings: contents.findings,
  };
}

function summary(contents: ReachabilityReportContents, evaluator: Evaluator, namespaces: number): PageSummary {
  const model = evaluator.model;
  let ingress = 0;
  let egress = 0;
  let either = 0;
  for (const workload of model.workloads) {
    const inward = evaluator.isolation(workload.endpoint, TrafficDirection.INGRESS).isolated;
    const outward = evaluator.isolation(workload.endpoint, TrafficDirection.EGRESS).isolated;
    ingress += Number(inward);
    egress += Number(outward);
    either += Number(inward || outward);
  }
  return {
    workloads: model.workloads.length,
    namespaces,
    policies: model.policies.length,
    evaluatedPolicies: model.policies.filter((p) => p.evaluated).length,
    isolatedIngress: ingress,
    isolatedEgress: egress,
    isolated: either,
    intents: countIntents(contents.intents),
    findings: countFindings(contents.findings),
  };
}

/** Code-point order, the same in every locale (the page's order must not depend on where it is written). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
