import { AppModel, EndpointMember } from './app-model';
import { firstFew } from './first-few';
import { Intent, directionWords } from './intent';
import { IntentInputError } from './intent-input-error';
import { IntentKind } from './intent-kind';
import { IntentConnection } from './intent-result';
import { PortQuery } from '../analysis/connection-query';
import { exposureOf } from '../analysis/open-world-exposure';
import { Protocol } from '../k8s/protocol';

/** What checking an intent found. */
export interface IntentOutcome {
  readonly holds: boolean;
  /** Why it holds, or what breaks it. */
  readonly message: string;
  /** For a broken intent: what to do about it. */
  readonly fix?: string;
  readonly connections: IntentConnection[];
}

const ACKNOWLEDGE = 'or acknowledge this id with a reason';

/**
 * Checks one intent against the app. Throws `IntentInputError` (or the evaluator's `NP-INPUT`
 * error) when an endpoint or port cannot be resolved.
 */
export function checkIntent(intent: Intent, app: AppModel): IntentOutcome {
  switch (intent.kind) {
    case IntentKind.ALLOWED:
    case IntentKind.DENIED:
      return checkConnections(intent, app);
    case IntentKind.ONLY_SOURCES:
      return checkOnlySources(intent, app);
    case IntentKind.ISOLATED:
      return checkIsolated(intent, app);
  }
}

function checkConnections(intent: Intent, app: AppModel): IntentOutcome {
  const expectAllowed = intent.kind === IntentKind.ALLOWED;
  const sources = intent.sources[0]._resolve(app);
  const destinations = intent.destination._resolve(app);
  const connections: IntentConnection[] = [];
  for (const destination of destinations) {
    const ports = portsOf(intent, destination, app);
    for (const source of sources) {
      // A pod can always reach itself; that says nothing about the policies.
      if (source.workload === undefined || source.workload !== destination.workload) {
        connections.push(...ports.map((port) => connect(app, source, destination, port)));
      }
    }
  }
  if (connections.length === 0) {
    throw new IntentInputError(`${intent.sources[0]} and ${intent.destination} are the same workload: there is no connection to check`);
  }
  const wrong = connections.filter((c) => c.allowed !== expectAllowed);
  const expected = expectAllowed ? 'allowed' : 'denied';
  const actual = expectAllowed ? 'denied' : 'allowed';
  if (wrong.length === 0) {
    return { holds: true, message: connections.length === 1 ? connections[0].explanation : `each of the ${connections.length} connections is ${expected}`, connections };
  }
  const fix = expectAllowed
    ? `Allow it on both sides (AllowConnection writes both), ${ACKNOWLEDGE}.`
    : `Narrow or remove the rules named above, ${ACKNOWLEDGE}.`;
  const what = connections.length === 1
    ? `${actual}: ${reasonOf(wrong[0])}`
    : `${wrong.length} of ${connections.length} connections ${wrong.length === 1 ? 'is' : 'are'} ${actual}: ${listConnections(wrong)}`;
  return { holds: false, message: `expected ${expected}, but ${what}`, fix, connections };
}

function checkOnlySources(intent: Intent, app: AppModel): IntentOutcome {
  const destinations = intent.destination._resolve(app);
  const allowedSources = new Set(intent.sources.flatMap((s) => s._resolve(app)).map((m) => m.workload));
  const offenders: IntentConnection[] = [];
  const checked = new Set<number>();
  for (const destination of destinations) {
    const ports = portsOf(intent, destination, app);
    app.model.workloads.forEach((workload, i) => {
      if (i === destination.workload || allowedSources.has(i)) {
        return;
      }
      checked.add(i);
      for (const port of ports) {
        const connection = connect(app, { name: workload.endpoint, workload: i }, destination, port);
        if (connection.allowed) {
          offenders.push(connection);
        }
      }
    });
  }
  const names = intent.sources.map((s) => s.toString()).join(', ');
  if (offenders.length === 0) {
    const beyond = intent.openWorld ? openWorldSources(intent, app, destinations, allowedSources) : [];
    const tiersLeftOut = intent.openWorld && app.model.clusterPolicies.length > 0
      ? ' (ClusterNetworkPolicies are not applied to the open-world part)' : '';
    if (beyond.length > 0) {
      return {
        holds: false,
        message: `expected only ${names} to reach ${intent.destination} in any cluster with these policies, but ${beyond.length} other kind${beyond.length === 1 ? '' : 's'} `
          + `of source could, e.g. ${beyond[0]}${tiersLeftOut}`,
        fix: `Narrow the rules that admit them (select the sources by labels only they carry, and namespaces by name), ${ACKNOWLEDGE}.`,
        connections: [],
      };
    }
    return {
      holds: true,
      message: `no other workload of the app reaches ${intent.destination} (${checked.size} checked)${intent.openWorld ? `, nor could any other pod or address${tiersLeftOut}` : ''}`,
      connections: [],
    };
  }
  const others = new Set(offenders.map((c) => c.source)).size;
  return {
    holds: false,
    message: `expected only ${names} to reach ${intent.destination}, but ${others} other workload${others === 1 ? '' : 's'} can: ${listConnections(offenders)}`,
    fix: `Narrow the rules that admit ${others === 1 ? 'it' : 'them'}, add ${others === 1 ? 'it' : 'them'} to the sources, ${ACKNOWLEDGE}.`,
    connections: offenders,
  };
}

