/**
 * A deliberately plain evaluator written straight from the semantics of networking.k8s.io/v1 (the
 * README's "How reachability is decided") and of ClusterNetworkPolicy tiers around it (the
 * pseudocode of the reference's §3.4: Admin, then NetworkPolicy, then Baseline, then allow), used
 * as an oracle for property tests: no indexes, no classes, no caches; every question loops over
 * every policy.
 * It trusts its input (the generators only produce valid policies) and uses ipaddr.js, not the
 * library's own CIDR code, so the two implementations share as little as possible.
 */
import * as ipaddr from 'ipaddr.js';
import { AnalysisOptions, ManifestDocument } from '../../src/analysis';
import { ClusterNetworkPolicyChannel } from '../../src/validation/cluster-network-policy-channel';

type Labels = Record<string, string>;

interface RefNamespace { name: string; labels: Labels }
interface RefPort { name?: string; port: number; protocol: string }
interface RefWorkload { namespace: string; name: string; labels: Labels; ports: RefPort[]; ips: string[]; hostNetwork: boolean; node?: string }
interface RefEndpoint { kind: 'workload' | 'outside' | 'node'; workload?: RefWorkload; ip?: string }
interface RefNode { name: string; labels: Labels; addresses: string[] }
type Tier = 'Admin' | 'Baseline';

/** A port question: exactly one of port and portName. */
export interface RefPortQuery { port?: number; portName?: string; protocol?: string }

const TEMPLATE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'];

export class ReferenceEvaluator {
  public readonly namespaces: RefNamespace[] = [];
  public readonly workloads: RefWorkload[] = [];
  public readonly policies: any[] = [];
  /** ClusterNetworkPolicies, in reading order. */
  public readonly clusterPolicies: any[] = [];
  public readonly nodes: RefNode[] = [];
  private readonly options: Required<AnalysisOptions>;
  private readonly workloadByName = new Map<string, RefWorkload>();
  private readonly namespaceByName = new Map<string, RefNamespace>();
  private readonly policiesByNamespace = new Map<string, any[]>();

  constructor(documents: ManifestDocument[], options: AnalysisOptions = {}) {
    this.options = {
      ipBlocksMatchPodIps: options.ipBlocksMatchPodIps ?? true,
      allowSelfTraffic: options.allowSelfTraffic ?? true,
      allowNodeTraffic: options.allowNodeTraffic ?? true,
      defaultNamespace: options.defaultNamespace ?? 'default',
      strictCidr: options.strictCidr ?? true,
      clusterNetworkPolicyChannel: options.clusterNetworkPolicyChannel ?? ClusterNetworkPolicyChannel.STANDARD,
    };
    const objects: any[] = [];
    const podsOnNodes: { node: string; hostIps: string[] }[] = [];
    const flatten = (object: any) => (object?.kind === 'List' ? object.items.forEach(flatten) : objects.push(object));
    documents.forEach((document) => flatten(document.manifest));

    for (const object of objects) {
      const namespace = object.metadata.namespace ?? this.options.defaultNamespace;
      if (object.kind === 'Namespace') {
        this.namespaces.push({ name: object.metadata.name, labels: { ...object.metadata.labels ?? {} } });
      } else if (object.kind === 'ClusterNetworkPolicy') {
        this.clusterPolicies.push(object);
      } else if (object.kind === 'Node') {
        const addresses = (object.status?.addresses ?? []).map((a: any) => a.address);
        this.nodes.push({ name: object.metadata.name, labels: object.metadata.labels ?? {}, addresses });
      } else if (object.kind === 'NetworkPolicy') {
        this.policies.push({ ...object, metadata: { ...object.metadata, namespace } });
      } else if (object.kind === 'Pod' || object.kind === 'CronJob' || TEMPLATE_KINDS.includes(object.kind)) {
        let template = object;
        if (object.kind === 'CronJob') template = object.spec.jobTemplate.spec.template;
        if (TEMPLATE_KINDS.includes(object.kind)) template = object.spec.template;
        const ports: RefPort[] = [];
        for (const container of template.spec?.containers ?? []) {
          for (const port of container.ports ?? []) {
            ports.push({ name: port.name, port: port.containerPort, protocol: port.protocol ?? 'TCP' });
          }
        }
        const ips: string[] = [];
        if (object.kind === 'Pod') {
          if (object.status?.podIP) ips.push(object.status.podIP);
          for (const entry of object.status?.podIPs ?? []) ips.push(entry.ip);
          // A pod's hostIP is an address of the node it names, declared or not.
          const hostIps = [object.status?.hostIP, ...(object.status?.hostIPs ?? []).map((e: any) => e.ip)].filter((ip) => ip !== undefined);
          if (object.spec?.nodeName !== undefined) podsOnNodes.push({ node: object.spec.nodeName, hostIps });
          // A hostNetwork pod's IPs are its node's.
          if (ips.length === 0 && object.spec?.hostNetwork === true) ips.push(...hostIps);
        }
        this.workloads.push({
          namespace,
          name: object.metadata.name,
          labels: template.metadata?.labels ?? {},
          ports,
          ips,
          hostNetwork: template.spec?.hostNetwork === true,
          node: object.kind === 'Pod' ? object.spec?.nodeName : undefined,
        });
      }
    }
    // Nodes the pods name: their host IPs are addresses of those nodes; unlabelled when no Node object says more.
    for (const { node, hostIps } of podsOnNodes) {
      let found = this.nodes.find((n) => n.name === node);
      if (!found) {
        found = { name: node, labels: {}, addresses: [] };
        this.nodes.push(found);
      }
      found.addresses.push(...hostIps);
    }
    // Namespaces implied by the objects in them.
    for (const name of [...this.workloads.map((w) => w.namespace), ...this.policies.map((p) => p.metadata.namespace)]) {
      if (!this.namespaces.some((ns) => ns.name === name)) {
        this.namespaces.push({ name, labels: {} });
      }
    }
    // Every namespace carries kubernetes.io/metadata.name.
    for (const ns of this.namespaces) {
      ns.labels['kubernetes.io/metadata.name'] = ns.name;
    }
    // Lookups by name keep whole-cluster counts affordable; they change no answer.
    // (in reverse, so that the first of workloads sharing a name is the one found)
    for (const workload of [...this.workloads].reverse()) {
      this.workloadByName.set(`${workload.namespace}/${workload.name}`, workload);
    }
    for (const ns of this.namespaces) {
      this.namespaceByName.set(ns.name, ns);
    }
    for (const policy of this.policies) {
      this.policiesByNamespace.set(policy.metadata.namespace, [...this.policiesByNamespace.get(policy.metadata.namespace) ?? [], policy]);
    }
  }

