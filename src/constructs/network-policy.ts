import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { emptyListProblems } from './empty-list';
import { earlierNamesake } from './name-index';
import { policyName } from './policy-name';
import { resolveNamespace } from './policy-namespace';
import { renderEgressRule, renderIngressRule, RuleProducer, RuleSpec, uniqueRules } from './policy-rules';
import { PolicyTarget } from './policy-target';
import { SynthPasses } from './synth-pass';
import { InputError, NetpolError, quoted } from '../k8s/input-error';
import { NETWORK_POLICY_API_VERSION, NETWORK_POLICY_KIND } from '../k8s/kinds';
import { KubeNetworkPolicySpec } from '../k8s/kube-json';
import { dns1123SubdomainErrors } from '../k8s/label-syntax';
import { TrafficDirection } from '../k8s/traffic-direction';
import { Peer } from '../policy/peer';
import { PortRange } from '../policy/port-range';
import { RenderingScope } from '../policy/rendering-scope';
import { FindingSeverity } from '../validation/finding';
import { checkNetworkPolicy } from '../validation/validation-memo';
import { NetworkPolicyValidator } from '../validation/validator';

/**
 * The metadata of the NetworkPolicy an intent construct (`AllowFrom`, `DefaultDenyAll`, ...)
 * emits; its name and namespace are derived when not given.
 */
export interface PolicyMetadataProps {
  /**
   * The policy's metadata: `name`, `namespace`, `labels`, `annotations`.
   *
   * @default - the name is derived from what the policy does (e.g. `allow-frontend-to-db`);
   * the namespace is the target's, else the chart's
   */
  readonly metadata?: ApiObjectMetadata;
}

/**
 * Properties of a `NetworkPolicy`.
 */
export interface NetworkPolicyProps {
  /**
   * The policy's metadata: `name`, `namespace`, `labels`, `annotations`.
   *
   * @default - the name is the construct id in kebab case (`DbPolicy` -> `db-policy`); the
   * namespace is the target's, else the chart's
   */
  readonly metadata?: ApiObjectMetadata;

  /** The pods the policy applies to (`spec.podSelector`). */
  readonly target: PolicyTarget;

  /**
   * The directions the policy isolates (`spec.policyTypes`). A direction listed here without
   * rules for it allows nothing: this is how to isolate on purpose. Rules may only be added
   * for listed directions.
   *
   * @default - the directions that have rules; a policy with neither rules nor policyTypes
   * fails synthesis instead of silently isolating ingress as Kubernetes would
   */
  readonly policyTypes?: TrafficDirection[];
}

/**
 * A `networking.k8s.io/v1` NetworkPolicy built rule by rule: the construct the intent
 * constructs (`AllowFrom`, `DefaultDenyAll`, ...) are made of, for policies they do not cover.
 *
 * - `policyTypes` is always written out, so the API server's defaulting never changes meaning.
 * - Adding a rule that is already there (same peers and ports, in any order) changes nothing.
 * - A policy with no rules and no `policyTypes` is an error at synth: Kubernetes would isolate
 *   ingress and allow nothing. To isolate on purpose, say so with `policyTypes`.
 * - The rendered manifest is checked with `NetworkPolicyValidator` on every synth, and its name
 *   must be unique among the NetworkPolicies of its namespace in the app.
 *
 * The name defaults to the construct id in kebab case (`DbPolicy` -> `db-policy`).
 *
 * @example
 * const policy = new NetworkPolicy(chart, 'test-network-policy', {
 *   target: PolicyTarget.labels({ role: 'db' }),
 * });
 * policy.addIngressRule([Peer.pods(LabelSelector.of({ labels: { role: 'frontend' } }))], [PortRange.REDIS]);
 * policy.addEgressRule([Peer.ipv4('10.0.0.0/24')], [PortRange.tcp(5978)]);
 *
 * // isolate both directions and allow nothing
 * new NetworkPolicy(chart, 'quarantine', {
 *   target: PolicyTarget.labels({ quarantine: 'true' }),
 *   policyTypes: [TrafficDirection.INGRESS, TrafficDirection.EGRESS],
 * });
 */
export class NetworkPolicy extends Construct {
  /** The emitted object; an escape hatch for patches (`addJsonPatch`), which validation sees too. */
  public readonly apiObject: ApiObject;

  /** The pods the policy applies to. */
  public readonly target: PolicyTarget;

  /** The policy's `metadata.name`. */
  public readonly name: string;

  /**
   * The policy's `metadata.namespace`.
   *
   * @default - none: the policy goes to the namespace `kubectl` applies it to
   */
  public readonly namespaceName?: string;

  private readonly policyTypes?: TrafficDirection[];
  private readonly ingress: RuleProducer[] = [];
  private readonly egress: RuleProducer[] = [];

