import { Construct } from 'constructs';
import { NamespaceDefaultProps } from './default-deny';
import { namespaceDefaultPolicy } from './namespace-default-policy';
import { NetworkPolicy } from './network-policy';
import { TrafficDirection } from '../k8s/traffic-direction';
import { PortRange } from '../policy/port-range';

/**
 * Properties of `AllowAllIngress` and `AllowAllEgress`.
 */
export interface AllowAllProps extends NamespaceDefaultProps {
  /**
   * Only these ports (OR), from or to every peer.
   *
   * @default - every port of every protocol, as in the Kubernetes docs
   */
  readonly ports?: PortRange[];
}

/**
 * Allows all ingress to the pods of a namespace (or the target): the docs' `allow-all-ingress`,
 * `ingress: [{}]`. No other policy can then deny them incoming connections.
 *
 * Named `allow-all-ingress`.
 *
 * @example
 * new AllowAllIngress(chart, 'allow-ingress');
 * // a public web server: every source, HTTPS only
 * new AllowAllIngress(chart, 'public-web', { target: PolicyTarget.labels({ app: 'web' }), ports: [PortRange.HTTPS] });
 */
export class AllowAllIngress extends Construct {
  /** The emitted policy. */
  public readonly policy: NetworkPolicy;

  constructor(scope: Construct, id: string, props: AllowAllProps = {}) {
    super(scope, id);
    this.policy = namespaceDefaultPolicy(this, props, 'allow-all-ingress', [TrafficDirection.INGRESS]);
    this.policy.addIngressRuleFromAnywhere(props.ports);
  }
}

/**
 * Allows all egress from the pods of a namespace (or the target): the docs' `allow-all-egress`,
 * `egress: [{}]`. No other policy can then deny them outgoing connections.
 *
 * Named `allow-all-egress`.
 *
 * @example
 * new AllowAllEgress(chart, 'allow-egress');
 */
export class AllowAllEgress extends Construct {
  /** The emitted policy. */
  public readonly policy: NetworkPolicy;

  constructor(scope: Construct, id: string, props: AllowAllProps = {}) {
    super(scope, id);
    this.policy = namespaceDefaultPolicy(this, props, 'allow-all-egress', [TrafficDirection.EGRESS]);
    this.policy.addEgressRuleToAnywhere(props.ports);
  }
}

