import { describeNamespaces, namespacedPod, namespacesNamedSelector } from './cluster-policy-selectors';
import { LabelSelector } from './label-selector';
import { namespaceNameSelector } from './namespace-name';
import { KubeClusterNetworkPolicySubject } from '../k8s/kube-json';

/**
 * The pods a ClusterNetworkPolicy applies to (`spec.subject`): every pod of some namespaces, or
 * some pods of some (or all) namespaces. Pods on the host network are never subjects.
 *
 * Being a subject isolates nothing: only the policy's rules act, and traffic no rule matches
 * goes on to the next tier.
 *
 * @example
 * ClusterPolicySubject.allNamespaces();
 * ClusterPolicySubject.namespacesNamed(['payments', 'ledger']);
 * ClusterPolicySubject.podsInNamespaces(LabelSelector.of({ labels: { app: 'db' } }), LabelSelector.of({ labels: { env: 'prod' } }));
 */
export class ClusterPolicySubject {
  /**
   * Every pod of every namespace (`namespaces: {}`).
   *
   * @example
   * ClusterPolicySubject.allNamespaces();
   */
  public static allNamespaces(): ClusterPolicySubject {
    return new ClusterPolicySubject(LabelSelector.all(), undefined);
  }

  /**
   * Every pod of the namespaces matching `selector`.
   *
   * @param selector which namespaces, by their labels
   * @example
   * ClusterPolicySubject.namespaces(LabelSelector.of({ labels: { env: 'prod' } }));
   */
  public static namespaces(selector: LabelSelector): ClusterPolicySubject {
    return new ClusterPolicySubject(selector, undefined);
  }

  /**
   * Every pod of the namespace called `name`.
   *
   * @param name a namespace name
   * @example
   * ClusterPolicySubject.namespaceNamed('payments');
   */
  public static namespaceNamed(name: string): ClusterPolicySubject {
    return new ClusterPolicySubject(namespaceNameSelector('ClusterPolicySubject.namespaceNamed', name), undefined);
  }

  /**
   * Every pod of the namespaces with these names.
   *
   * @param names namespace names, at least one
   * @example
   * ClusterPolicySubject.namespacesNamed(['payments', 'ledger']);
   */
  public static namespacesNamed(names: string[]): ClusterPolicySubject {
    return new ClusterPolicySubject(namespacesNamedSelector('ClusterPolicySubject.namespacesNamed', names), undefined);
  }

  /**
   * The pods matching `pods` in every namespace.
   *
   * @param pods which pods, by their labels
   * @example
   * ClusterPolicySubject.pods(LabelSelector.of({ labels: { 'app.kubernetes.io/component': 'database' } }));
   */
  public static pods(pods: LabelSelector): ClusterPolicySubject {
    return new ClusterPolicySubject(undefined, { pods, namespaces: undefined });
  }

  /**
   * The pods matching `pods` in the namespaces matching `namespaces`.
   *
   * @param pods which pods, by their labels
   * @param namespaces which namespaces, by their labels
   * @example
   * ClusterPolicySubject.podsInNamespaces(LabelSelector.of({ labels: { app: 'db' } }), LabelSelector.of({ labels: { env: 'prod' } }));
   */
  public static podsInNamespaces(pods: LabelSelector, namespaces: LabelSelector): ClusterPolicySubject {
    return new ClusterPolicySubject(undefined, { pods, namespaces });
  }

  /**
   * The pods matching `pods` in the namespace called `name`.
   *
   * @param name a namespace name
   * @param pods which pods, by their labels
   * @example
   * ClusterPolicySubject.podsInNamespaceNamed('shop', LabelSelector.of({ labels: { app: 'db' } }));
   */
  public static podsInNamespaceNamed(name: string, pods: LabelSelector): ClusterPolicySubject {
    return new ClusterPolicySubject(undefined, { pods, namespaces: namespaceNameSelector('ClusterPolicySubject.podsInNamespaceNamed', name) });
  }

  private constructor(
    private readonly namespaceSelector: LabelSelector | undefined,
    private readonly podParts: { readonly pods: LabelSelector; readonly namespaces: LabelSelector | undefined } | undefined,
  ) {}

  /** A short description for messages: `namespace(payments)`, `pods(app=db) in namespaces(env=prod)`, `all namespaces`. */
  public toString(): string {
    if (this.podParts === undefined) {
      return describeNamespaces(this.namespaceSelector!);
    }
    const where = this.podParts.namespaces === undefined ? 'every namespace' : describeNamespaces(this.podParts.namespaces);
    return `pods(${this.podParts.pods}) in ${where}`;
  }

  /**
   * The `spec.subject` JSON.
   *
   * @internal
   */
  public _toKube(): KubeClusterNetworkPolicySubject {
    if (this.podParts === undefined) {
      return { namespaces: this.namespaceSelector!._toKube() };
    }
    return { pods: namespacedPod(this.podParts.pods, this.podParts.namespaces) };
  }
}
