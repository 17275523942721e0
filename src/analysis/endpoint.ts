import { cached } from './cached';
import { ClusterModel } from './cluster-model';
import { ContainerPortInfo } from './workload-info';
import { parseIp, ParsedIp } from '../k8s/cidr';
import { InputError } from '../k8s/input-error';

/** Who is at one end of a connection. */
export interface Endpoint {
  /** How verdicts name it. */
  readonly label: string;
  /**
   * `pod`: a selectable workload; `hostNetwork`: a workload on the node network;
   * `outside`: an IP address outside the cluster; `node`: the destination pod's own node.
   */
  readonly kind: 'pod' | 'hostNetwork' | 'outside' | 'node';
  /** Index into the model's workloads, for `pod` and `hostNetwork`. */
  readonly workload?: number;
  /** The workload's pod class, for `pod` and `hostNetwork`. */
  readonly podClass?: number;
  /** The workload's namespace, for `pod` and `hostNetwork`. */
  readonly namespaceName?: string;
  /** The workload's container ports (none for the other kinds). */
  readonly ports: readonly ContainerPortInfo[];
  /** Known addresses (none for the node or a workload whose IP is unknown). */
  readonly ips: readonly ParsedIp[];
}

/** The source name that stands for the destination pod's own node. */
export const NODE = 'node';

/** Turns the endpoint texts of queries into endpoints, with helpful errors. */
export class EndpointResolver {
  private readonly byName = new Map<string, number>();
  private readonly byIp = new Map<string, number[]>();
  private readonly workloads: Endpoint[];

  constructor(model: ClusterModel) {
    // Made once each: queries then read one object per endpoint.
    this.workloads = model.workloads.map((workload, i) => ({
      label: workload.endpoint,
      kind: workload.hostNetwork ? 'hostNetwork' : 'pod',
      workload: i,
      podClass: model._index.classOfWorkload[i],
      namespaceName: workload.namespaceName,
      ports: workload.ports,
      ips: model._index.workloads[i].ips,
    }));
    model.workloads.forEach((workload, i) => {
      this.byName.set(workload.endpoint, i);
      if (!workload.hostNetwork) {
        for (const ip of model._index.workloads[i].ips) {
          cached(this.byIp, ipKey(ip), () => []).push(i);
        }
      }
    });
  }

  /**
   * A workload `namespace/name`, an IP address (the pod with that IP if exactly one pod has
   * it, else an outside endpoint), or `node`.
   */
  public resolve(text: string, role: 'source' | 'destination' | 'endpoint'): Endpoint {
    if (text === NODE) {
      if (role === 'destination') {
        throw new InputError('destination', [`"${NODE}" can only be a source (traffic from a pod's own node)`]);
      }
      return { label: NODE, kind: 'node', ports: [], ips: [] };
    }
    const workload = this.byName.get(text);
    if (workload !== undefined) {
      return this.workload(workload);
    }
    const ip = parseIp(text);
    if (ip) {
      const owners = this.byIp.get(ipKey(ip)) ?? [];
      return owners.length === 1 ? this.workload(owners[0]) : { label: text, kind: 'outside', ports: [], ips: [ip] };
    }
    const matches = closeMatches(text, [...this.byName.keys()]);
    throw new InputError(role, [`unknown endpoint "${text}"`,
      matches.length > 0 ? `close matches: ${matches.join(', ')}` : 'use namespace/name of a workload or pod, an IP address, or "node"']);
  }

  /** The endpoint of a workload of the model. */
  public workload(index: number): Endpoint {
    return this.workloads[index];
  }
}

function ipKey(ip: ParsedIp): string {
  return `${ip.family}:${ip.value}`;
}

/** Up to five names within a small edit distance, or with the same name in another namespace. */
export function closeMatches(text: string, names: readonly string[]): string[] {
  const shortName = text.split('/').pop();
  const budget = Math.max(1, Math.floor(text.length / 4));
  return names
    .map((name) => ({ name, distance: name.split('/').pop() === shortName ? 0 : editDistance(text, name) }))
    .filter((candidate) => candidate.distance <= budget)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 5)
    .map((candidate) => candidate.name);
}

/** Insertions, deletions, substitutions and swaps of neighbours (the usual typos) each cost 1. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) {
    d[0][j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
