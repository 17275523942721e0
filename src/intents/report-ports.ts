import { IntentResult } from './intent-result';
import { PortQuery } from '../analysis/connection-query';
import { ManifestDocument } from '../analysis/manifest-document';
import { policyPorts } from '../analysis/policy-ports';
import { portQueryOf } from '../analysis/port-target';

/** The ports a report has matrices for, and those left out. */
export interface ChosenPorts {
  readonly queries: PortQuery[];
  /** As `TCP/8443`. */
  readonly omitted: string[];
}

/** Beyond this many ports, the synth-time report stops adding matrices (unless every one is asked for). */
export const MAX_REPORT_PORTS = 12;

/**
 * The ports of the report: those the intents checked first (what the app's authors care about),
 * then those the policies name, in `policyPorts` order; at most `max`.
 */
export function reportPorts(documents: readonly ManifestDocument[], intents: readonly IntentResult[], max: number = MAX_REPORT_PORTS): ChosenPorts {
  const chosen = new Map<string, PortQuery>();
  for (const connection of intents.flatMap((r) => r.connections)) {
    const query = portQueryOf(/^[0-9]+$/.test(connection.port) ? Number(connection.port) : connection.port, connection.protocol);
    chosen.set(labelOf(query), query);
  }
  for (const query of policyPorts(documents, Number.MAX_SAFE_INTEGER).queries) {
    chosen.set(labelOf(query), query);
  }
  const queries = [...chosen.values()];
  return { queries: queries.slice(0, max), omitted: queries.slice(max).map(labelOf) };
}

function labelOf(query: PortQuery): string {
  return `${query.protocol}/${query.port ?? query.portName}`;
}
