import { KubeEgressRule, KubeIngressRule, KubeNetworkPolicyPort } from '../k8s/kube-json';
import { Peer } from '../policy/peer';
import { PortRange } from '../policy/port-range';

/**
 * One ingress or egress rule before rendering. Absent `peers` means every peer (the rule has no
 * `from`/`to`); absent `ports` means every port of every protocol.
 */
export interface RuleSpec {
  readonly peers?: Peer[];
  readonly ports?: PortRange[];
}

/** Rules computed when the policy renders, so that later additions (containers, ports) count. */
export type RuleProducer = () => RuleSpec[];

/**
 * The rules in first-seen order, each once: two rules with the same peers and ports, in any
 * order and with repeats, are one rule. Peers and ports are deduplicated inside a rule too.
 */
export function uniqueRules(specs: RuleSpec[]): RuleSpec[] {
  const rules = new Map<string, RuleSpec>();
  for (const spec of specs) {
    const rule: RuleSpec = { peers: spec.peers && unique(spec.peers), ports: spec.ports && unique(spec.ports) };
    const key = JSON.stringify({
      peers: rule.peers?.map(p => p._key()).sort() ?? 'any',
      ports: rule.ports?.map(p => p._key()).sort() ?? 'all',
    });
    if (!rules.has(key)) {
      rules.set(key, rule);
    }
  }
  return [...rules.values()];
}

/** The v1 `NetworkPolicyIngressRule` JSON. */
export function renderIngressRule(rule: RuleSpec): KubeIngressRule {
  return {
    ...(rule.peers !== undefined ? { from: rule.peers.map(p => p._toKube()) } : {}),
    ...renderPorts(rule),
  };
}

/** The v1 `NetworkPolicyEgressRule` JSON. */
export function renderEgressRule(rule: RuleSpec): KubeEgressRule {
  return {
    ...(rule.peers !== undefined ? { to: rule.peers.map(p => p._toKube()) } : {}),
    ...renderPorts(rule),
  };
}

function renderPorts(rule: RuleSpec): { ports?: KubeNetworkPolicyPort[] } {
  return rule.ports !== undefined ? { ports: rule.ports.map(p => p._toKube()) } : {};
}

function unique<T extends { _key(): string }>(items: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    if (!byKey.has(item._key())) {
      byKey.set(item._key(), item);
    }
  }
  return [...byKey.values()];
}
