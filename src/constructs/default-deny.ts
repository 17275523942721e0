import { Construct } from 'constructs';
import { AllowDns, DnsOptions } from './allow-dns';
import { namespaceDefaultPolicy } from './namespace-default-policy';
import { NetworkPolicy, PolicyMetadataProps } from './network-policy';
import { PolicyTarget } from './policy-target';
import { InputError } from '../k8s/input-error';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * Properties of the namespace defaults (`DefaultDenyIngress`, `AllowAllIngress`, ...).
 */
export interface NamespaceDefaultProps extends PolicyMetadataProps {
  /**
   * The pods the default applies to.
   *
   * @default - every pod in the namespace, as in the Kubernetes docs
   */
  readonly target?: PolicyTarget;
}

/**
 * Properties of `DefaultDenyAll` and `DefaultDenyEgress`.
 */
export interface DefaultDenyProps extends NamespaceDefaultProps {
  /**
   * Also allow the target to reach the cluster DNS, with an `AllowDns` policy beside the deny
   * policy (in the same namespace, for the same pods).
   *
   * @default false
   */
  readonly allowDns?: boolean;

  /**
   * Where DNS answers, when `allowDns` is true.
   *
   * @default - kube-dns on UDP and TCP 53 (see `AllowDns`)
   */
  readonly dns?: DnsOptions;
}

/**
 * Denies all ingress to the pods of a namespace (or the target): the docs' `default-deny-ingress`,
 * a policy with `policyTypes: [Ingress]` and no rules. Other policies then allow what is needed.
 *
 * Named `default-deny-ingress`.
 *
 * @example
 * new DefaultDenyIngress(chart, 'deny-ingress');
 */
export class DefaultDenyIngress extends Construct {
  /** The emitted policy. */
  public readonly policy: NetworkPolicy;

  constructor(scope: Construct, id: string, props: NamespaceDefaultProps = {}) {
    super(scope, id);
    this.policy = namespaceDefaultPolicy(this, props, 'default-deny-ingress', [TrafficDirection.INGRESS]);
  }
}

/**
 * Denies all egress from the pods of a namespace (or the target): the docs' `default-deny-egress`,
 * a policy with `policyTypes: [Egress]` and no rules. This stops DNS too; set `allowDns`.
 *
 * Named `default-deny-egress`.
 *
 * @example
 * new DefaultDenyEgress(chart, 'deny-egress', { allowDns: true });
 */
export class DefaultDenyEgress extends Construct {
  /** The emitted deny policy. */
  public readonly policy: NetworkPolicy;

  /**
   * The DNS policy.
   *
   * @default - none, unless `allowDns` is true
   */
  public readonly dns?: AllowDns;

  constructor(scope: Construct, id: string, props: DefaultDenyProps = {}) {
    super(scope, id);
    checkDnsProps(this, props);
    this.policy = namespaceDefaultPolicy(this, props, 'default-deny-egress', [TrafficDirection.EGRESS]);
    this.dns = dnsPolicy(this, props, this.policy);
  }
}

/**
 * Denies all ingress and egress of the pods of a namespace (or the target): the docs'
 * `default-deny-all`, a policy with `policyTypes: [Ingress, Egress]` and no rules. This stops
 * DNS too; set `allowDns`.
 *
 * Named `default-deny-all`.
 *
 * @example
 * new DefaultDenyAll(chart, 'deny-all', { allowDns: true });
 */
export class DefaultDenyAll extends Construct {
  /** The emitted deny policy. */
  public readonly policy: NetworkPolicy;

  /**
   * The DNS policy.
   *
   * @default - none, unless `allowDns` is true
   */
  public readonly dns?: AllowDns;

  constructor(scope: Construct, id: string, props: DefaultDenyProps = {}) {
    super(scope, id);
    checkDnsProps(this, props);
    this.policy = namespaceDefaultPolicy(this, props, 'default-deny-all', [TrafficDirection.INGRESS, TrafficDirection.EGRESS]);
    this.dns = dnsPolicy(this, props, this.policy);
  }
}

function checkDnsProps(scope: Construct, props: DefaultDenyProps): void {
  if (props.dns !== undefined && props.allowDns !== true) {
    throw new InputError(scope.node.path, ['dns: is only used with allowDns: true; set allowDns: true to allow DNS, or leave dns out']);
  }
}

function dnsPolicy(scope: Construct, props: DefaultDenyProps, deny: NetworkPolicy): AllowDns | undefined {
  if (props.allowDns !== true) {
    return undefined;
  }
  return new AllowDns(scope, 'Dns', {
    ...props.dns,
    target: deny.target,
    metadata: { namespace: deny.namespaceName, labels: props.metadata?.labels, annotations: props.metadata?.annotations },
  });
}
