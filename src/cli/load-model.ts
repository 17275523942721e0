import { findingLine } from './finding-line';
import { readManifests } from './read-manifests';
import { UsageError } from './usage-error';
import { ClusterModel } from '../analysis/cluster-model';
import { PortQuery } from '../analysis/connection-query';
import { checkPortQuery } from '../analysis/port-target';
import { Protocol } from '../policy/protocol';
import { FindingSeverity } from '../validation/finding';

/** Reads the files into a cluster model (`strict`: strict CIDR rules); its findings are returned as printable lines. */
export function loadModel(paths: string[], strict: boolean): { model: ClusterModel; findingLines: string[]; hasErrors: boolean } {
  const documents = readManifests(paths).map((o) => ({ manifest: o.manifest, origin: `${o.file}:${o.documentIndex}` }));
  const model = ClusterModel.fromManifests(documents, { strictCidr: strict });
  const findingLines = model.findings.map((f) => findingLine(f.origin, f.subject, f));
  return { model, findingLines, hasErrors: model.findings.some((f) => f.severity === FindingSeverity.ERROR) };
}

/**
 * `--port 80` or `--port http`, with `--protocol` (TCP when absent), checked by the evaluator's
 * own rules before any file is read.
 */
export function portQueryOf(port: string | undefined, protocol: string | undefined): PortQuery {
  if (port === undefined) {
    throw new UsageError('--port is required (a number such as 80, or a container port name such as http)');
  }
  const query: PortQuery = /^[0-9]+$/.test(port)
    ? { port: Number(port), protocol: protocol as Protocol | undefined }
    : { portName: port, protocol: protocol as Protocol | undefined };
  try {
    checkPortQuery(query);
  } catch (e) {
    // The evaluator names the field (`NP-INPUT[port]`); on the command line that is the flag.
    throw new UsageError((e as Error).message.replace(/^NP-INPUT\[(\w+)\]: /, '--$1: '));
  }
  return query;
}

/**
 * Runs `fn`, turning the evaluator's input errors (unknown endpoint, unknown port name; their
 * messages start with `NP-INPUT`) into usage errors.
 */
export function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('NP-INPUT')) {
      throw new UsageError(e.message);
    }
    throw e;
  }
}
