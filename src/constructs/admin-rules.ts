import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterNetworkPolicy, ClusterPolicyRule } from './cluster-network-policy';
import { ruleName } from './cluster-rule-name';
import { policyName } from './policy-name';
import { ClusterPolicyAction } from '../k8s/cluster-policy-action';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { InputError } from '../k8s/input-error';
import { ClusterPolicyPeer } from '../policy/cluster-policy-peer';
import { ClusterPolicyPort } from '../policy/cluster-policy-port';
import { ClusterPolicySubject } from '../policy/cluster-policy-subject';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';

/**
 * Properties of the Admin-tier intents (`AdminDeny`, `AdminAllow`, `AdminPass`): one policy
 * whose ingress rule covers traffic from `sources` and whose egress rule covers traffic to
 * `destinations`, on `ports`.
 */
export interface AdminRuleProps {
  /**
   * The policy's metadata: `name`, `labels`, `annotations`.
   *
   * @default - the name is the construct id in kebab case
   */
  readonly metadata?: ApiObjectMetadata;

  /** The order among Admin-tier policies, 0 to 1000 (lower first); give each policy its own. */
  readonly priority: number;

  /** The pods the rules protect or constrain. */
  readonly subject: ClusterPolicySubject;

  /**
   * Traffic into the subject from these pods (one ingress rule).
   *
   * @default - no ingress rule; at least one of `sources` and `destinations` is needed
   */
  readonly sources?: ClusterPolicyPeer[];

  /**
   * Traffic out of the subject to these peers (one egress rule).
   *
   * @default - no egress rule; at least one of `sources` and `destinations` is needed
   */
  readonly destinations?: ClusterPolicyPeer[];

  /**
   * The destination ports the rules cover.
   *
   * @default - every port of every protocol
   */
  readonly ports?: ClusterPolicyPort[];

  /**
   * The channel of the CRD in the target cluster (`nodes` and `domainNames` peers need the experimental one).
   *
   * @default ClusterNetworkPolicyChannel.STANDARD
   */
  readonly channel?: ClusterNetworkPolicyChannel;
}

/**
 * A guardrail: traffic between the subject and the given peers is denied, whatever the
 * namespaces' NetworkPolicies say. One Admin-tier ClusterNetworkPolicy with a Deny rule per
 * direction given.
 *
 * @example
 * // nothing in a dev namespace reaches payments, whatever payments' own policies allow
 * new AdminDeny(chart, 'dev-to-payments', {
 *   priority: 10,
 *   subject: ClusterPolicySubject.namespaceNamed('payments'),
 *   sources: [ClusterPolicyPeer.namespaces(LabelSelector.of({ labels: { env: 'dev' } }))],
 * });
 */
export class AdminDeny extends Construct {
  /** The emitted policy. */
  public readonly policy: ClusterNetworkPolicy;

  constructor(scope: Construct, id: string, props: AdminRuleProps) {
    super(scope, id);
    this.policy = adminPolicy(this, id, props, ClusterPolicyAction.DENY);
  }
}

/**
 * Traffic between the subject and the given peers that no NetworkPolicy can block: an
 * Admin-tier Accept, which ends the evaluation of its side (the other side's policies still
 * apply: an egress Accept does not open the destination's ingress). For what must always work,
 * such as DNS and monitoring.
 *
 * @example
 * // every pod can query the cluster DNS, whatever its namespace's egress policies say
 * new AdminAllow(chart, 'dns', {
 *   priority: 5,
 *   subject: ClusterPolicySubject.allNamespaces(),
 *   destinations: [ClusterPolicyPeer.KUBE_DNS],
 *   ports: [ClusterPolicyPort.DNS_UDP, ClusterPolicyPort.DNS_TCP],
 * });
 * // Prometheus can scrape every pod's metrics port
 * new AdminAllow(chart, 'monitoring', {
 *   priority: 6,
 *   subject: ClusterPolicySubject.allNamespaces(),
 *   sources: [ClusterPolicyPeer.namespaceNamed('monitoring')],
 *   ports: [ClusterPolicyPort.named('metrics')],
 * });
 */
export class AdminAllow extends Construct {
  /** The emitted policy. */
  public readonly policy: ClusterNetworkPolicy;

  constructor(scope: Construct, id: string, props: AdminRuleProps) {
    super(scope, id);
    this.policy = adminPolicy(this, id, props, ClusterPolicyAction.ACCEPT);
  }
}

/**
 * Delegation: traffic between the subject and the given peers skips the rest of the Admin tier
 * and is decided by the namespaces' NetworkPolicies (or, for pods none isolates, by the Baseline
 * tier). Placed at a lower priority number than a broader `AdminDeny`, it carves out what the
 * namespace owners may decide.
 *
 * @example
 * // payments decides for itself about traffic from its own namespace...
 * new AdminPass(chart, 'payments-internal', {
 *   priority: 10,
 *   subject: ClusterPolicySubject.namespaceNamed('payments'),
 *   sources: [ClusterPolicyPeer.namespaceNamed('payments')],
 * });
 * // ...and nothing else gets in
 * new AdminDeny(chart, 'payments-isolated', {
 *   priority: 20,
 *   subject: ClusterPolicySubject.namespaceNamed('payments'),
 *   sources: [ClusterPolicyPeer.allNamespaces()],
 * });
 */
export class AdminPass extends Construct {
  /** The emitted policy. */
  public readonly policy: ClusterNetworkPolicy;

  constructor(scope: Construct, id: string, props: AdminRuleProps) {
    super(scope, id);
    this.policy = adminPolicy(this, id, props, ClusterPolicyAction.PASS);
  }
}

function adminPolicy(scope: Construct, id: string, props: AdminRuleProps, action: ClusterPolicyAction): ClusterNetworkPolicy {
  if (props.sources === undefined && props.destinations === undefined) {
    throw new InputError(scope.node.path, ['sources, destinations: give at least one (sources for traffic into the subject, destinations for traffic out of it)']);
  }
  const rule = (what: string, peers: ClusterPolicyPeer[] | undefined): ClusterPolicyRule[] => (peers === undefined ? [] : [{
    name: ruleName(`${action.toLowerCase()} ${what} ${peers.join(', ')}`),
    action,
    peers,
    ports: props.ports,
  }]);
  return new ClusterNetworkPolicy(scope, 'Policy', {
    metadata: { ...props.metadata, name: props.metadata?.name ?? policyName([id]) },
    tier: ClusterPolicyTier.ADMIN,
    priority: props.priority,
    subject: props.subject,
    ingress: rule('from', props.sources),
    egress: rule('to', props.destinations),
    channel: props.channel,
  });
}
