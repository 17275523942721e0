import { Construct } from 'constructs';
import * as YAML from 'yaml';
import { Endpoint } from './endpoint';
import { Intent } from './intent';
import { ReachabilityIntents } from './reachability-intents';
import { NetpolError } from '../k8s/input-error';
import { asArray, asObject, JsonObject } from '../k8s/json-values';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';
import { LabelSelector } from '../policy/label-selector';
import { PortRange } from '../policy/port-range';

/**
 * An intents file: the reachability intents of an app that declares them outside its code, read
 * by the cdk8s-cli plugin (`NetworkPolicyValidation`, property `intentsFile`). YAML or JSON:
 *
 * ```yaml
 * intents:
 *   - expect: allowed            # allowed | denied | onlySources | isolated
 *     from: shop/web             # namespace/name, namespace/kind/name, an IP address,
 *     to: shop/api               # or { labels: {...}, namespace: shop } for every match
 *     port: 8080                 # a number or a container port name; every container port when absent
 *     protocol: TCP              # TCP (default), UDP or SCTP
 *   - expect: onlySources
 *     to: shop/db
 *     sources: [shop/api]
 *   - expect: isolated
 *     workload: shop/db
 *     direction: Ingress         # Ingress or Egress; both when absent
 * acknowledge:
 *   - id: NP-REACH[shop/web -> shop/db TCP/5432]
 *     reason: the migration job runs from web until SHOP-412
 * ```
 *
 * The intents mean what the `ReachabilityIntents` methods of the same name mean, and get the
 * same ids.
 */
export interface IntentsFile {
  readonly intents: Intent[];
  readonly acknowledgements: ReadonlyMap<string, string>;
  /** Where each intent is declared (`intents[3]`), by id. */
  readonly declaredAt: ReadonlyMap<string, string>;
  /** What keeps entries from being read; those entries are left out. */
  readonly problems: IntentsFileProblem[];
}

/** A problem of an intents file. */
export interface IntentsFileProblem {
  /** The field path, e.g. `intents[2].port`; empty for the file as a whole. */
  readonly field: string;
  readonly message: string;
}

const KINDS = ['allowed', 'denied', 'onlySources', 'isolated'];
const FIELDS: Record<string, string[]> = {
  allowed: ['expect', 'from', 'to', 'port', 'protocol'],
  denied: ['expect', 'from', 'to', 'port', 'protocol'],
  onlySources: ['expect', 'to', 'sources', 'port', 'protocol'],
  isolated: ['expect', 'workload', 'direction'],
};

/** Reads the text of an intents file; `problems` says what could not be used, with field paths. */
export function readIntentsFile(text: string): IntentsFile {
  const declaredAt = new Map<string, string>();
  const problems: IntentsFileProblem[] = [];
  let root: unknown;
  try {
    root = YAML.parse(text);
  } catch (e) {
    const position = (e as YAML.YAMLError).linePos?.[0];
    const at = position === undefined ? '' : ` (line ${position.line}, column ${position.col})`;
    return { intents: [], acknowledgements: new Map(), declaredAt, problems: [{ field: '', message: `malformed YAML or JSON${at}: ${(e as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` }] };
  }
  const file = asObject(root);
  if (file === undefined) {
    return { intents: [], acknowledgements: new Map(), declaredAt, problems: [{ field: '', message: 'expected a mapping with the key `intents` (and optionally `acknowledge`)' }] };
  }
  problems.push(...unknownKeys(file, '', ['intents', 'acknowledge']));
  // The construct applies the same checks as in code (ports, contradictions, reasons); it is never synthesized.
  const collector = new ReachabilityIntents(new Construct(undefined as any, ''), 'intents-file', { report: false });
  const entries = asArray(file.intents);
  if (entries === undefined) {
    problems.push({ field: 'intents', message: 'expected a list of intents' });
  }
  (entries ?? []).forEach((entry, i) => {
    const field = `intents[${i}]`;
    try {
      declaredAt.set(declare(collector, asObject(entry), field), field);
    } catch (e) {
      problems.push(...problemsOf(e, field));
    }
  });
  const acknowledgements = file.acknowledge === undefined ? [] : asArray(file.acknowledge);
  if (acknowledgements === undefined) {
    problems.push({ field: 'acknowledge', message: 'expected a list of { id, reason }' });
  }
  (acknowledgements ?? []).forEach((entry, i) => {
    const field = `acknowledge[${i}]`;
    const ack = asObject(entry);
    try {
      if (ack === undefined) {
        throw new FileProblem(field, 'expected a mapping { id, reason }');
      }
      throwUnknownKeys(ack, field, ['id', 'reason']);
      collector.acknowledge(ack.id as string, ack.reason as string);
    } catch (e) {
      problems.push(...problemsOf(e, field));
    }
  });
  return { intents: collector._intents(), acknowledgements: collector._acknowledgements(), declaredAt, problems };
}

