import { Endpoint } from './endpoint';
import { IntentKind } from './intent-kind';
import { TrafficDirection } from '../k8s/traffic-direction';
import { PortRange } from '../policy/port-range';

/** The stable id prefix of each kind of intent. */
const INTENT_PREFIX: Record<IntentKind, string> = {
  [IntentKind.ALLOWED]: 'NP-REACH',
  [IntentKind.DENIED]: 'NP-REACH',
  [IntentKind.ONLY_SOURCES]: 'NP-REACH-ONLY',
  [IntentKind.ISOLATED]: 'NP-REACH-ISOLATED',
};

/** One declared intent. */
export interface Intent {
  readonly kind: IntentKind;
  /** `<prefix>[<subject>]`. */
  readonly id: string;
  /** What the id names, e.g. `shop/api -> data/db TCP/5432`. */
  readonly subject: string;
  readonly description: string;
  /** ALLOWED and DENIED: the one source; ONLY_SOURCES: the sources allowed; ISOLATED: none. */
  readonly sources: Endpoint[];
  /** The destination, or for ISOLATED the workload. */
  readonly destination: Endpoint;
  /** Absent: every container port of each destination workload. */
  readonly port?: PortRange;
  /** ISOLATED only. */
  readonly directions: TrafficDirection[];
  /** ONLY_SOURCES only: the open world counts too (`OnlySourcesOptions.openWorld`). */
  readonly openWorld?: boolean;
}

/** An `expectAllowed` or `expectDenied` intent. */
export function connectionIntent(kind: IntentKind, source: Endpoint, destination: Endpoint, port: PortRange | undefined): Intent {
  const subject = `${source} -> ${destination}${portSuffix(port)}`;
  const verb = kind === IntentKind.ALLOWED ? 'can' : 'cannot';
  return {
    kind,
    id: `${INTENT_PREFIX[kind]}[${subject}]`,
    subject,
    description: `${source} ${verb} reach ${destination} ${portWords(destination, port)}`,
    sources: [source],
    destination,
    port,
    directions: [],
  };
}

/** An `expectOnlySources` intent. */
export function onlySourcesIntent(destination: Endpoint, sources: Endpoint[], port: PortRange | undefined, openWorld: boolean = false): Intent {
  const names = sources.map((s) => s.toString()).join(', ');
  const subject = `${names} -> ${destination}${portSuffix(port)}${openWorld ? ' open-world' : ''}`;
  return {
    kind: IntentKind.ONLY_SOURCES,
    id: `${INTENT_PREFIX[IntentKind.ONLY_SOURCES]}[${subject}]`,
    subject,
    description: `only ${names} can reach ${destination} ${portWords(destination, port)}${openWorld ? ', in any cluster with these policies' : ''}`,
    sources,
    destination,
    port,
    directions: [],
    openWorld,
  };
}

/** An `expectIsolated` intent. */
export function isolatedIntent(workload: Endpoint, directions: TrafficDirection[]): Intent {
  const subject = directions.length === 1 ? `${workload} ${directions[0]}` : `${workload}`;
  return {
    kind: IntentKind.ISOLATED,
    id: `${INTENT_PREFIX[IntentKind.ISOLATED]}[${subject}]`,
    subject,
    description: `${workload}: isolated for ${directionWords(directions)}`,
    sources: [],
    destination: workload,
    directions,
  };
}

/** `Ingress`, `Egress`, or `Ingress and Egress`. */
export function directionWords(directions: TrafficDirection[]): string {
  return directions.join(' and ');
}

function portSuffix(port: PortRange | undefined): string {
  return port === undefined ? '' : ` ${port}`;
}

function portWords(destination: Endpoint, port: PortRange | undefined): string {
  return port === undefined ? `on every container port of ${destination}` : `on ${port}`;
}
