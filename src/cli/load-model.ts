import { findingLine } from './finding-line';
import { readManifests } from './read-manifests';
import { UsageError } from './usage-error';
import { ClusterModel } from '../analysis/cluster-model';
import { PortQuery } from '../analysis/connection-query';
import { checkPortQuery, portQueryOf } from '../analysis/port-target';
import { InputError } from '../k8s/input-error';
import { Protocol } from '../k8s/protocol';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';
import { FindingSeverity } from '../validation/finding';

/**
 * Reads the files into a cluster model (`strict`: strict CIDR rules; `channel`: the
 * ClusterNetworkPolicy CRD's, which decides whether `nodes` peers are valid); its findings are
 * returned as printable lines.
 */
export function loadModel(paths: string[], strict: boolean,
  channel: ClusterNetworkPolicyChannel): { model: ClusterModel; findingLines: string[]; hasErrors: boolean } {
  const documents = readManifests(paths).map((o) => ({ manifest: o.manifest, origin: `${o.file}:${o.documentIndex}` }));
  const model = ClusterModel.fromManifests(documents, { strictCidr: strict, clusterNetworkPolicyChannel: channel });
  const findingLines = model.findings.map((f) => findingLine(f.origin, f.subject, f));
  return { model, findingLines, hasErrors: model.findings.some((f) => f.severity === FindingSeverity.ERROR) };
}

/**
 * `--port 80` or `--port http`, with `--protocol` (TCP when absent), checked by the evaluator's
 * own rules before any file is read.
 */
export function portFlagsQuery(port: string | undefined, protocol: string | undefined): PortQuery {
  if (port === undefined) {
    throw new UsageError('--port is required (a number such as 80, or a container port name such as http)');
  }
  const query = portQueryOf(/^[0-9]+$/.test(port) ? Number(port) : port, protocol as Protocol | undefined);
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