/** Declares one entry on the collector and returns its id. */
function declare(collector: ReachabilityIntents, entry: JsonObject | undefined, field: string): string {
  if (entry === undefined) {
    throw new FileProblem(field, `expected a mapping with \`expect\` (${KINDS.join(', ')})`);
  }
  const kind = entry.expect;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    throw new FileProblem(`${field}.expect`, `${JSON.stringify(kind) ?? 'absent'}: must be one of ${KINDS.join(', ')}`);
  }
  throwUnknownKeys(entry, field, FIELDS[kind]);
  const port = () => portOf(entry, field);
  switch (kind) {
    case 'allowed':
      return collector.expectAllowed(endpoint(entry.from, `${field}.from`), endpoint(entry.to, `${field}.to`), port());
    case 'denied':
      return collector.expectDenied(endpoint(entry.from, `${field}.from`), endpoint(entry.to, `${field}.to`), port());
    case 'onlySources': {
      const sources = asArray(entry.sources);
      if (sources === undefined) {
        throw new FileProblem(`${field}.sources`, 'expected a list of endpoints');
      }
      return collector.expectOnlySources(endpoint(entry.to, `${field}.to`), sources.map((s, j) => endpoint(s, `${field}.sources[${j}]`)), port());
    }
    default:
      return collector.expectIsolated(endpoint(entry.workload, `${field}.workload`), direction(entry.direction, `${field}.direction`));
  }
}

/** `namespace/name`, `namespace/kind/name`, an IP address, or `{ labels, namespace }`. */
function endpoint(value: unknown, field: string): Endpoint {
  try {
    if (typeof value === 'string') {
      return /^[0-9a-fA-F.:]+$/.test(value) && !value.includes('/') ? Endpoint.ip(value) : Endpoint.named(value);
    }
    const selection = asObject(value);
    if (selection !== undefined) {
      throwUnknownKeys(selection, field, ['labels', 'namespace']);
      if (selection.namespace !== undefined && typeof selection.namespace !== 'string') {
        throw new FileProblem(`${field}.namespace`, 'expected a namespace name');
      }
      return Endpoint.podsMatching(LabelSelector.of({ labels: stringMap(selection.labels, `${field}.labels`) }), selection.namespace);
    }
  } catch (e) {
    if (e instanceof NetpolError && !(e instanceof FileProblem)) {
      throw new FileProblem(field, e.reason);
    }
    throw e;
  }
  throw new FileProblem(field, `${JSON.stringify(value) ?? 'absent'}: expected namespace/name, namespace/kind/name, an IP address, or { labels, namespace }`);
}

function portOf(entry: JsonObject, field: string): PortRange | undefined {
  const protocol = entry.protocol ?? Protocol.TCP;
  if (typeof protocol !== 'string' || !(Object.values(Protocol) as string[]).includes(protocol)) {
    throw new FileProblem(`${field}.protocol`, `${JSON.stringify(protocol)}: must be TCP, UDP or SCTP`);
  }
  const port = entry.port;
  try {
    if (port === undefined) {
      return undefined;
    }
    if (typeof port === 'number') {
      return PortRange.of(protocol as Protocol, port);
    }
    if (typeof port === 'string') {
      return PortRange.named(port, protocol as Protocol);
    }
  } catch (e) {
    if (e instanceof NetpolError) {
      throw new FileProblem(`${field}.port`, e.reason);
    }
    throw e;
  }
  throw new FileProblem(`${field}.port`, `${JSON.stringify(port)}: expected a port number or a container port name`);
}

function direction(value: unknown, field: string): TrafficDirection | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (value !== TrafficDirection.INGRESS && value !== TrafficDirection.EGRESS) {
    throw new FileProblem(field, `${JSON.stringify(value)}: must be Ingress or Egress (or absent for both)`);
  }
  return value;
}

function stringMap(value: unknown, field: string): Record<string, string> {
  const map = asObject(value);
  if (map === undefined || Object.values(map).some((v) => typeof v !== 'string')) {
    throw new FileProblem(field, 'expected a mapping of label keys to string values');
  }
  return map as Record<string, string>;
}

function unknownKeys(object: JsonObject, field: string, known: string[]): IntentsFileProblem[] {
  return Object.keys(object).filter((key) => !known.includes(key))
    .map((key) => ({ field: field === '' ? key : `${field}.${key}`, message: `unknown field; expected ${known.join(', ')}` }));
}

function throwUnknownKeys(object: JsonObject, field: string, known: string[]): void {
  const [first] = unknownKeys(object, field, known);
  if (first !== undefined) {
    throw new FileProblem(first.field, first.message);
  }
}

/** A problem of the file at a field path. */
class FileProblem extends NetpolError {
  constructor(public readonly field: string, public readonly detail: string) {
    super('NP-INPUT', 'intents file', [`${field}: ${detail}`]);
  }
}

/** The problems of an entry, each with its field path. */
function problemsOf(error: unknown, field: string): IntentsFileProblem[] {
  if (error instanceof FileProblem) {
    return [{ field: error.field, message: error.detail }];
  }
  if (error instanceof NetpolError) {
    // Thrown by ReachabilityIntents: its problems name the argument (`port: ...`, `reason: ...`).
    return error.problems.map((message) => ({ field, message }));
  }
  throw error;
}
