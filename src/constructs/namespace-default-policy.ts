import { Construct } from 'constructs';
import type { NamespaceDefaultProps } from './default-deny';
import { NetworkPolicy } from './network-policy';
import { defaultName } from './policy-name';
import { PolicyTarget } from './policy-target';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * The policy of a namespace default (deny or allow all): every pod unless narrowed, named
 * `base` (plus the target when narrowed), isolating `policyTypes`.
 */
export function namespaceDefaultPolicy(scope: Construct, props: NamespaceDefaultProps, base: string, policyTypes: TrafficDirection[]): NetworkPolicy {
  const target = props.target ?? PolicyTarget.all();
  return new NetworkPolicy(scope, 'Policy', {
    metadata: { ...props.metadata, name: props.metadata?.name ?? defaultName(base, target) },
    target,
    policyTypes,
  });
}
