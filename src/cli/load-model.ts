import { readManifests } from './read-manifests';
import { UsageError } from './usage-error';
import { ClusterModel } from '../analysis/cluster-model';
import { PortQuery } from '../analysis/connection-query';
import { Protocol } from '../policy/protocol';
import { FindingSeverity } from '../validation/finding';

/** Reads the files into a cluster model (`strict`: strict CIDR rules); its findings are returned as printable lines. */
export function loadModel(paths: string[], strict: boolean): { model: ClusterModel; findingLines: string[]; hasErrors: boolean } {
  const documents = readManifests(paths).map((o) => ({ manifest: o.manifest, origin: `${o.file}:${o.documentIndex}` }));
  const model = ClusterModel.fromManifests(documents, { strictCidr: strict });
  const findingLines = model.findings.map((f) =>
    `${f.origin} ${f.subject}: ${f.field ? `${f.field}: ` : ''}${f.severity === FindingSeverity.WARNING ? 'warning: ' : ''}${f.message}`);
  return { model, findingLines, hasErrors: model.findings.some((f) => f.severity === FindingSeverity.ERROR) };
}

/** `--port 80` or `--port http`, with `--protocol` (TCP when absent). */
export function portQueryOf(port: string | undefined, protocol: string | undefined): PortQuery {
  if (port === undefined) {
    throw new UsageError('--port is required (a number such as 80, or a container port name such as http)');
  }
  const protocols = Object.values(Protocol) as string[];
  const proto = protocol ?? Protocol.TCP;
  if (!protocols.includes(proto)) {
    throw new UsageError(`--protocol must be one of ${protocols.join(', ')}, not "${proto}"`);
  }
  if (/^[0-9]+$/.test(port)) {
    const n = Number(port);
    if (n < 1 || n > 65535) {
      throw new UsageError(`--port ${port} is out of range: a port number is 1-65535`);
    }
    return { port: n, protocol: proto as Protocol };
  }
  return { portName: port, protocol: proto as Protocol };
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
