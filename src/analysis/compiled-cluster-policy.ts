/**
 * ClusterNetworkPolicies (`policy.networking.k8s.io/v1alpha2`) compiled for the Admin and
 * Baseline policy layers (DESIGN §4b). Only policies the validator accepted are compiled, and
 * only those whose selectors are label selectors (the validator warns about the others).
 *
 * How a layer reads them, per direction (reference: cluster-network-policy.md §3):
 * - the tier's policies whose `subject` selects the pod (never a hostNetwork pod) are asked by
 *   ascending `priority` (`inEvaluationOrder`); two policies of one tier with the same priority
 *   that could match the same connection have no defined order, which is a finding, not a guess;
 * - each policy's rules of that direction (`ingress` for the destination's side, `egress` for the
 *   source's side) in written order; the first rule that matches decides: `Accept`, `Deny`, or
 *   `Pass` (skip the rest of the tier);
 * - a rule matches when any of its peers matches the other end and its `ports` contain the
 *   connection's port and protocol (named ports resolve on the destination pod);
 * - a subject whose traffic no rule matches is not isolated: the next layer decides.
 */
import { withoutNulls } from './compiled-policy';
import { CompiledSelector, Labels } from './compiled-selector';
import { IpSet } from './ip-set';
import { ClusterPolicyObject } from './manifest-reader';
import { PortSet } from './port-set';
import { parseCidr } from '../k8s/cidr';
import { ClusterPolicyAction } from '../k8s/cluster-policy-action';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import {
  KubeClusterNetworkPolicyEgressPeer, KubeClusterNetworkPolicySpec, KubeClusterNetworkPolicySubject, KubeLabelSelector, KubeNamespacedPod,
} from '../k8s/kube-json';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * Pods by namespace and pod labels: a pod is selected when its namespace's labels match
 * `namespaceSelector` (absent: every namespace) and its own labels match `podSelector` (absent:
 * every pod). Subjects and the `namespaces` and `pods` peers are all of this form; none ever
 * selects a hostNetwork pod.
 */
export interface CompiledPodSelection {
  readonly namespaceSelector?: CompiledSelector;
  readonly podSelector?: CompiledSelector;
  /** Identifies what the selection matches across policies. */
  readonly key: string;
}

/** The field of a ClusterNetworkPolicy peer: `namespaces` and `pods` peers are both `pods` selections. */
export enum ClusterPeerKind {
  /** `namespaces` or `pods`: the pods of `pods` (never hostNetwork pods). */
  PODS = 'pods',
  /** `networks`: the addresses of `networks`, inside the cluster (pod IPs) or outside it. Egress only. */
  NETWORKS = 'networks',
  /** `nodes` (experimental): the `status.addresses` of the nodes `nodes` selects. Egress only. */
  NODES = 'nodes',
  /**
   * `domainNames` (experimental): not evaluable, there is no DNS model. A layer treats the peer
   * as matching no endpoint (the validator has warned), so an Accept on it never decides.
   */
  DOMAIN_NAMES = 'domainNames',
}

/** One item of a rule's `from` or `to`: the field named by `kind` is set. */
export interface CompiledClusterPeer {
  readonly kind: ClusterPeerKind;
  /** For `PODS`. */
  readonly pods?: CompiledPodSelection;
  /** For `NETWORKS`: the union of the CIDRs (host bits ignored). */
  readonly networks?: IpSet;
  /** For `NODES`: which nodes, by their labels; empty selects every node. */
  readonly nodes?: CompiledSelector;
  /** For `DOMAIN_NAMES`: the names, as written. */
  readonly domainNames?: readonly string[];
  /** Identifies what the peer matches across policies. */
  readonly key: string;
}

/** One rule of `spec.ingress` or `spec.egress`. */
export interface CompiledClusterRule {
  readonly direction: TrafficDirection;
  /** The rule's position in its list: `spec.<direction>[index]`. */
  readonly index: number;
  /**
   * The rule's `name`.
   *
   * @default - the rule has no name
   */
  readonly name?: string;
  readonly action: ClusterPolicyAction;
  /** The peers (OR); never empty. */
  readonly peers: readonly CompiledClusterPeer[];
  /** The destination ports: `PortSet.ALL` when `protocols` is absent; named ports under every protocol. */
  readonly ports: PortSet;
}

/** A valid ClusterNetworkPolicy, ready for the layers. */
export interface CompiledClusterPolicy {
  /** `metadata.name`, which identifies it in the cluster. */
  readonly name: string;
  readonly origin: string;
  readonly tier: ClusterPolicyTier;
  /** 0 to 1000: lower is asked first within the tier. */
  readonly priority: number;
  /** Its position among the ClusterNetworkPolicies read; orders equal priorities in reports only. */
  readonly order: number;
  /** The pods the policy applies to. */
  readonly subject: CompiledPodSelection;
  /** The ingress rules, in order; empty: no effect on ingress. */
  readonly ingress: readonly CompiledClusterRule[];
  /** The egress rules, in order; empty: no effect on egress. */
  readonly egress: readonly CompiledClusterRule[];
}

