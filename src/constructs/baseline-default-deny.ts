import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterNetworkPolicy, ClusterPolicyRule } from './cluster-network-policy';
import { ruleName } from './cluster-rule-name';
import { policyName } from './policy-name';
import { ClusterPolicyAction } from '../k8s/cluster-policy-action';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { InputError } from '../k8s/input-error';
import { NAMESPACE_NAME_LABEL } from '../k8s/kinds';
import { TrafficDirection } from '../k8s/traffic-direction';
import { ClusterPolicyPeer } from '../policy/cluster-policy-peer';
import { ClusterPolicyPort } from '../policy/cluster-policy-port';
import { ClusterPolicySubject } from '../policy/cluster-policy-subject';
import { LabelExpression } from '../policy/label-expression';
import { LabelSelector } from '../policy/label-selector';

/**
 * Where the cluster's DNS answers, for a `BaselineDefaultDeny` that allows DNS.
 */
export interface ClusterDnsOptions {
  /**
   * The DNS servers (OR).
   *
   * @default - `ClusterPolicyPeer.KUBE_DNS`: pods labelled `k8s-app: kube-dns` in namespace `kube-system`
   */
  readonly servers?: ClusterPolicyPeer[];

  /**
   * The DNS ports (OR), as the DNS pods listen on them.
   *
   * @default - UDP 53 and TCP 53
   */
  readonly ports?: ClusterPolicyPort[];
}

/**
 * Properties of `BaselineDefaultDeny`.
 */
export interface BaselineDefaultDenyProps {
  /**
   * The policy's metadata: `name`, `labels`, `annotations`.
   *
   * @default - the name is the construct id in kebab case
   */
  readonly metadata?: ApiObjectMetadata;

  /** The order among Baseline-tier policies, 0 to 1000 (lower first); give each policy its own. */
  readonly priority: number;

  /**
   * The pods the default applies to.
   *
   * @default - every pod except those of `kube-system`, whose system components
   * (the DNS among them) would otherwise lose their traffic
   */
  readonly subject?: ClusterPolicySubject;

  /**
   * The directions denied.
   *
   * @default - ingress and egress
   */
  readonly directions?: TrafficDirection[];

  /**
   * Let the subject query the cluster DNS despite the egress deny (an Accept rule before it).
   *
   * @default false
   */
  readonly allowDns?: boolean;

  /**
   * Where DNS answers, when `allowDns` is true.
   *
   * @default - kube-dns on UDP and TCP 53
   */
  readonly dns?: ClusterDnsOptions;
}

/**
 * A default deny for the whole cluster that each namespace opens with its own NetworkPolicies:
 * one Baseline-tier ClusterNetworkPolicy denying the subject's traffic. Baseline comes after
 * NetworkPolicy, so it decides only for the pods no NetworkPolicy isolates in that direction; a
 * namespace that writes policies for its pods decides for them.
 *
 * Ingress rules can only name pods, so the ingress deny covers traffic from pods; traffic from
 * outside the cluster is left to the other layers. The egress deny covers pods and every address
 * (`0.0.0.0/0`, `::/0`).
 *
 * @example
 * new BaselineDefaultDeny(chart, 'default-deny', { priority: 100, allowDns: true });
 */
export class BaselineDefaultDeny extends Construct {
  /** The emitted policy. */
  public readonly policy: ClusterNetworkPolicy;

  constructor(scope: Construct, id: string, props: BaselineDefaultDenyProps) {
    super(scope, id);
    const directions = props.directions ?? [TrafficDirection.INGRESS, TrafficDirection.EGRESS];
    const problems: string[] = [];
    if (directions.length === 0) {
      problems.push('directions: is empty, so the policy would deny nothing; list the directions, or leave directions out for both');
    }
    if (props.dns !== undefined && props.allowDns !== true) {
      problems.push('dns: is only used with allowDns: true; set allowDns: true to allow DNS, or leave dns out');
    }
    if (props.allowDns === true && !directions.includes(TrafficDirection.EGRESS)) {
      problems.push('allowDns: egress is not denied, so DNS needs no exception; leave allowDns out');
    }
    if (problems.length > 0) {
      throw new InputError(this.node.path, problems);
    }
    const everyPod = ClusterPolicyPeer.allNamespaces();
    const everywhere = [everyPod, ClusterPolicyPeer.networks(['0.0.0.0/0', '::/0'])];
    const egress: ClusterPolicyRule[] = [];
    if (props.allowDns === true) {
      const servers = props.dns?.servers ?? [ClusterPolicyPeer.KUBE_DNS];
      egress.push({
        name: ruleName(`allow DNS to ${servers.join(', ')}`),
        action: ClusterPolicyAction.ACCEPT,
        peers: servers,
        ports: props.dns?.ports ?? [ClusterPolicyPort.DNS_UDP, ClusterPolicyPort.DNS_TCP],
      });
    }
    if (directions.includes(TrafficDirection.EGRESS)) {
      egress.push({ name: 'deny all egress', action: ClusterPolicyAction.DENY, peers: everywhere });
    }
    this.policy = new ClusterNetworkPolicy(this, 'Policy', {
      metadata: { ...props.metadata, name: props.metadata?.name ?? policyName([id]) },
      tier: ClusterPolicyTier.BASELINE,
      priority: props.priority,
      subject: props.subject ?? ClusterPolicySubject.namespaces(LabelSelector.of({
        expressions: [LabelExpression.noneOf(NAMESPACE_NAME_LABEL, ['kube-system'])],
      })),
      ingress: directions.includes(TrafficDirection.INGRESS) ? [{ name: 'deny all ingress from pods', action: ClusterPolicyAction.DENY, peers: [everyPod] }] : [],
      egress,
    });
  }
}