  /** Every workload as namespace/name. */
  public endpoints(): string[] {
    return this.workloads.map((w) => `${w.namespace}/${w.name}`);
  }

  /** Whether source can reach destination; 'no-such-port' when a port name does not resolve on the destination. */
  public allowed(sourceText: string, destinationText: string, query: RefPortQuery): boolean | 'no-such-port' {
    return this.allowedBetween(this.endpoint(sourceText), this.endpoint(destinationText), query);
  }

  /** How many (source, destination) pairs of workloads are allowed, a workload paired with itself included. */
  public countAllowedPairs(query: RefPortQuery): number {
    let count = 0;
    for (const source of this.workloads) {
      for (const destination of this.workloads) {
        if (this.allowedBetween({ kind: 'workload', workload: source }, { kind: 'workload', workload: destination }, query) === true) {
          count++;
        }
      }
    }
    return count;
  }

  private allowedBetween(source: RefEndpoint, destination: RefEndpoint, query: RefPortQuery): boolean | 'no-such-port' {
    const protocol = query.protocol ?? 'TCP';

    // A named port resolves on the destination pod: a container port with that name and protocol.
    let port = query.port;
    if (port === undefined) {
      const named = (destination.workload?.ports ?? []).find((p) => p.name === query.portName && p.protocol === protocol);
      if (!named) return 'no-such-port';
      port = named.port;
    }

    if (this.options.allowSelfTraffic && source.workload !== undefined && source.workload === destination.workload) {
      return true;
    }
    // A node, and the pods on its network, reach every pod on that node whatever the policies say.
    const node = destination.workload?.hostNetwork === false ? destination.workload.node : undefined;
    if (this.options.allowNodeTraffic && node !== undefined) {
      const fromNodeNetwork = source.workload?.hostNetwork === true && source.workload.node === node;
      const fromNodeAddress = source.kind === 'outside' && this.nodes.some((n) => n.name === node && n.addresses.some((a) => sameIp(a, source.ip!)));
      if (fromNodeNetwork || fromNodeAddress) return true;
    }
    const egressAllows = this.sideAllows('Egress', source, destination, protocol, port);
    const ingressAllows = (this.options.allowNodeTraffic && source.kind === 'node')
      || this.sideAllows('Ingress', destination, source, protocol, port);
    return egressAllows && ingressAllows;
  }

