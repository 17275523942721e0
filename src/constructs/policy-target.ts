import { IConstruct } from 'constructs';
import { InputError, quoted } from '../k8s/input-error';
import { dns1123LabelErrors } from '../k8s/label-syntax';
import { LabelSelector } from '../policy/label-selector';
import { namespaceConstructName } from '../policy/namespace-construct';
import { Peer } from '../policy/peer';
import { WorkloadConstruct } from '../policy/workload-construct';

/**
 * The pods a policy applies to (`spec.podSelector`), optionally pinned to a namespace.
 *
 * A policy can only select pods in its own namespace, so a target with a namespace also places
 * the policy there. Selecting every pod is a deliberate choice: ask for it with `all()`; an
 * empty selector given to `selector()` or `labels()` is an error.
 *
 * @example
 * PolicyTarget.labels({ role: 'db' });
 * PolicyTarget.selector(LabelSelector.of({ expressions: [LabelExpression.oneOf('tier', ['api', 'web'])] }));
 * PolicyTarget.workload(deployment);
 * PolicyTarget.all().inNamespaceNamed('prod');
 */
export class PolicyTarget {
  /**
   * Every pod in the policy's namespace (`podSelector: {}`).
   *
   * @example
   * new DefaultDenyIngress(chart, 'deny', { target: PolicyTarget.all() });
   */
  public static all(): PolicyTarget {
    return new PolicyTarget(LabelSelector.all(), 'all pods');
  }

  /**
   * Pods carrying all of `labels` (`matchLabels`).
   *
   * @param labels at least one label; keys and values are checked like the API server does
   * @example
   * PolicyTarget.labels({ app: 'api', tier: 'backend' });
   */
  public static labels(labels: { [key: string]: string }): PolicyTarget {
    return PolicyTarget.nonEmpty('PolicyTarget.labels', 'labels', LabelSelector.of({ labels }));
  }

  /**
   * Pods matching `selector`.
   *
   * @param selector a selector with at least one label or expression (use `all()` for every pod)
   * @example
   * PolicyTarget.selector(LabelSelector.of({ expressions: [LabelExpression.exists('app')] }));
   */
  public static selector(selector: LabelSelector): PolicyTarget {
    return PolicyTarget.nonEmpty('PolicyTarget.selector', 'selector', selector);
  }

  /**
   * The pods of a workload, in the workload's namespace: a `Deployment`, `StatefulSet`,
   * `DaemonSet`, `ReplicaSet`, `Job`, `CronJob` or `Pod` of any cdk8s-plus line, an imported
   * `KubeDeployment` (and the like), or an `ApiObject` of one of those kinds. The pods are
   * selected by the labels of the pod template, read from the rendered object at synth (see
   * `Peer.workload`). Rules without ports that lead to these pods use their container ports,
   * with their protocols.
   *
   * @param workload the workload or pod construct
   * @example
   * const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 8080 }] });
   * PolicyTarget.workload(api);
   */
  public static workload(workload: IConstruct): PolicyTarget {
    const ref = WorkloadConstruct.of('PolicyTarget.workload', workload);
    // Only the pod selector: the policy is placed in the workload's namespace instead.
    return new PolicyTarget(undefined, ref.toString(), ref.namespaceName, ref);
  }

  /**
   * Every pod in a namespace; the policy is placed in that namespace. The namespace is a
   * cdk8s-plus `Namespace` of any line, an imported `KubeNamespace`, or an `ApiObject` of kind
   * `Namespace`.
   *
   * @param ns the namespace construct
   * @example
   * const shop = new kplus.Namespace(chart, 'shop', { metadata: { name: 'shop' } });
   * new DefaultDenyAll(chart, 'deny', { target: PolicyTarget.allPodsIn(shop) });
   */
  public static allPodsIn(ns: IConstruct): PolicyTarget {
    return PolicyTarget.all().inNamespaceNamed(namespaceConstructName('PolicyTarget.allPodsIn', ns));
  }

  private static nonEmpty(subject: string, field: string, selector: LabelSelector): PolicyTarget {
    if (selector.isEmpty()) {
      throw new InputError(subject, [`${field}: is empty, which would select every pod of the namespace; use PolicyTarget.all() if that is the intent`]);
    }
    return new PolicyTarget(selector, `pods(${selector})`);
  }

  /**
   * The pod selector rendered as `spec.podSelector`; empty for `all()`. For a workload, read
   * from its pod template each time it is asked for.
   */
  public get podSelector(): LabelSelector {
    return this.workload !== undefined ? this.workload.podSelector() : this.pods!;
  }

  /**
   * The namespace the pods are in, which is also the policy's.
   *
   * @default - none: the policy's `metadata.namespace`, else its chart's namespace
   */
  public readonly namespaceName?: string;

  /** The selector of a target that is not a workload. */
  private readonly pods?: LabelSelector;

  private readonly description: string;

  private readonly workload?: WorkloadConstruct;

  private constructor(pods: LabelSelector | undefined, description: string, namespaceName?: string, workload?: WorkloadConstruct) {
    this.pods = pods;
    this.description = description;
    this.namespaceName = namespaceName;
    this.workload = workload;
  }

  /**
   * The same pods, in the namespace called `name`.
   *
   * @param name a namespace name (DNS-1123 label)
   * @example
   * PolicyTarget.labels({ app: 'api' }).inNamespaceNamed('shop');
   */
  public inNamespaceNamed(name: string): PolicyTarget {
    const problems = dns1123LabelErrors(name).map(e => `name ${quoted(name)}: ${e}`);
    if (this.workload !== undefined && this.namespaceName !== undefined && this.namespaceName !== name) {
      problems.push(`name ${quoted(name)}: ${this.description} is in namespace ${JSON.stringify(this.namespaceName)}`);
    }
    if (problems.length > 0) {
      throw new InputError('PolicyTarget.inNamespaceNamed', problems);
    }
    return new PolicyTarget(this.pods, this.description, name, this.workload);
  }

  /** A short description for messages, e.g. `pods(app=web) in namespace(prod)`. */
  public toString(): string {
    return this.namespaceName === undefined ? this.description : `${this.description} in namespace(${this.namespaceName})`;
  }

  /**
   * The workload behind this target, if any.
   *
   * @internal
   */
  public _workload(): WorkloadConstruct | undefined {
    return this.workload;
  }

  /**
   * Whether the target is every pod of its namespace, known without reading a workload's
   * template (a workload's pods never are).
   *
   * @internal
   */
  public _selectsEveryPod(): boolean {
    return this.workload === undefined && this.pods!.isEmpty();
  }

  /**
   * These pods as a rule peer of a policy in `viewerNamespace`, given that they live in
   * `ownNamespace`; undefined when that cannot be said (their namespace is unknown but the
   * viewer's is not).
   *
   * @internal
   */
  public _toPeer(ownNamespace: string | undefined, viewerNamespace: string | undefined): Peer | undefined {
    const description = this.workload === undefined ? undefined : this.description;
    if (ownNamespace === viewerNamespace) {
      return Peer._fromSelectors({ podSelector: this.pods, description, workload: this.workload });
    }
    if (ownNamespace === undefined) {
      return undefined;
    }
    return Peer._fromSelectors({
      // A pod selector matching everything adds nothing beside a namespace selector.
      podSelector: this._selectsEveryPod() ? undefined : this.pods,
      namespaceSelector: Peer.namespaceNamed(ownNamespace).namespaceSelector,
      description: description === undefined ? undefined : `${description} in namespace(${ownNamespace})`,
      workload: this.workload,
    });
  }
}
