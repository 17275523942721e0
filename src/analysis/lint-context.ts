import { AddressUniverse } from './address-parts';
import { cached } from './cached';
import { ClusterIndex } from './cluster-index';
import { ClusterModel } from './cluster-model';
import { CompiledPolicy } from './compiled-policy';
import { ConnectionEngine } from './connection-engine';
import { soleOwnedPodIps } from './endpoint';
import { Evaluator } from './evaluator';
import { withNameLabel } from './manifest-reader';
import { PeerResolver } from './peer-resolver';
import { PolicyLayer } from './policy-layer';
import { DecisionLayer } from './verdict';
import { WorkloadObject } from './workload-grouping';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';

/** Where the cluster DNS runs, as most clusters deploy it. */
export const DNS_NAMESPACE = 'kube-system';
export const DNS_LABEL = { key: 'k8s-app', value: 'kube-dns' } as const;

/** The DNS pods assumed when the input has none: CoreDNS's labels and container ports. */
const ASSUMED_DNS: WorkloadObject = {
  namespaceName: DNS_NAMESPACE,
  name: 'cluster-dns',
  kind: 'Deployment',
  labels: { [DNS_LABEL.key]: DNS_LABEL.value },
  ports: [
    { name: 'dns', port: 53, protocol: Protocol.UDP },
    { name: 'dns-tcp', port: 53, protocol: Protocol.TCP },
    { name: 'metrics', port: 9153, protocol: Protocol.TCP },
  ],
  ips: [],
  ipTexts: [],
  hostNetwork: false,
  origin: '(assumed: the cluster DNS)',
  pods: [],
  nodes: [],
};

/**
 * What the lints share: the model they judge, its evaluator and connection engine, and which
 * pod classes each policy isolates.
 *
 * Every cluster runs a DNS: when the input has no pod labelled `k8s-app=kube-dns` in
 * `kube-system`, the lints judge the model with such pods added (CoreDNS's labels and ports), so
 * that a rule admitting DNS admits something, and whether pods can reach it can be asked.
 */
export class LintContext {
  /** The model the lints judge: the input's, with the assumed DNS pods when it has none. */
  public readonly model: ClusterModel;
  public readonly index: ClusterIndex;
  public readonly evaluator: Evaluator;
  public readonly layers: readonly PolicyLayer[];
  /** The position of the NetworkPolicy layer among `layers`. */
  public readonly networkPolicyLayer: number;
  public readonly peers: PeerResolver;
  /** Whether the DNS pods are assumed (the input has none). */
  public readonly dnsAssumed: boolean;
  /** The pod classes of the cluster DNS. */
  public readonly dnsClasses: readonly number[];

  private readonly policyIds = new Map<string, number>();
  private subjectLists?: { ingress: number[][]; egress: number[][] };
  private workloadLists?: number[][];
  private connectionEngine?: ConnectionEngine;
  private readonly policyCache = new Map<string, unknown>();

  constructor(public readonly input: ClusterModel) {
    const isDns = (w: { namespaceName: string; labels: Readonly<Record<string, string>> }) =>
      w.namespaceName === DNS_NAMESPACE && w.labels[DNS_LABEL.key] === DNS_LABEL.value;
    this.dnsAssumed = !input._index.workloads.some(isDns);
    this.model = this.dnsAssumed
      ? input._withAssumed([ASSUMED_DNS], input.namespaces.some((ns) => ns.name === DNS_NAMESPACE) ? []
        : [{ name: DNS_NAMESPACE, labels: withNameLabel(DNS_NAMESPACE, {}), declared: false }])
      : input;
    this.index = this.model._index;
    this.evaluator = new Evaluator(this.model);
    this.layers = this.evaluator._layers();
    this.networkPolicyLayer = this.layers.findIndex((l) => l.layer === DecisionLayer.NETWORK_POLICY);
    this.peers = this.evaluator._peers();
    this.index.policies.forEach((policy, i) => this.policyIds.set(policy.id, i));
    const classOf = this.index.classOfWorkload;
    this.dnsClasses = [...new Set(this.index.workloads.flatMap((w, i) => (isDns(w) ? [classOf[i]] : [])))];
  }

  public get policies(): readonly CompiledPolicy[] {
    return this.index.policies;
  }

  public get engine(): ConnectionEngine {
    this.connectionEngine ??= this.evaluator._engine();
    return this.connectionEngine;
  }

  /** The position of a policy (`namespace/name`) in `policies`. */
  public policyIndex(id: string): number {
    return this.policyIds.get(id)!;
  }

  /** The classes a policy (by position) isolates in a direction, in increasing order. */
  public subjects(policy: number, direction: TrafficDirection): readonly number[] {
    if (this.subjectLists === undefined) {
      const lists = { ingress: this.policies.map((): number[] => []), egress: this.policies.map((): number[] => []) };
      this.index.ingressPolicies.forEach((ids, c) => ids.forEach((id) => lists.ingress[id].push(c)));
      this.index.egressPolicies.forEach((ids, c) => ids.forEach((id) => lists.egress[id].push(c)));
      this.subjectLists = lists;
    }
    return direction === TrafficDirection.INGRESS ? this.subjectLists.ingress[policy] : this.subjectLists.egress[policy];
  }

  /** The classes a policy isolates in either direction. */
  public selected(policy: number): number[] {
    const both = [...this.subjects(policy, TrafficDirection.INGRESS), ...this.subjects(policy, TrafficDirection.EGRESS)];
    return [...new Set(both)].sort((a, b) => a - b);
  }

  /** The names (`namespace/name`) of the workloads of some classes, in class order. */
  public workloadNames(classes: Iterable<number>): string[] {
    if (this.workloadLists === undefined) {
      const lists = this.index.classes.map((): number[] => []);
      this.index.classOfWorkload.forEach((c, w) => lists[c].push(w));
      this.workloadLists = lists;
    }
    const names: string[] = [];
    for (const c of classes) {
      for (const w of this.workloadLists[c]) {
        names.push(this.model.workloads[w].endpoint);
      }
    }
    return names;
  }

  /** The addresses that name no pod (as queries resolve them), split as rules match them. */
  public get addresses(): AddressUniverse {
    return this.shared('addresses', () => new AddressUniverse(soleOwnedPodIps(this.model)));
  }

  /** Per destination port profile (`ConnectionEngine._profileOf`), its classes in increasing order. */
  public get profileClasses(): readonly (readonly number[])[] {
    return this.shared('profiles', () => {
      const lists: number[][] = [];
      this.engine._profileOf.forEach((profile, c) => (lists[profile] ??= []).push(c));
      return lists;
    });
  }

  /** A value computed once per lint run, shared by the lints that need it. */
  public shared<T>(key: string, compute: () => T): T {
    return cached(this.policyCache, key, compute) as T;
  }
}