function checkIsolated(intent: Intent, app: AppModel): IntentOutcome {
  const members = intent.destination._resolve(app);
  const isolated: string[] = [];
  const open: string[] = [];
  for (const member of members) {
    for (const direction of intent.directions) {
      const verdict = app.evaluator.isolation(member.name, direction);
      (verdict.isolated ? isolated : open).push(verdict.reason);
    }
  }
  const directions = directionWords(intent.directions);
  if (open.length === 0) {
    return { holds: true, message: members.length === 1 ? isolated.join('; ') : `each of the ${members.length} workloads is isolated for ${directions}`, connections: [] };
  }
  return {
    holds: false,
    message: `expected isolated for ${directions}, but ${firstFew(open, '; ')}`,
    fix: `Add a policy selecting it for that direction (DefaultDenyAll, DefaultDenyIngress or DefaultDenyEgress in its namespace), ${ACKNOWLEDGE}.`,
    connections: [],
  };
}

/** One port to query, and how to show it. */
interface PortChoice {
  readonly query: PortQuery;
  readonly protocol: Protocol;
  readonly label: string;
}

/** The intent's port, or every container port of the destination workload. */
function portsOf(intent: Intent, destination: EndpointMember, app: AppModel): PortChoice[] {
  const port = intent.port;
  if (port !== undefined) {
    const query: PortQuery = port.name !== undefined
      ? { portName: port.name, protocol: port.protocol }
      : { port: port.port, protocol: port.protocol };
    return [{ query, protocol: port.protocol, label: port.name ?? String(port.port) }];
  }
  const declared = destination.workload === undefined ? [] : app.model.workloads[destination.workload].ports;
  if (declared.length === 0) {
    const what = destination.workload === undefined ? 'is an address, with no container ports' : 'declares no container ports';
    throw new IntentInputError(`${destination.name} ${what}; give the intent a port, e.g. PortRange.tcp(443)`);
  }
  const unique = new Map(declared.map((p) => [`${p.protocol}/${p.port}`, p]));
  return [...unique.values()].map((p) => ({ query: { port: p.port, protocol: p.protocol }, protocol: p.protocol, label: String(p.port) }));
}

function connect(app: AppModel, source: EndpointMember, destination: EndpointMember, port: PortChoice): IntentConnection {
  const verdict = app.evaluator.check({ source: source.name, destination: destination.name, ...port.query });
  return {
    source: verdict.source,
    destination: verdict.destination,
    protocol: port.protocol,
    port: port.label,
    allowed: verdict.allowed,
    explanation: verdict.explanation,
  };
}

/** The explanation without its leading verdict word. */
function reasonOf(connection: IntentConnection): string {
  return connection.explanation.replace(/^(allowed|denied): /, '');
}

function listConnections(connections: IntentConnection[]): string {
  return firstFew(connections.map((c) => `${c.source} -> ${c.destination} ${c.protocol}/${c.port}: ${reasonOf(c)}`), '; ');
}

/**
 * The kinds of sources beyond the listed ones that could reach the destinations in any cluster
 * with the app's policies (`exposureOf`), as descriptions; a pod carrying a listed source's (or
 * the destination's) labels in its namespace is that workload.
 */
function openWorldSources(intent: Intent, app: AppModel, destinations: readonly EndpointMember[],
  allowed: ReadonlySet<number | undefined>): string[] {
  const known = [...allowed].flatMap((w) => (w === undefined ? [] : [app.model.workloads[w]]));
  const descriptions = new Set<string>();
  for (const destination of destinations) {
    if (destination.workload === undefined) {
      continue;
    }
    const own = app.model.workloads[destination.workload];
    const pods = [...known, own].map((w) => ({ namespaceName: w.namespaceName, labels: w.labels }));
    for (const port of portsOf(intent, destination, app)) {
      const answer = exposureOf(app.evaluator, { destination: destination.name, ...port.query }, pods);
      answer.sources.forEach((s) => descriptions.add(s.description));
    }
  }
  return [...descriptions];
}
