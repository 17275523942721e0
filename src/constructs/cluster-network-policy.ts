import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, Chart, JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { earlierNamesake } from './name-index';
import { policyName } from './policy-name';
import { SynthPasses } from './synth-pass';
import { ClusterPolicyAction } from '../k8s/cluster-policy-action';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { InputError, quoted } from '../k8s/input-error';
import { CLUSTER_NETWORK_POLICY_API_VERSION, CLUSTER_NETWORK_POLICY_KIND } from '../k8s/kinds';
import { KubeClusterNetworkPolicyEgressRule, KubeClusterNetworkPolicyIngressRule, KubeClusterNetworkPolicySpec } from '../k8s/kube-json';
import { dns1123SubdomainErrors } from '../k8s/label-syntax';
import { TrafficDirection } from '../k8s/traffic-direction';
import { ClusterPolicyPeer } from '../policy/cluster-policy-peer';
import { ClusterPolicyPort } from '../policy/cluster-policy-port';
import { ClusterPolicySubject } from '../policy/cluster-policy-subject';
import { RenderingScope } from '../policy/rendering-scope';
import { ClusterNetworkPolicyChannel } from '../validation/cluster-network-policy-channel';
import { FindingSeverity } from '../validation/finding';
import { checkClusterNetworkPolicy } from '../validation/validation-memo';
import { NetworkPolicyValidator } from '../validation/validator';

/** The CRD's limits. */
const MAX_RULES = 25;
const MAX_PEERS = 25;
const MAX_PORTS = 25;
const MAX_RULE_NAME = 100;
const MAX_PRIORITY = 1000;

/**
 * One rule of a ClusterNetworkPolicy: what to do with traffic between the subject and any of
 * `peers` on any of `ports`. Rules are evaluated in the order they are added; the first that
 * matches decides.
 *
 * @example
 * const rule: ClusterPolicyRule = {
 *   name: 'no-sandbox',
 *   action: ClusterPolicyAction.DENY,
 *   peers: [ClusterPolicyPeer.namespaceNamed('sandbox')],
 *   ports: [ClusterPolicyPort.tcp(5432)],
 * };
 */
export interface ClusterPolicyRule {
  /** What the rule does with the traffic it matches. */
  readonly action: ClusterPolicyAction;

  /**
   * The other ends (OR), 1 to 25: sources for an ingress rule (pods only), destinations for an
   * egress rule.
   */
  readonly peers: ClusterPolicyPeer[];

  /**
   * The destination ports (OR), 1 to 25.
   *
   * @default - every port of every protocol
   */
  readonly ports?: ClusterPolicyPort[];

  /**
   * A name for the rule, shown by implementations' logs and by this library's explanations (at most 100 characters).
   *
   * @default - no name
   */
  readonly name?: string;
}

/**
 * Properties of a `ClusterNetworkPolicy`.
 */
export interface ClusterNetworkPolicyProps {
  /**
   * The policy's metadata: `name`, `labels`, `annotations`. The object is cluster-scoped, so it
   * has no namespace (the chart's namespace is not applied).
   *
   * @default - the name is the construct id in kebab case (`PaymentsGuardrail` -> `payments-guardrail`)
   */
  readonly metadata?: ApiObjectMetadata;

  /** The tier: Admin (before NetworkPolicy, which cannot override it) or Baseline (after NetworkPolicy, which overrides it). */
  readonly tier: ClusterPolicyTier;

  /**
   * The order among the policies of the tier, 0 to 1000: lower numbers are evaluated first.
   * Two policies of a tier with the same priority that match the same traffic have no defined
   * order; give each policy its own priority.
   */
  readonly priority: number;

  /** The pods the policy applies to. */
  readonly subject: ClusterPolicySubject;

  /**
   * The ingress rules, in order (more can be added with `addIngressRule`).
   *
   * @default - none: the policy has no effect on ingress
   */
  readonly ingress?: ClusterPolicyRule[];

  /**
   * The egress rules, in order (more can be added with `addEgressRule`).
   *
   * @default - none: the policy has no effect on egress
   */
  readonly egress?: ClusterPolicyRule[];

  /**
   * The channel of the CRD in the target cluster: the experimental channel has the `nodes` and
   * `domainNames` egress peers. The policy is validated against it on every synth.
   *
   * @default ClusterNetworkPolicyChannel.STANDARD
   */
  readonly channel?: ClusterNetworkPolicyChannel;
}

