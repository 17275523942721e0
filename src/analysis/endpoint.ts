import { cached } from './cached';
import { ClusterModel } from './cluster-model';
import { ContainerPortInfo } from './workload-info';
import { parseIp, ParsedIp } from '../k8s/cidr';
import { InputError } from '../k8s/input-error';
import { printable } from '../k8s/printable';

/** Who is at one end of a connection. */
export interface Endpoint {
  /** How verdicts name it. */
  readonly label: string;
  /**
   * `pod`: a selectable workload or pod; `hostNetwork`: one on the node network; `outside`: an
   * IP address outside the cluster; `node`: a node (`node:<name>`), or the destination pod's
   * own node (`node`).
   */
  readonly kind: 'pod' | 'hostNetwork' | 'outside' | 'node';
  /** Index into the model's workloads (a pod's own workload, for a pod), for `pod` and `hostNetwork`. */
  readonly workload?: number;
  /** The workload's pod class, for `pod` and `hostNetwork`. */
  readonly podClass?: number;
  /** The workload's namespace, for `pod` and `hostNetwork`. */
  readonly namespaceName?: string;
  /** The workload's container ports (none for the other kinds). */
  readonly ports: readonly ContainerPortInfo[];
  /** Known addresses (none for `node` or a workload whose IP is unknown). */
  readonly ips: readonly ParsedIp[];
  /** The nodes its pods run on, or the node itself; empty when unknown (and for `node`). */
  readonly nodes: readonly string[];
}

/** The source name that stands for the destination pod's own node. */
export const NODE = 'node';

/** The prefix of a named node endpoint, `node:<name>`. */
export const NODE_PREFIX = 'node:';

/** Turns the endpoint texts of queries into endpoints, with helpful errors. */
export class EndpointResolver {
  private readonly byName = new Map<string, Endpoint>();
  private readonly byIp = new Map<string, Endpoint[]>();
  private readonly workloads: Endpoint[];
  /** What close matches are searched among: workloads and nodes (pod names are many and hashed). */
  private readonly suggestions: string[];

  constructor(private readonly model: ClusterModel) {
    // Made once each: queries then read one object per endpoint.
    this.workloads = model.workloads.map((workload, i) => ({
      label: workload.endpoint,
      kind: workload.hostNetwork ? 'hostNetwork' : 'pod',
      workload: i,
      podClass: model._index.classOfWorkload[i],
      namespaceName: workload.namespaceName,
      ports: workload.ports,
      ips: model._index.workloads[i].ips,
      nodes: workload.nodes,
    }));
    this.workloads.forEach((endpoint) => this.byName.set(endpoint.label, endpoint));
    for (const node of model.nodes) {
      const endpoint: Endpoint = {
        label: printable(`${NODE_PREFIX}${node.name}`),
        kind: 'node',
        ports: [],
        ips: node.addresses.map((a) => parseIp(a)).filter((ip): ip is ParsedIp => ip !== undefined),
        nodes: [node.name],
      };
      this.byName.set(endpoint.label, endpoint);
      endpoint.ips.forEach((ip) => cached(this.byIp, ipKey(ip), () => []).push(endpoint));
    }
    this.suggestions = [...this.byName.keys()];
    const workloadNames = new Set(model.workloads.map((w) => `${w.namespaceName}/${w.name}`));
    for (const pod of model._pods) {
      const workload = this.workloads[pod.workload];
      const name = `${pod.namespaceName}/${pod.name}`;
      // A bare pod is its own workload; a pod named like a workload is reached through it.
      const endpoint: Endpoint = model.workloads[pod.workload].kind === 'Pod' ? workload
        : { ...workload, label: printable(name), ports: pod.ports, ips: pod.ips, nodes: pod.node ? [pod.node] : [] };
      if (!workloadNames.has(name) && !this.byName.has(endpoint.label)) {
        this.byName.set(endpoint.label, endpoint);
      }
      if (!pod.hostNetwork) {
        // A pod's IP names the pod, before a node that has the same address.
        pod.ips.forEach((ip) => cached(this.byIp, ipKey(ip), () => []).unshift(endpoint));
      }
    }
  }