  constructor(scope: Construct, id: string, props: NetworkPolicyProps) {
    super(scope, id);
    const resolved = resolveNamespace(this, props.metadata?.namespace, props.target, 'target', 'metadata');
    const problems = [...resolved.problems];
    const name = props.metadata?.name ?? (policyName([id]) || 'network-policy');
    problems.push(...dns1123SubdomainErrors(name).map(e => `metadata.name ${quoted(name)}: ${e}`));
    if (props.policyTypes !== undefined) {
      if (props.policyTypes.length === 0) {
        problems.push('policyTypes: is empty; leave it out to derive it from the rules, or list the directions to isolate');
      }
      const unknown = props.policyTypes.filter(t => !Object.values(TrafficDirection).includes(t));
      if (unknown.length > 0) {
        problems.push(`policyTypes: ${unknown.map(t => JSON.stringify(t)).join(', ')} is not a TrafficDirection (use TrafficDirection.INGRESS or TrafficDirection.EGRESS)`);
      }
    }
    if (problems.length > 0) {
      throw new InputError(this.node.path, problems);
    }
    this.target = props.target;
    this.name = name;
    this.namespaceName = resolved.namespaceName;
    // Kubernetes' order, whatever order was given.
    this.policyTypes = props.policyTypes && Object.values(TrafficDirection).filter(t => props.policyTypes!.includes(t));
    const passes = SynthPasses.of(this);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: NETWORK_POLICY_API_VERSION,
      kind: NETWORK_POLICY_KIND,
      metadata: { ...props.metadata, name, namespace: this.namespaceName },
      spec: Lazy.any({ produce: () => passes.rendering(() => this.renderSpec()) }),
    });
    // Validated once per synthesis: cdk8s validates the app again for every chart it writes.
    this.node.addValidation({ validate: () => passes.perSynthesis(this, () => this.synthProblems()) });
  }

  /**
   * The policy's metadata, to add labels and annotations after construction (as cdk8s-plus
   * offers): `policy.metadata.addLabel('team', 'shop')`.
   */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /**
   * Allows traffic into the target from any of `sources` on any of `ports` (one `ingress` rule).
   *
   * @param sources the peers allowed in (OR); at least one, use `addIngressRuleFromAnywhere` for every peer
   * @param ports the ports allowed (OR); every port of every protocol when omitted
   * @example
   * policy.addIngressRule([Peer.namespaceNamed('monitoring')], [PortRange.named('metrics')]);
   */
  public addIngressRule(sources: Peer[], ports?: PortRange[]): void {
    this.addRule(TrafficDirection.INGRESS, 'addIngressRule', 'sources', sources, ports);
  }

  /**
   * Allows traffic out of the target to any of `destinations` on any of `ports` (one `egress` rule).
   *
   * @param destinations the peers allowed out to (OR); at least one, use `addEgressRuleToAnywhere` for every peer
   * @param ports the ports allowed (OR); every port of every protocol when omitted
   * @example
   * policy.addEgressRule([Peer.ipv4('0.0.0.0/0', ['10.0.0.0/8'])], [PortRange.HTTPS]);
   */
  public addEgressRule(destinations: Peer[], ports?: PortRange[]): void {
    this.addRule(TrafficDirection.EGRESS, 'addEgressRule', 'destinations', destinations, ports);
  }

  /**
   * Allows traffic into the target from every source, inside the cluster or not, on `ports`
   * (an `ingress` rule without `from`).
   *
   * @param ports the ports allowed; every port of every protocol when omitted (`ingress: [{}]`)
   * @example
   * policy.addIngressRuleFromAnywhere([PortRange.HTTPS]);
   */
  public addIngressRuleFromAnywhere(ports?: PortRange[]): void {
    this.addRule(TrafficDirection.INGRESS, 'addIngressRuleFromAnywhere', 'sources', undefined, ports);
  }

  /**
   * Allows traffic out of the target to every destination, inside the cluster or not, on
   * `ports` (an `egress` rule without `to`).
   *
   * @param ports the ports allowed; every port of every protocol when omitted (`egress: [{}]`)
   * @example
   * policy.addEgressRuleToAnywhere([PortRange.DNS_UDP, PortRange.DNS_TCP]);
   */
  public addEgressRuleToAnywhere(ports?: PortRange[]): void {
    this.addRule(TrafficDirection.EGRESS, 'addEgressRuleToAnywhere', 'destinations', undefined, ports);
  }

  /**
   * Adds rules computed when the policy renders, for constructs whose ports come from
   * workloads that may still gain containers.
   *
   * @internal
   */
  public _addRules(direction: TrafficDirection, producer: RuleProducer): void {
    this.checkDirection(direction, '_addRules');
    (direction === TrafficDirection.INGRESS ? this.ingress : this.egress).push(producer);
  }

  private addRule(direction: TrafficDirection, method: string, peerField: string, peers: Peer[] | undefined, ports: PortRange[] | undefined): void {
    this.checkDirection(direction, method);
    const anywhere = direction === TrafficDirection.INGRESS ? 'addIngressRuleFromAnywhere' : 'addEgressRuleToAnywhere';
    const problems = [
      ...emptyListProblems(peers, peerField, 'every peer', `list the peers, or call ${anywhere}() if every peer is meant`),
      ...emptyListProblems(ports, 'ports', 'every port', 'list the ports, or leave ports out if every port is meant'),
    ];
    if (problems.length > 0) {
      throw new InputError(`${this.node.path}.${method}`, problems);
    }
    const rule: RuleSpec = { peers: peers && [...peers], ports: ports && [...ports] };
    (direction === TrafficDirection.INGRESS ? this.ingress : this.egress).push(() => [rule]);
  }

  private checkDirection(direction: TrafficDirection, method: string): void {
    if (this.policyTypes !== undefined && !this.policyTypes.includes(direction)) {
      throw new InputError(`${this.node.path}.${method}`, [`policyTypes is [${this.policyTypes.join(', ')}], so ${direction.toLowerCase()} rules `
        + `would have no effect; add TrafficDirection.${direction.toUpperCase()} to policyTypes`]);
    }
  }

  private rules(): { ingress: RuleSpec[]; egress: RuleSpec[] } {
    return {
      ingress: uniqueRules(this.ingress.flatMap(produce => produce())),
      egress: uniqueRules(this.egress.flatMap(produce => produce())),
    };
  }

  private renderSpec(): KubeNetworkPolicySpec {
    const { ingress, egress } = this.rules();
    const policyTypes = this.policyTypes ?? [
      ...(ingress.length > 0 ? [TrafficDirection.INGRESS] : []),
      ...(egress.length > 0 ? [TrafficDirection.EGRESS] : []),
    ];
    return {
      podSelector: this.target.podSelector._toKube(),
      ...(policyTypes.length > 0 ? { policyTypes } : {}),
      ...(ingress.length > 0 ? { ingress: ingress.map(renderIngressRule) } : {}),
      ...(egress.length > 0 ? { egress: egress.map(renderEgressRule) } : {}),
    };
  }

  private synthProblems(): string[] {
    const subject = this.namespaceName === undefined ? this.name : `${this.namespaceName}/${this.name}`;
    // A workload whose pods cannot be read (no pod template, no labels) stops the checks that render the policy.
    const unreadable = this.target._workload()?.problems() ?? [];
    let rendered: { ingress: RuleSpec[]; egress: RuleSpec[] } | undefined;
    try {
      rendered = unreadable.length === 0 ? this.rules() : undefined;
    } catch (e) {
      if (!(e instanceof NetpolError)) {
        throw e;
      }
      unreadable.push(e.message);
    }
    if (rendered === undefined) {
      return unreadable;
    }
    const problems: string[] = [];
    const { ingress, egress } = rendered;
    if (this.policyTypes === undefined && ingress.length === 0 && egress.length === 0) {
      problems.push(`NP-INPUT[${subject}]: spec: the policy has no rules and no policyTypes, so Kubernetes would isolate ingress of `
        + `${this.target} and allow nothing; add rules, or say so with policyTypes: [TrafficDirection.INGRESS] (or use DefaultDenyIngress)`);
    }
    for (const [field, rules] of [['spec.ingress', ingress], ['spec.egress', egress]] as const) {
      problems.push(...this.unplacedWorkloads(rules).map(peer => `NP-INPUT[${subject}]: ${field}: ${peer} has no namespace (neither its `
        + `own nor its chart's), so the rule would look for its pods in ${JSON.stringify(this.namespaceName)}; give the workload or its chart a namespace`));
    }
    // The app's analysis validates this policy too: it asks the synthesis's memo for this answer.
    for (const finding of SynthPasses.of(this).validations.within(() => checkNetworkPolicy(RenderingScope.toJson(this.apiObject)))) {
      if (finding.severity === FindingSeverity.ERROR) {
        problems.push(`NP-VAL[${subject}]: ${NetworkPolicyValidator.format(finding)}`);
      }
    }
    problems.push(...this.nameClash(subject));
    return problems;
  }

  /** Workload peers whose pods' namespace is unknown, in a policy whose namespace is known. */
  private unplacedWorkloads(rules: RuleSpec[]): Peer[] {
    if (this.namespaceName === undefined) {
      return [];
    }
    return rules.flatMap(rule => rule.peers ?? []).filter(peer => {
      const workload = peer._workload();
      return workload !== undefined && workload.namespaceName === undefined && peer.namespaceSelector === undefined;
    });
  }

  /** Another NetworkPolicy of the app with this name and namespace; only the later one reports it. */
  private nameClash(subject: string): string[] {
    const namesake = earlierNamesake(this.apiObject);
    if (namesake === undefined) {
      return [];
    }
    const where = this.namespaceName === undefined ? 'without a namespace' : `in namespace ${JSON.stringify(this.namespaceName)}`;
    return [`NP-INPUT[${subject}]: metadata.name: ${JSON.stringify(this.name)} is also the name of ${namesake.node.path} ${where}; `
      + 'NetworkPolicy names must be unique per namespace, so set metadata.name on one of them'];
  }
}