/**
 * A `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy: cluster-wide rules evaluated in
 * the Admin tier (before namespaces' NetworkPolicies, which cannot override them) or the Baseline
 * tier (after them, for pods no NetworkPolicy isolates). Within a tier, policies are evaluated by
 * ascending priority and rules in the order written; the first rule that matches decides: Accept
 * allows, Deny drops, Pass skips the rest of the tier.
 *
 * - What the API server would refuse is refused when a rule is added: ingress rules with address
 *   peers, more than 25 rules or peers, a range of one port, `nodes` or `domainNames` outside the
 *   experimental channel, a named port with an address peer, domain names outside an Admin
 *   Accept rule.
 * - The rendered manifest is checked with `ClusterNetworkPolicyValidator` on every synth, and its
 *   name must be unique among the app's ClusterNetworkPolicies.
 *
 * @example
 * const guardrail = new ClusterNetworkPolicy(chart, 'payments-guardrail', {
 *   tier: ClusterPolicyTier.ADMIN,
 *   priority: 10,
 *   subject: ClusterPolicySubject.namespaceNamed('payments'),
 * });
 * guardrail.addIngressRule({ action: ClusterPolicyAction.PASS, peers: [ClusterPolicyPeer.namespaceNamed('payments')] });
 * guardrail.addIngressRule({ action: ClusterPolicyAction.DENY, peers: [ClusterPolicyPeer.allNamespaces()] });
 */
export class ClusterNetworkPolicy extends Construct {
  /** The emitted object; an escape hatch for patches (`addJsonPatch`), which validation sees too. */
  public readonly apiObject: ApiObject;

  /** The policy's `metadata.name`. */
  public readonly name: string;

  /** The tier. */
  public readonly tier: ClusterPolicyTier;

  /** The priority within the tier. */
  public readonly priority: number;

  /** The pods the policy applies to. */
  public readonly subject: ClusterPolicySubject;

  /** The CRD channel the policy is validated against. */
  public readonly channel: ClusterNetworkPolicyChannel;

  private readonly ingress: ClusterPolicyRule[] = [];
  private readonly egress: ClusterPolicyRule[] = [];

  constructor(scope: Construct, id: string, props: ClusterNetworkPolicyProps) {
    super(scope, id);
    const name = props.metadata?.name ?? (policyName([id]) || 'cluster-network-policy');
    const problems = dns1123SubdomainErrors(name).map((e) => `metadata.name ${quoted(name)}: ${e}`);
    if (props.metadata?.namespace !== undefined) {
      problems.push('metadata.namespace: a ClusterNetworkPolicy is cluster-scoped and has no namespace; leave it out');
    }
    if (!Object.values(ClusterPolicyTier).includes(props.tier)) {
      problems.push(`tier: ${JSON.stringify(props.tier)} is not a ClusterPolicyTier (use ClusterPolicyTier.ADMIN or ClusterPolicyTier.BASELINE)`);
    }
    if (!Number.isInteger(props.priority) || props.priority < 0 || props.priority > MAX_PRIORITY) {
      problems.push(`priority: ${props.priority} must be an integer from 0 to ${MAX_PRIORITY} (lower is evaluated first)`);
    }
    const channel = props.channel ?? ClusterNetworkPolicyChannel.STANDARD;
    if (!Object.values(ClusterNetworkPolicyChannel).includes(channel)) {
      problems.push(`channel: ${JSON.stringify(channel)} is not a ClusterNetworkPolicyChannel`);
    }
    if (problems.length > 0) {
      throw new InputError(this.node.path, problems);
    }
    this.name = name;
    this.tier = props.tier;
    this.priority = props.priority;
    this.subject = props.subject;
    this.channel = channel;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: CLUSTER_NETWORK_POLICY_API_VERSION,
      kind: CLUSTER_NETWORK_POLICY_KIND,
      metadata: { ...props.metadata, name },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    if (Chart.of(this).namespace !== undefined) {
      // cdk8s gives every object its chart's namespace; a cluster-scoped object has none.
      this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    }
    (props.ingress ?? []).forEach((rule) => this.addIngressRule(rule));
    (props.egress ?? []).forEach((rule) => this.addEgressRule(rule));
    // Validated once per synthesis: cdk8s validates the app again for every chart it writes.
    const passes = SynthPasses.of(this);
    this.node.addValidation({ validate: () => passes.perSynthesis(this, () => this.synthProblems()) });
  }

  /**
   * The policy's metadata, to add labels and annotations after construction.
   */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /**
   * Adds an ingress rule after the existing ones: traffic into the subject from any of the rule's
   * peers (pods only: `namespaces` or `pods` peers) on any of its ports.
   *
   * @param rule the rule
   * @example
   * policy.addIngressRule({ action: ClusterPolicyAction.ACCEPT, peers: [ClusterPolicyPeer.namespaceNamed('monitoring')], ports: [ClusterPolicyPort.named('metrics')] });
   */
  public addIngressRule(rule: ClusterPolicyRule): void {
    this.addRule(TrafficDirection.INGRESS, rule);
  }

  /**
   * Adds an egress rule after the existing ones: traffic out of the subject to any of the rule's
   * peers on any of its ports.
   *
   * @param rule the rule
   * @example
   * policy.addEgressRule({ action: ClusterPolicyAction.DENY, peers: [ClusterPolicyPeer.networks(['169.254.169.254/32'])] });
   */
  public addEgressRule(rule: ClusterPolicyRule): void {
    this.addRule(TrafficDirection.EGRESS, rule);
  }

