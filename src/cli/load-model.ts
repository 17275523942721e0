import { findingLine, problemLine } from './finding-line';
import { ParsedArgs } from './parse-args';
import { LoadedObject, readManifests, ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { ClusterModel } from '../analysis/cluster-model';
import { PortQuery } from '../analysis/connection-query';
import { checkPortQuery, portQueryOf } from '../analysis/port-target';
import { InputError } from '../k8s/input-error';
import { portNameErrors } from '../k8s/label-syntax';
import { Protocol } from '../k8s/protocol';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';
import { FindingSeverity } from '../validation/finding';

/** A cluster model read from files, with what to tell the user about the input. */
export interface LoadedModel {
  readonly model: ClusterModel;
  /** The objects read, in order. */
  readonly objects: LoadedObject[];
  /** The input problems and the model's findings, as printable lines. */
  readonly findingLines: string[];
  /** Whether any of them is an error (the command then exits 1). */
  readonly hasErrors: boolean;
}

/**
 * Reads the files into a cluster model (`strict`: strict CIDR rules; `channel`: the
 * ClusterNetworkPolicy CRD's, which decides whether `nodes` peers are valid); unusable documents
 * and the model's findings become lines.
 */
export function loadModel(paths: string[], strict: boolean, input: ReadOptions = {},
  channel: ClusterNetworkPolicyChannel = ClusterNetworkPolicyChannel.STANDARD): LoadedModel {
  const { objects, problems } = readManifests(paths, input);
  const model = ClusterModel.fromManifests(objects.map((o) => ({ manifest: o.manifest, origin: o.origin })),
    { strictCidr: strict, clusterNetworkPolicyChannel: channel });
  const findingLines = [...problems.map(problemLine), ...model.findings.map((f) => findingLine(f.origin, f.subject, f))];
  const hasErrors = problems.some((p) => !p.warning) || model.findings.some((f) => f.severity === FindingSeverity.ERROR);
  return { model, objects, findingLines, hasErrors };
}

/**
 * `--port 80` or `--port http`, with `--protocol` (TCP when absent), checked by the evaluator's
 * own rules before any file is read: a number from 1 to 65535, or a name a container port can
 * have (so `-1`, `80.5` and `1e3` are refused, not taken for names).
 */
export function portFlagsQuery(port: string, protocol: string | undefined): PortQuery {
  const isNumber = /^[0-9]+$/.test(port);
  // `1e3` and `0x50` are valid port names, but someone writing them meant a number.
  const reasons = isNumber ? [] : Number.isFinite(Number(port)) ? ['write a port number in decimal digits'] : portNameErrors(port);
  if (reasons.length > 0) {
    throw new UsageError(`--port: ${JSON.stringify(port)} is neither a port number (1 to 65535) nor a container port name (${reasons.join('; ')})`);
  }
  return checkedQuery(portQueryOf(isNumber ? Number(port) : port, protocol as Protocol | undefined));
}

/**
 * The one port `--port` and `--protocol` ask about; undefined without `--port`, when the command
 * takes every port of every protocol (`everyPort` says what it does then), so `--protocol` alone
 * is refused.
 */
export function optionalPortQuery(parsed: ParsedArgs, everyPort: string): PortQuery | undefined {
  const port = parsed.options.get('port');
  if (port === undefined && parsed.options.has('protocol')) {
    throw new UsageError(`--protocol goes with --port; without --port every port of every protocol is ${everyPort}`);
  }
  return port === undefined ? undefined : portFlagsQuery(port, parsed.options.get('protocol'));
}

/** Checks a query by the evaluator's own rules, naming the flag at fault. */
export function checkedQuery(query: PortQuery): PortQuery {
  try {
    checkPortQuery(query);
  } catch (e) {
    // The evaluator names the query field (`port`, `protocol`); on the command line that is the flag.
    if (e instanceof InputError) {
      throw new UsageError(`--${e.subject}: ${e.reason}`);
    }
    throw e;
  }
  return query;
}

/** Runs `fn`, turning the evaluator's input errors (unknown endpoint, unknown port name) into usage errors. */
export function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) {
      throw new UsageError(e.message);
    }
    throw e;
  }
}