  /**
   * A workload or pod `namespace/name`, `node:<name>`, an IP address (the pod with that IP if
   * exactly one pod has it, else the node with it if exactly one node has it, else an outside
   * endpoint), or `node`.
   */
  public resolve(text: string, role: 'source' | 'destination' | 'endpoint'): Endpoint {
    if (typeof text !== 'string') {
      throw new InputError(role, [`must be a string (namespace/name, an IP address or node:<name>), not ${JSON.stringify(text) ?? typeof text}`]);
    }
    if (text === NODE) {
      if (role === 'destination') {
        throw new InputError('destination', [`"${NODE}" can only be a source (traffic from a pod's own node); name a node as node:<name>`]);
      }
      return { label: NODE, kind: 'node', ports: [], ips: [], nodes: [] };
    }
    const named = this.byName.get(text);
    if (named !== undefined) {
      return named;
    }
    const ip = parseIp(text);
    if (ip) {
      const owners = this.byIp.get(ipKey(ip)) ?? [];
      const pods = owners.filter((e) => e.kind !== 'node');
      return pods.length === 1 ? pods[0] : pods.length === 0 && owners.length === 1 ? owners[0] : { label: text, kind: 'outside', ports: [], ips: [ip], nodes: [] };
    }
    const groups = this.model._podGroups.get(text);
    if (groups) {
      throw new InputError(role, [`the pods of "${printable(text)}" differ in labels or ports (see the model findings)`, `name one of its groups: ${groups.join(', ')}`]);
    }
    const matches = closeMatches(text, this.suggestions);
    throw new InputError(role, [`unknown endpoint "${printable(text)}"`,
      matches.length > 0 ? `close matches: ${matches.join(', ')}` : 'use namespace/name of a workload or pod, an IP address, node:<name>, or "node"']);
  }

  /** The endpoint of a workload of the model. */
  public workload(index: number): Endpoint {
    return this.workloads[index];
  }
}

/**
 * The pod-network IPs that exactly one pod of the model lists: an IP query names that pod. An
 * IP that several pods list (a dump holding a finished pod's stale address) names none of them.
 */
export function soleOwnedPodIps(model: ClusterModel): ParsedIp[] {
  const owners = new Map<string, { ip: ParsedIp; pods: Set<number> }>();
  model._pods.forEach((pod, i) => {
    if (!pod.hostNetwork) {
      pod.ips.forEach((ip) => cached(owners, ipKey(ip), () => ({ ip, pods: new Set() })).pods.add(i));
    }
  });
  return [...owners.values()].filter((owner) => owner.pods.size === 1).map((owner) => owner.ip);
}

function ipKey(ip: ParsedIp): string {
  return `${ip.family}:${ip.value}`;
}

/** Names longer than this cannot be a namespace and a name, so no edit of them is close to one. */
const LONGEST_NAME = 63 + 1 + 253 + 1 + 20;

/**
 * Up to five names within a small edit distance, or with the same name in another namespace.
 * The cost is bounded: the edit distance is only computed within its budget, and not at all
 * for a text longer than any `namespace/name`.
 */
export function closeMatches(text: string, names: readonly string[]): string[] {
  const shortName = text.slice(text.lastIndexOf('/') + 1);
  const budget = text.length > LONGEST_NAME ? 0 : Math.max(1, Math.floor(text.length / 4));
  return names
    .map((name) => ({ name, distance: name.slice(name.lastIndexOf('/') + 1) === shortName ? 0 : boundedDistance(text, name, budget) }))
    .filter((candidate) => candidate.distance <= budget)
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 5)
    .map((candidate) => candidate.name);
}

/**
 * The edit distance (insertions, deletions, substitutions and swaps of neighbours, the usual
 * typos, each cost 1) when it is at most `max`, else `max + 1`; only the band of the table
 * within `max` of the diagonal is computed.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (max === 0 || Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  const over = max + 1;
  const width = b.length + 1;
  // Three rows of the table, reused: the one before the previous serves the swap of neighbours.
  let before = new Int32Array(width).fill(over);
  let previous = new Int32Array(width).fill(over);
  let row = new Int32Array(width).fill(over);
  for (let j = 0; j <= Math.min(b.length, max); j++) {
    previous[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    row.fill(over);
    row[0] = i <= max ? i : over;
    let best = row[0];
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = previous[j - 1] + (ai === bj ? 0 : 1);
      if (previous[j] + 1 < d) {
        d = previous[j] + 1;
      }
      if (row[j - 1] + 1 < d) {
        d = row[j - 1] + 1;
      }
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && before[j - 2] + 1 < d) {
        d = before[j - 2] + 1;
      }
      row[j] = d < over ? d : over;
      if (row[j] < best) {
        best = row[j];
      }
    }
    if (best > max) {
      return over;
    }
    const reused = before;
    before = previous;
    previous = row;
    row = reused;
  }
  return previous[b.length];
}
