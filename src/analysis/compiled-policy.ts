import { CompiledSelector } from './compiled-selector';
import { IpSet } from './ip-set';
import { PolicyObject } from './manifest-reader';
import { PortSet } from './port-set';
import { TrafficDirection } from './traffic-direction';
import { parseCidr, ParsedCidr } from '../validation/cidr';

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
}

/** Compiles a policy the validator accepted. */
export function compilePolicy(policy: PolicyObject, strictCidr: boolean): CompiledPolicy {
  const spec = withoutNulls(policy.manifest.spec ?? {});
  const ingressRules: any[] = spec.ingress ?? [];
  const egressRules: any[] = spec.egress ?? [];
  // Defaulting of an absent or empty policyTypes: Ingress, plus Egress iff there is an egress rule.
  const types: string[] = spec.policyTypes?.length ? spec.policyTypes : ['Ingress', ...(egressRules.length > 0 ? ['Egress'] : [])];
  const compileRules = (rules: any[], direction: TrafficDirection, peersField: string): CompiledRule[] =>
    rules.map((rule, index) => ({
      direction,
      index,
      peers: rule?.[peersField]?.length ? rule[peersField].map((peer: any) => compilePeer(peer, policy.namespaceName, strictCidr)) : undefined,
      ports: PortSet.fromRulePorts(rule?.ports),
    }));
  return {
    id: `${policy.namespaceName}/${policy.name}`,
    namespaceName: policy.namespaceName,
    origin: policy.origin,
    podSelector: CompiledSelector.compile(spec.podSelector),
    ingress: types.includes('Ingress') ? compileRules(ingressRules, TrafficDirection.INGRESS, 'from') : undefined,
    egress: types.includes('Egress') ? compileRules(egressRules, TrafficDirection.EGRESS, 'to') : undefined,
  };
}

function compilePeer(peer: any, policyNamespace: string, strictCidr: boolean): CompiledPeer {
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
function withoutNulls(value: any): any {
  if (Array.isArray(value)) {
    return value.map((item) => (item === null ? {} : withoutNulls(item)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}