  /**
   * The addresses an outside endpoint stands for: an address of exactly one node names that
   * node, which rules match by any of its addresses (as a dual-stack pod is matched by either of
   * its IPs); an address that several nodes list names none of them.
   */
  private outsideAddresses(ip: string): string[] {
    const owners = this.nodes.filter((n) => n.addresses.some((a) => sameIp(a, ip)));
    return owners.length === 1 ? owners[0].addresses : [ip];
  }

  private endpoint(text: string): RefEndpoint {
    if (text === 'node') return { kind: 'node' };
    const workload = this.workloadByName.get(text);
    if (workload) return { kind: 'workload', workload };
    // An IP names the pod that has it, when exactly one pod on the pod network does.
    const owners = this.workloads.filter((w) => !w.hostNetwork && w.ips.some((ip) => sameIp(ip, text)));
    if (owners.length === 1) return { kind: 'workload', workload: owners[0] };
    return { kind: 'outside', ip: text };
  }

  /**
   * One side: Admin, then NetworkPolicy, then Baseline; the first that accepts or denies decides,
   * else it is allowed. A Pass only leaves its tier (reference §3.2): from Admin to NetworkPolicy,
   * and on to Baseline only when no NetworkPolicy isolates the pod in this direction (§3.1); from
   * Baseline to the default allow.
   */
  private sideAllows(direction: 'Ingress' | 'Egress', subject: RefEndpoint, peer: RefEndpoint, protocol: string, port: number): boolean {
    // Only pods on the pod network are selected by policies, of either kind.
    if (subject.kind !== 'workload' || subject.workload!.hostNetwork) return true;
    const admin = this.tierAction('Admin', direction, subject.workload!, peer, protocol, port);
    if (admin === 'Accept' || admin === 'Deny') return admin === 'Accept';
    const networkPolicy = this.networkPolicyAllows(direction, subject, peer, protocol, port);
    if (networkPolicy !== undefined) return networkPolicy;
    const baseline = this.tierAction('Baseline', direction, subject.workload!, peer, protocol, port);
    if (baseline === 'Accept' || baseline === 'Deny') return baseline === 'Accept';
    return true;
  }