  private addRule(direction: TrafficDirection, rule: ClusterPolicyRule): void {
    const rules = direction === TrafficDirection.INGRESS ? this.ingress : this.egress;
    const method = direction === TrafficDirection.INGRESS ? 'addIngressRule' : 'addEgressRule';
    const problems = this.ruleProblems(direction, rule);
    if (rules.length >= MAX_RULES) {
      problems.push(`the policy already has ${MAX_RULES} ${direction.toLowerCase()} rules, the most the CRD allows; split it into policies of other priorities`);
    }
    if (problems.length > 0) {
      throw new InputError(`${this.node.path}.${method}`, problems);
    }
    rules.push({ action: rule.action, peers: [...rule.peers], ports: rule.ports && [...rule.ports], name: rule.name });
  }

  private ruleProblems(direction: TrafficDirection, rule: ClusterPolicyRule): string[] {
    const problems: string[] = [];
    const experimental = this.channel === ClusterNetworkPolicyChannel.EXPERIMENTAL;
    if (!Object.values(ClusterPolicyAction).includes(rule.action)) {
      problems.push(`action: ${JSON.stringify(rule.action)} is not a ClusterPolicyAction (ACCEPT, DENY or PASS)`);
    }
    if (rule.peers.length === 0 || rule.peers.length > MAX_PEERS) {
      problems.push(`peers: has ${rule.peers.length} entries; give 1 to ${MAX_PEERS} (every pod is ClusterPolicyPeer.allNamespaces())`);
    }
    if (rule.ports !== undefined && (rule.ports.length === 0 || rule.ports.length > MAX_PORTS)) {
      problems.push(`ports: has ${rule.ports.length} entries; give 1 to ${MAX_PORTS}, or leave ports out for every port`);
    }
    if (rule.name !== undefined && [...rule.name].length > MAX_RULE_NAME) {
      problems.push(`name ${quoted(rule.name)}: is longer than ${MAX_RULE_NAME} characters`);
    }
    for (const peer of rule.peers) {
      if (direction === TrafficDirection.INGRESS && !peer.ingressCapable) {
        problems.push(`peers: ${peer} cannot be a source: ingress rules take pods only (namespaces or pods peers)`);
      }
      if ((peer._field === 'nodes' || peer._field === 'domainNames') && !experimental) {
        problems.push(`peers: ${peer} exists only in the CRD's experimental channel; set channel: ClusterNetworkPolicyChannel.EXPERIMENTAL if the cluster runs it`);
      }
      if (peer._field === 'domainNames' && (this.tier !== ClusterPolicyTier.ADMIN || rule.action !== ClusterPolicyAction.ACCEPT)) {
        problems.push(`peers: ${peer}: domain names are for Accept rules of the Admin tier only (this is a ${rule.action} rule of the ${this.tier} tier); `
          + 'deny by address with ClusterPolicyPeer.networks, or allow the names and deny the rest in a later rule');
      }
    }
    const named = (rule.ports ?? []).filter((port) => port.name !== undefined);
    const addresses = rule.peers.filter((peer) => !peer.ingressCapable);
    if (named.length > 0 && addresses.length > 0) {
      problems.push(`ports: ${named.join(', ')} cannot be used with ${addresses.join(', ')}: addresses carry no port names (the CRD's experimental `
        + 'channel refuses it); put the address peers in a rule with port numbers');
    }
    return problems;
  }

  private renderSpec(): KubeClusterNetworkPolicySpec {
    const parts = (rule: ClusterPolicyRule) => ({
      ...(rule.name !== undefined ? { name: rule.name } : {}),
      action: rule.action,
    });
    const ports = (rule: ClusterPolicyRule) => (rule.ports ? { protocols: rule.ports.map((port) => port._toKube()) } : {});
    const ingress: KubeClusterNetworkPolicyIngressRule[] = this.ingress.map((rule) =>
      ({ ...parts(rule), from: rule.peers.map((p) => p._toKube()), ...ports(rule) }));
    const egress: KubeClusterNetworkPolicyEgressRule[] = this.egress.map((rule) =>
      ({ ...parts(rule), to: rule.peers.map((p) => p._toKube()), ...ports(rule) }));
    return {
      tier: this.tier,
      priority: this.priority,
      subject: this.subject._toKube(),
      ...(ingress.length > 0 ? { ingress } : {}),
      ...(egress.length > 0 ? { egress } : {}),
    };
  }

  private synthProblems(): string[] {
    // The app's analysis validates this policy too: it asks the synthesis's memo for this answer.
    const manifest = RenderingScope.toJson(this.apiObject);
    const problems = SynthPasses.of(this).validations.within(() => checkClusterNetworkPolicy(manifest, { channel: this.channel }))
      .filter((finding) => finding.severity === FindingSeverity.ERROR)
      .map((finding) => `NP-VAL[${this.name}]: ${NetworkPolicyValidator.format(finding)}`);
    const namesake = earlierNamesake(this.apiObject);
    if (namesake !== undefined) {
      problems.push(`NP-INPUT[${this.name}]: metadata.name: ${JSON.stringify(this.name)} is also the name of ${namesake.node.path}; `
        + 'ClusterNetworkPolicy names are unique in the cluster, so set metadata.name on one of them');
    }
    return problems;
  }
}