/** The rules of one direction, in order. */
export function clusterRulesOf(policy: CompiledClusterPolicy, direction: TrafficDirection): readonly CompiledClusterRule[] {
  return direction === TrafficDirection.INGRESS ? policy.ingress : policy.egress;
}

/** Compiles a ClusterNetworkPolicy the validator accepted; `order` is its position among those read. */
export function compileClusterPolicy(policy: ClusterPolicyObject, order: number): CompiledClusterPolicy {
  // Validated: every field has its type and every required one is there; JSON null stands for absent.
  const spec = withoutNulls(policy.manifest.spec) as KubeClusterNetworkPolicySpec;
  const rules = (direction: TrafficDirection): CompiledClusterRule[] => {
    const list = direction === TrafficDirection.INGRESS
      ? (spec.ingress ?? []).map((rule) => ({ ...rule, peers: rule.from }))
      : (spec.egress ?? []).map((rule) => ({ ...rule, peers: rule.to }));
    return list.map((rule, index) => ({
      direction,
      index,
      ...(rule.name !== undefined ? { name: rule.name } : {}),
      action: rule.action as ClusterPolicyAction,
      peers: rule.peers.map(compilePeer),
      ports: PortSet.fromClusterProtocols(rule.protocols),
    }));
  };
  return {
    name: policy.name,
    origin: policy.origin,
    tier: spec.tier as ClusterPolicyTier,
    priority: spec.priority,
    order,
    subject: compileSubject(spec.subject),
    ingress: rules(TrafficDirection.INGRESS),
    egress: rules(TrafficDirection.EGRESS),
  };
}

/**
 * The policies of `tier` in the order a layer asks them: ascending priority, then (for equal
 * priorities, whose order the API leaves undefined) reading order.
 */
export function inEvaluationOrder(policies: readonly CompiledClusterPolicy[], tier: ClusterPolicyTier): CompiledClusterPolicy[] {
  return policies.filter((p) => p.tier === tier).sort((a, b) => a.priority - b.priority || a.order - b.order);
}

/** Whether a pod with these labels, in a namespace with these labels, is selected (hostNetwork pods never are). */
export function selectionMatches(selection: CompiledPodSelection, namespaceLabels: Labels, podLabels: Labels, hostNetwork: boolean): boolean {
  return !hostNetwork
    && (selection.namespaceSelector === undefined || selection.namespaceSelector.matches(namespaceLabels))
    && (selection.podSelector === undefined || selection.podSelector.matches(podLabels));
}

function compileSubject(subject: KubeClusterNetworkPolicySubject): CompiledPodSelection {
  return subject.pods ? namespacedPods(subject.pods) : namespaces(subject.namespaces!);
}

function namespaces(selector: KubeLabelSelector): CompiledPodSelection {
  const namespaceSelector = CompiledSelector.compile(selector);
  return { namespaceSelector, key: `namespaces {${namespaceSelector.key}}` };
}

function namespacedPods(pods: KubeNamespacedPod): CompiledPodSelection {
  const namespaceSelector = pods.namespaceSelector ? CompiledSelector.compile(pods.namespaceSelector) : undefined;
  const podSelector = CompiledSelector.compile(pods.podSelector);
  return { namespaceSelector, podSelector, key: `namespaces {${namespaceSelector?.key ?? ''}} pods {${podSelector.key}}` };
}

function compilePeer(peer: KubeClusterNetworkPolicyEgressPeer): CompiledClusterPeer {
  if (peer.namespaces) {
    const pods = namespaces(peer.namespaces);
    return { kind: ClusterPeerKind.PODS, pods, key: pods.key };
  }
  if (peer.pods) {
    const pods = namespacedPods(peer.pods);
    return { kind: ClusterPeerKind.PODS, pods, key: pods.key };
  }
  if (peer.networks) {
    // isCIDR accepted each: the strict parse gives the network, with at most host bits to report.
    const networks = IpSet.fromCidrs(peer.networks.map((text) => parseCidr(text, true).cidr!));
    return { kind: ClusterPeerKind.NETWORKS, networks, key: `networks ${networks}` };
  }
  if (peer.nodes) {
    const nodes = CompiledSelector.compile(peer.nodes);
    return { kind: ClusterPeerKind.NODES, nodes, key: `nodes {${nodes.key}}` };
  }
  const domainNames = [...peer.domainNames!];
  return { kind: ClusterPeerKind.DOMAIN_NAMES, domainNames, key: `domainNames ${[...domainNames].sort().join(',')}` };
}
