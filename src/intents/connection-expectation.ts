import { IConstruct } from 'constructs';
import { renderApp } from './app-manifests';
import { appModel } from './app-model';
import { Endpoint } from './endpoint';
import { connectionIntent, Intent, isolatedIntent } from './intent';
import { checkIntent } from './intent-check';
import { IntentKind } from './intent-kind';
import { ClusterModel } from '../analysis/cluster-model';
import { InputError } from '../k8s/input-error';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';
import { PortRange } from '../policy/port-range';

/**
 * The engine of the jest matchers (`cdk8s-netpol/jest`): an intent checked once, on the spot,
 * against everything the app of a chart renders. Not part of the jsii API: its arguments are
 * TypeScript unions.
 */

/** A workload construct, `namespace/name` (or `namespace/kind/name`), or an IP address. */
export type EndpointArgument = IConstruct | string;

/** A port number (TCP), a container port name (TCP), or a port as `PortRange` has it (`PortRange.udp(53)`). */
export type PortArgument = number | string | { readonly protocol: string; readonly port?: number; readonly name?: string };

/** Whether the expectation holds, and why (the verdict's explanation), as a jest matcher reports it. */
export interface ExpectationResult {
  readonly pass: boolean;
  /** What was checked, e.g. `shop/api -> shop/db TCP/5432`. */
  readonly subject: string;
  /** Why it holds, or why it does not. */
  readonly explanation: string;
}

/**
 * Whether `source` reaches `destination` on `port` (every container port of the destination
 * when absent) as `kind` says, in the app of `scope`.
 */
export function expectConnection(scope: IConstruct, kind: IntentKind.ALLOWED | IntentKind.DENIED, source: EndpointArgument,
  destination: EndpointArgument, port?: PortArgument): ExpectationResult {
  const to = endpointOf(destination, 'to');
  return check(scope, connectionIntent(kind, endpointOf(source, 'from'), to, portOf(port, to)));
}

/** Whether some policy isolates `workload` for `direction` (both directions when absent), in the app of `scope`. */
export function expectIsolation(scope: IConstruct, workload: EndpointArgument, direction?: string): ExpectationResult {
  const endpoint = endpointOf(workload, 'workload');
  if (direction !== undefined && direction !== TrafficDirection.INGRESS && direction !== TrafficDirection.EGRESS) {
    throw new InputError('toIsolate', [`direction ${JSON.stringify(direction)}: must be "Ingress" or "Egress", or absent for both`]);
  }
  if (endpoint._isAddress) {
    throw new InputError('toIsolate', [`workload: ${endpoint} is an address; only pods can be isolated`]);
  }
  const directions = direction === undefined ? [TrafficDirection.INGRESS, TrafficDirection.EGRESS] : [direction as TrafficDirection];
  return check(scope, isolatedIntent(endpoint, directions));
}

function check(scope: IConstruct, intent: Intent): ExpectationResult {
  if (typeof scope?.node?.findAll !== 'function') {
    throw new InputError('expect', ['received: expected a cdk8s App or Chart (expect(chart).toAllowConnection(...))']);
  }
  const app = appModel(ClusterModel.fromManifests(renderApp(scope.node.root).documents));
  const outcome = checkIntent(intent, app);
  return { pass: outcome.holds, subject: intent.subject, explanation: outcome.message };
}

function endpointOf(value: EndpointArgument, field: string): Endpoint {
  if (typeof value === 'string') {
    return value.includes('/') ? Endpoint.named(value) : Endpoint.ip(value);
  }
  if (typeof value?.node?.path !== 'string') {
    throw new InputError('expect', [`${field}: ${JSON.stringify(value) ?? 'undefined'} is neither a workload construct nor "namespace/name" nor an IP address`]);
  }
  return Endpoint.workload(value);
}

function portOf(port: PortArgument | undefined, destination: Endpoint): PortRange | undefined {
  if (port === undefined) {
    if (destination._isAddress) {
      throw new InputError('expect', [`port: is required for the address ${destination}, which has no container ports to default to`]);
    }
    return undefined;
  }
  if (typeof port === 'number') {
    return PortRange.tcp(port);
  }
  if (typeof port === 'string') {
    return PortRange.named(port);
  }
  // A PortRange, possibly from another copy of this library (the one the app imports).
  const protocol = port.protocol as Protocol;
  if (port.name === undefined && (port.port === undefined || (port as { endPort?: number }).endPort !== undefined)) {
    throw new InputError('expect', [`port: ${port} is not one port; check one port (PortRange.tcp(5432), 5432) or a named port ('http')`]);
  }
  return port.name !== undefined ? PortRange.named(port.name, protocol) : PortRange.of(protocol, port.port);
}
