import * as kplus from 'cdk8s-plus-27';
import { InputError, quoted } from '../k8s/input-error';
import { dns1123LabelErrors } from '../k8s/label-syntax';
import { LabelSelector } from '../policy/label-selector';
import { Peer } from '../policy/peer';
import { workloadDescription, workloadPodSelector } from '../policy/workload-selector';

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
   * The pods of a cdk8s-plus-27 workload (`Deployment`, `StatefulSet`, `DaemonSet`, `Job`,
   * `CronJob`) or `Pod`, in the workload's namespace. Rules without ports that lead to these
   * pods use their container ports, with their protocols.
   *
   * @param workload the cdk8s-plus-27 workload or pod
   * @example
   * const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', portNumber: 8080 }] });
   * PolicyTarget.workload(api);
   */
  public static workload(workload: kplus.AbstractPod): PolicyTarget {
    // Only the pod selector: the policy is placed in the workload's namespace instead.
    return new PolicyTarget(workloadPodSelector(workload), workloadDescription(workload), workload.metadata.namespace, workload);
  }

  /**
   * Every pod in a cdk8s-plus-27 `Namespace`; the policy is placed in that namespace.
   *
   * @param ns the namespace
   * @example
   * const shop = new kplus.Namespace(chart, 'shop', { metadata: { name: 'shop' } });
   * new DefaultDenyAll(chart, 'deny', { target: PolicyTarget.allPodsIn(shop) });
   */
  public static allPodsIn(ns: kplus.Namespace): PolicyTarget {
    return PolicyTarget.all().inNamespaceNamed(ns.name);
  }

  private static nonEmpty(subject: string, field: string, selector: LabelSelector): PolicyTarget {
    if (selector.isEmpty()) {
      throw new InputError(subject, [`${field}: is empty, which would select every pod of the namespace; use PolicyTarget.all() if that is the intent`]);
    }
    return new PolicyTarget(selector, `pods(${selector})`);
  }

  /** The pod selector rendered as `spec.podSelector`; empty for `all()`. */
  public readonly podSelector: LabelSelector;

  /**
   * The namespace the pods are in, which is also the policy's.
   *
   * @default - none: the policy's `metadata.namespace`, else its chart's namespace
   */
  public readonly namespaceName?: string;

  private readonly description: string;

  private readonly workload?: kplus.AbstractPod;

  private constructor(podSelector: LabelSelector, description: string, namespaceName?: string, workload?: kplus.AbstractPod) {
    this.podSelector = podSelector;
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
    return new PolicyTarget(this.podSelector, this.description, name, this.workload);
  }

  /** A short description for messages, e.g. `pods(app=web) in namespace(prod)`. */
  public toString(): string {
    return this.namespaceName === undefined ? this.description : `${this.description} in namespace(${this.namespaceName})`;
  }

  /**
   * The cdk8s-plus-27 workload or pod behind this target, if any.
   *
   * @internal
   */
  public _workload(): kplus.AbstractPod | undefined {
    return this.workload;
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
      return Peer._fromSelectors({ podSelector: this.podSelector, description, workload: this.workload });
    }
    if (ownNamespace === undefined) {
      return undefined;
    }
    return Peer._fromSelectors({
      // A pod selector matching everything adds nothing beside a namespace selector.
      podSelector: this.podSelector.isEmpty() ? undefined : this.podSelector,
      namespaceSelector: Peer.namespaceNamed(ownNamespace).namespaceSelector,
      description: description === undefined ? undefined : `${description} in namespace(${ownNamespace})`,
      workload: this.workload,
    });
  }
}
