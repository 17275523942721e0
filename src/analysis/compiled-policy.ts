import { CompiledSelector } from './compiled-selector';
import { IpSet } from './ip-set';
import { PolicyObject } from './manifest-reader';
import { PortSet } from './port-set';
import { parseCidr, ParsedCidr } from '../k8s/cidr';
import { KubeNetworkPolicyPeer, KubeNetworkPolicyPort, KubeNetworkPolicySpec } from '../k8s/kube-json';
import { printable } from '../k8s/printable';
import { TrafficDirection } from '../k8s/traffic-direction';

/** One `from`/`to` item. Exactly one of the forms applies: selectors, or an ipBlock. */
export interface CompiledPeer {
  /** Pods matched within the namespaces in scope (absent: every pod there). */
  readonly podSelector?: CompiledSelector;
  /** Namespaces in scope (absent: only the policy's namespace). */
  readonly namespaceSelector?: CompiledSelector;
  readonly ipBlock?: IpSet;
  /** Identifies the namespaces the peer looks in: its namespace selector's, or the policy's namespace. */
  readonly scopeKey?: string;
  /** Identifies what the peer matches across policies (includes the policy namespace when that is the scope). */
  readonly key: string;
}

/** One ingress or egress rule. */
export interface CompiledRule {
  readonly direction: TrafficDirection;
  readonly index: number;
  /** Undefined when `from`/`to` is absent or empty: every peer, inside or outside the cluster. */
  readonly peers?: readonly CompiledPeer[];
  readonly ports: PortSet;
}

/** A valid `networking.k8s.io/v1` NetworkPolicy, ready for evaluation. */
export interface CompiledPolicy {
  /** `namespace/name`. */
  readonly id: string;
  readonly namespaceName: string;
  readonly origin: string;
  readonly podSelector: CompiledSelector;
  /** Undefined when Ingress is not in the effective policyTypes (the policy does not isolate ingress). */
  readonly ingress?: readonly CompiledRule[];
  /** Undefined when Egress is not in the effective policyTypes. */
  readonly egress?: readonly CompiledRule[];
  /** The spec as written (validated, JSON nulls dropped): for messages that quote it, and rules no direction keeps. */
  readonly spec: Partial<KubeNetworkPolicySpec>;
}

/** An ingress or egress rule, its `from` or `to` as `peers`. */
interface RuleParts {
  readonly peers?: KubeNetworkPolicyPeer[];
  readonly ports?: KubeNetworkPolicyPort[];
}

/** The rules of one direction (none when the policy does not isolate it). */
export function directionRules(policy: CompiledPolicy, direction: TrafficDirection): readonly CompiledRule[] {
  return (direction === TrafficDirection.INGRESS ? policy.ingress : policy.egress) ?? [];
}

/** Compiles a policy the validator accepted. */
export function compilePolicy(policy: PolicyObject, strictCidr: boolean): CompiledPolicy {
  // Validated: every field has its type, though JSON null may stand for an absent one.
  const spec = (withoutNulls(policy.manifest.spec) ?? {}) as Partial<KubeNetworkPolicySpec>;
  const egressRules = spec.egress ?? [];
  // Defaulting of an absent or empty policyTypes: Ingress, plus Egress iff there is an egress rule.
  const types: readonly string[] = spec.policyTypes?.length
    ? spec.policyTypes
    : [TrafficDirection.INGRESS, ...(egressRules.length > 0 ? [TrafficDirection.EGRESS] : [])];
  const compileRules = (rules: readonly RuleParts[], direction: TrafficDirection): CompiledRule[] =>
    rules.map(({ peers, ports }, index) => ({
      direction,
      index,
      peers: peers?.length ? peers.map((peer) => compilePeer(peer, policy.namespaceName, strictCidr)) : undefined,
      ports: PortSet.fromRulePorts(ports),
    }));
  return {
    id: printable(`${policy.namespaceName}/${policy.name}`),
    namespaceName: policy.namespaceName,
    origin: policy.origin,
    podSelector: CompiledSelector.compile(spec.podSelector),
    ingress: types.includes(TrafficDirection.INGRESS)
      ? compileRules((spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports })), TrafficDirection.INGRESS) : undefined,
    egress: types.includes(TrafficDirection.EGRESS)
      ? compileRules(egressRules.map((r) => ({ peers: r.to, ports: r.ports })), TrafficDirection.EGRESS) : undefined,
    spec,
  };
}

function compilePeer(peer: KubeNetworkPolicyPeer, policyNamespace: string, strictCidr: boolean): CompiledPeer {
  if (peer.ipBlock) {
    const cidr = (text: string): ParsedCidr => parseCidr(text, strictCidr).cidr!;
    const ipBlock = IpSet.fromIpBlock(cidr(peer.ipBlock.cidr), (peer.ipBlock.except ?? []).map(cidr));
    return { ipBlock, key: `ipBlock ${ipBlock}` };
  }
  const podSelector = peer.podSelector ? CompiledSelector.compile(peer.podSelector) : undefined;
  const namespaceSelector = peer.namespaceSelector ? CompiledSelector.compile(peer.namespaceSelector) : undefined;
  const scopeKey = namespaceSelector ? `namespaces {${namespaceSelector.key}}` : `namespace ${policyNamespace}`;
  return { podSelector, namespaceSelector, scopeKey, key: `${scopeKey} pods {${podSelector?.key ?? ''}}` };
}

/** JSON null decodes as an absent field (and as an empty struct inside a list), as the API server reads it. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => (item === null ? {} : withoutNulls(item)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value === null ? undefined : value;
}
