import { PortQuery } from '../analysis/connection-query';
import { ManifestDocument } from '../analysis/manifest-document';
import { Protocol } from '../policy/protocol';

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
 * Every port the rendered NetworkPolicies' rules name: numbers (the first port of a range) and
 * container port names, per protocol. Rules without ports name none, and malformed entries are
 * skipped (the model findings report them). Ordered by protocol, numbers before names.
 */
export function policyPorts(documents: readonly ManifestDocument[], max: number = MAX_REPORT_PORTS): ReportPorts {
  const found = new Map<string, PortQuery>();
  const visit = (manifest: any): void => {
    if (Array.isArray(manifest?.items)) {
      manifest.items.forEach(visit);
    }
    if (manifest?.kind !== 'NetworkPolicy') {
      return;
    }
    for (const rule of [...arrayOf(manifest.spec?.ingress), ...arrayOf(manifest.spec?.egress)]) {
      for (const entry of arrayOf(rule?.ports)) {
        const query = portQueryOf(entry);
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

function portQueryOf(entry: any): PortQuery | undefined {
  const protocol = (entry?.protocol ?? Protocol.TCP) as Protocol;
  if (!PROTOCOL_ORDER.includes(protocol)) {
    return undefined;
  }
  const port = entry?.port;
  if (Number.isInteger(port) && port >= 1 && port <= 65535) {
    return { protocol, port };
  }
  return typeof port === 'string' && port !== '' ? { protocol, portName: port } : undefined;
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

function arrayOf(value: any): any[] {
  return Array.isArray(value) ? value : [];
}