  /** The action of the first rule of the tier that matches, policies by ascending priority (reading order among equals); undefined if none. */
  private tierAction(tier: Tier, direction: 'Ingress' | 'Egress', pod: RefWorkload, peer: RefEndpoint, protocol: string, port: number): string | undefined {
    const destinationPorts = direction === 'Egress' ? peer.workload?.ports ?? [] : pod.ports;
    const policies = this.clusterPolicies
      .filter((p) => p.spec.tier === tier && this.selects(p.spec.subject, pod))
      .map((p, i) => ({ p, i }))
      .sort((a, b) => a.p.spec.priority - b.p.spec.priority || a.i - b.i)
      .map(({ p }) => p);
    for (const policy of policies) {
      const rules = (direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? [];
      for (const rule of rules) {
        const peers = direction === 'Ingress' ? rule.from : rule.to;
        if (peers.some((item: any) => this.clusterPeerMatches(item, peer)) && protocolsMatch(rule.protocols, protocol, port, destinationPorts)) {
          return rule.action;
        }
      }
    }
    return undefined;
  }

  /** Whether a subject (`namespaces` or `pods`) or a `pods` peer selects a workload: never a hostNetwork one. */
  private selects(selection: any, pod: RefWorkload): boolean {
    if (pod.hostNetwork) return false;
    const namespace = this.namespaceByName.get(pod.namespace)!;
    if (selection.namespaces) return selectorMatches(selection.namespaces, namespace.labels);
    return (!selection.pods.namespaceSelector || selectorMatches(selection.pods.namespaceSelector, namespace.labels))
      && selectorMatches(selection.pods.podSelector, pod.labels);
  }

  private clusterPeerMatches(item: any, peer: RefEndpoint): boolean {
    const ips = peer.kind === 'outside' ? this.outsideAddresses(peer.ip!) : peer.kind === 'workload' ? peer.workload!.ips : [];
    if (item.networks) return ips.some((ip) => item.networks.some((cidr: string) => inCidr(ip, cidr)));
    if (item.nodes) {
      const addresses = this.nodes.filter((node) => selectorMatches(item.nodes, node.labels)).flatMap((node) => node.addresses);
      return ips.some((ip) => addresses.some((address) => sameIp(ip, address)));
    }
    if (item.domainNames) return false; // no DNS: never matches
    return peer.kind === 'workload' && this.selects(item.namespaces ? { namespaces: item.namespaces } : { pods: item.pods }, peer.workload!);
  }

  /** NetworkPolicy: undefined when no policy isolates the pod for the direction. */
  private networkPolicyAllows(direction: 'Ingress' | 'Egress', subject: RefEndpoint, peer: RefEndpoint, protocol: string, port: number): boolean | undefined {
    const destination = direction === 'Egress' ? peer : subject;
    const pod = subject.workload!;
    let isolated = false;
    for (const policy of this.policiesByNamespace.get(pod.namespace) ?? []) {
      if (!selectorMatches(policy.spec?.podSelector, pod.labels)) continue;
      if (!effectivePolicyTypes(policy).includes(direction)) continue;
      isolated = true;
      const rules = (direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? [];
      for (const rule of rules) {
        const peers = direction === 'Ingress' ? rule.from : rule.to;
        const peersMatch = !peers || peers.length === 0 || peers.some((item: any) => this.peerMatches(policy, item, peer));
        if (peersMatch && portsMatch(rule.ports, protocol, port, destination.workload?.ports ?? [])) {
          return true;
        }
      }
    }
    return isolated ? false : undefined;
  }

  private peerMatches(policy: any, item: any, peer: RefEndpoint): boolean {
    if (item.ipBlock) {
      let ips: string[] = [];
      if (peer.kind === 'outside') ips = this.outsideAddresses(peer.ip!);
      if (peer.kind === 'workload' && (peer.workload!.hostNetwork || this.options.ipBlocksMatchPodIps)) ips = peer.workload!.ips;
      return ips.some((ip) => inCidr(ip, item.ipBlock.cidr) && !(item.ipBlock.except ?? []).some((hole: string) => inCidr(ip, hole)));
    }
    if (peer.kind !== 'workload' || peer.workload!.hostNetwork) return false;
    const pod = peer.workload!;
    const namespace = this.namespaceByName.get(pod.namespace)!;
    const namespaceMatches = item.namespaceSelector
      ? selectorMatches(item.namespaceSelector, namespace.labels)
      : pod.namespace === policy.metadata.namespace;
    const podMatches = item.podSelector ? selectorMatches(item.podSelector, pod.labels) : true;
    return namespaceMatches && podMatches;
  }
}

function effectivePolicyTypes(policy: any): string[] {
  const types = policy.spec?.policyTypes;
  if (types && types.length > 0) return types;
  const egress = policy.spec?.egress ?? [];
  return egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function selectorMatches(selector: any, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expression of selector?.matchExpressions ?? []) {
    const has = hasKey(labels, expression.key);
    const value = labels[expression.key];
    if (expression.operator === 'In' && !(has && expression.values.includes(value))) return false;
    if (expression.operator === 'NotIn' && has && expression.values.includes(value)) return false;
    if (expression.operator === 'Exists' && !has) return false;
    if (expression.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

function hasKey(labels: Labels, name: string): boolean {
  return Object.keys(labels).includes(name);
}

function portsMatch(ports: any[] | undefined, protocol: string, port: number, destinationPorts: RefPort[]): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((entry) => {
    if ((entry.protocol ?? 'TCP') !== protocol) return false;
    if (entry.port === undefined) return true;
    if (typeof entry.port === 'number') return entry.port <= port && port <= (entry.endPort ?? entry.port);
    return destinationPorts.some((p) => p.name === entry.port && p.protocol === protocol && p.port === port);
  });
}

/** A ClusterNetworkPolicy rule's `protocols`: absent matches everything; a named port is the destination's container port of that name. */
function protocolsMatch(protocols: any[] | undefined, protocol: string, port: number, destinationPorts: RefPort[]): boolean {
  if (!protocols) return true;
  return protocols.some((entry) => {
    if (entry.destinationNamedPort !== undefined) {
      return destinationPorts.some((p) => p.name === entry.destinationNamedPort && p.protocol === protocol && p.port === port);
    }
    const destinationPort = entry[protocol.toLowerCase()]?.destinationPort;
    if (!destinationPort) return false;
    if (destinationPort.range) return destinationPort.range.start <= port && port <= destinationPort.range.end;
    return destinationPort.number === port;
  });
}

function inCidr(ip: string, cidr: string): boolean {
  const address = ipaddr.parse(ip);
  const range = ipaddr.parseCIDR(cidr);
  return address.kind() === range[0].kind() && address.match(range);
}

function sameIp(a: string, b: string): boolean {
  if (!ipaddr.isValid(a) || !ipaddr.isValid(b)) return false;
  const x = ipaddr.parse(a);
  const y = ipaddr.parse(b);
  return x.kind() === y.kind() && x.toNormalizedString() === y.toNormalizedString();
}
