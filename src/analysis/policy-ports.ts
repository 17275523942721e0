import { PortQuery } from './connection-query';
import { ManifestDocument } from './manifest-document';
import { portQueryOf } from './port-target';
import { asArray, asObject, JsonObject } from '../k8s/json-values';
import { CLUSTER_NETWORK_POLICY_API_VERSION, CLUSTER_NETWORK_POLICY_KIND, NETWORK_POLICY_KIND } from '../k8s/kinds';
import { portNumberErrors } from '../k8s/label-syntax';
import { Protocol } from '../k8s/protocol';

/** The ports a report shows matrices for, and those left out to keep it readable. */
export interface ReportPorts {
  readonly queries: PortQuery[];
  /** Left out beyond the cap, as `TCP/8443`. */
  readonly omitted: string[];
}

/** Beyond this many ports, a report stops adding matrices. */
const MAX_REPORT_PORTS = 12;

const PROTOCOL_ORDER = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];

/**
 * Every port the rendered NetworkPolicies' and ClusterNetworkPolicies' rules name: numbers (the
 * first port of a range) and container port names, per protocol. Rules without ports name none, and malformed entries are
 * skipped (the model findings report them). Ordered by protocol, numbers before names.
 */
export function policyPorts(documents: readonly ManifestDocument[], max: number = MAX_REPORT_PORTS): ReportPorts {
  const found = new Map<string, PortQuery>();
  const visit = (value: unknown): void => {
    const manifest = asObject(value);
    if (manifest === undefined) {
      return;
    }
    (asArray(manifest.items) ?? []).forEach(visit);
    const clusterPolicy = manifest.kind === CLUSTER_NETWORK_POLICY_KIND && manifest.apiVersion === CLUSTER_NETWORK_POLICY_API_VERSION;
    if (manifest.kind !== NETWORK_POLICY_KIND && !clusterPolicy) {
      return;
    }
    const spec = asObject(manifest.spec);
    for (const rule of [...asArray(spec?.ingress) ?? [], ...asArray(spec?.egress) ?? []]) {
      const entries = clusterPolicy
        ? (asArray(asObject(rule)?.protocols) ?? []).map((e) => clusterEntry(asObject(e)))
        : asArray(asObject(rule)?.ports) ?? [];
      for (const entry of entries) {
        const query = entryQuery(asObject(entry));
        if (query) {
          found.set(labelOf(query), query);
        }
      }
    }
  };
  documents.forEach((d) => visit(d.manifest));
  const sorted = [...found.values()].sort(compare);
  return { queries: sorted.slice(0, max), omitted: sorted.slice(max).map(labelOf) };
}

/**
 * A ClusterNetworkPolicy `protocols` entry as a NetworkPolicy `ports` entry: its number, or the
 * first port of its range; a `destinationNamedPort` under TCP (the container port decides its
 * protocol, which the manifests of policies do not tell).
 */
function clusterEntry(entry: JsonObject | undefined): JsonObject | undefined {
  if (typeof entry?.destinationNamedPort === 'string') {
    return { port: entry.destinationNamedPort, protocol: Protocol.TCP };
  }
  for (const protocol of PROTOCOL_ORDER) {
    const port = asObject(asObject(entry?.[protocol.toLowerCase()])?.destinationPort);
    if (port !== undefined) {
      return { port: port.number ?? asObject(port.range)?.start, protocol };
    }
  }
  return undefined;
}

/** The query for one `ports` entry, or undefined when it is malformed or names every port. */
function entryQuery(entry: JsonObject | undefined): PortQuery | undefined {
  const protocol = (entry?.protocol ?? Protocol.TCP) as Protocol;
  const port = entry?.port;
  if (!PROTOCOL_ORDER.includes(protocol)) {
    return undefined;
  }
  const usable = typeof port === 'number' ? portNumberErrors(port).length === 0 : typeof port === 'string' && port !== '';
  return usable ? portQueryOf(port as number | string, protocol) : undefined;
}

function labelOf(query: PortQuery): string {
  return `${query.protocol}/${query.port ?? query.portName}`;
}

function compare(a: PortQuery, b: PortQuery): number {
  return PROTOCOL_ORDER.indexOf(a.protocol!) - PROTOCOL_ORDER.indexOf(b.protocol!)
    || (a.port === undefined ? 1 : 0) - (b.port === undefined ? 1 : 0)
    || (a.port ?? 0) - (b.port ?? 0)
    || (a.portName ?? '').localeCompare(b.portName ?? '');
}
