import { LabelSelector } from './label-selector';
import { NAMESPACE_NAME_LABEL } from '../k8s/kinds';

/** The namespace a selector picks by name alone, if that is all it does. */
export function namespaceNameOf(selector: LabelSelector): string | undefined {
  const keys = Object.keys(selector.labels);
  return keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL && selector.expressions.length === 0
    ? selector.labels[NAMESPACE_NAME_LABEL] : undefined;
}
