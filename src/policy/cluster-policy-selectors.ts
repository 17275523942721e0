/**
 * The selector shapes ClusterNetworkPolicy subjects and peers share, and how messages name them.
 */
import { LabelExpression } from './label-expression';
import { LabelSelector } from './label-selector';
import { namespaceNameOf, namespaceNameSelector } from './namespace-name';
import { InputError } from '../k8s/input-error';
import { NAMESPACE_NAME_LABEL } from '../k8s/kinds';
import { KubeNamespacedPod } from '../k8s/kube-json';

/** A `NamespacedPod`: `namespaceSelector` left out when every namespace is meant. */
export function namespacedPod(pods: LabelSelector, namespaces: LabelSelector | undefined): KubeNamespacedPod {
  return { ...(namespaces === undefined ? {} : { namespaceSelector: namespaces._toKube() }), podSelector: pods._toKube() };
}

/** The selector of the namespaces with these names (`kubernetes.io/metadata.name In (...)`). */
export function namespacesNamedSelector(subject: string, names: string[]): LabelSelector {
  if (names.length === 0) {
    throw new InputError(subject, ['names: is empty, which selects no namespace; list at least one name']);
  }
  names.forEach((name) => namespaceNameSelector(subject, name));
  return names.length === 1 ? namespaceNameSelector(subject, names[0])
    : LabelSelector.of({ expressions: [LabelExpression.oneOf(NAMESPACE_NAME_LABEL, [...new Set(names)])] });
}

/** `all namespaces`, `namespace(name)`, or `namespaces(selector)`. */
export function describeNamespaces(selector: LabelSelector): string {
  if (selector.isEmpty()) {
    return 'all namespaces';
  }
  const name = namespaceNameOf(selector);
  return name === undefined ? `namespaces(${selector})` : `namespace(${name})`;
}
