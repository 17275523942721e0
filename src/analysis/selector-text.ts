import { CompiledPolicy } from './compiled-policy';
import { CompiledSelector, LabelRequirement } from './compiled-selector';
import { KubeNetworkPolicyPeer } from '../k8s/kube-json';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * A selector as `kubectl -l` writes one: `app=api,tier in (web,db),!debug`; empty for the
 * selector that matches everything.
 */
export function selectorText(selector: CompiledSelector): string {
  return selector.requirements.map(requirementText).join(',');
}

/** One requirement in `kubectl -l` syntax. */
function requirementText(requirement: LabelRequirement): string {
  const values = [...new Set(requirement.values)];
  switch (requirement.operator) {
    case 'In':
      return values.length === 1 ? `${requirement.key}=${values[0]}` : `${requirement.key} in (${values.join(',')})`;
    case 'NotIn':
      return values.length === 1 ? `${requirement.key}!=${values[0]}` : `${requirement.key} notin (${values.join(',')})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/** The peer as written in the policy's spec. */
export function rawPeer(policy: CompiledPolicy, direction: TrafficDirection, ruleIndex: number, peerIndex: number): KubeNetworkPolicyPeer {
  const rule = direction === TrafficDirection.INGRESS ? policy.spec.ingress![ruleIndex].from : policy.spec.egress![ruleIndex].to;
  return rule![peerIndex];
}

/** `10.0.0.0/8 except 10.1.0.0/16, 10.2.0.0/16`. */
export function ipBlockText(peer: KubeNetworkPolicyPeer): string {
  const block = peer.ipBlock!;
  return block.except?.length ? `${block.cidr} except ${block.except.join(', ')}` : block.cidr;
}
