import { LabelSelector } from './label-selector';
import { InputError, quoted } from '../k8s/input-error';
import { NAMESPACE_NAME_LABEL } from '../k8s/kinds';
import { dns1123LabelErrors } from '../k8s/label-syntax';

/** The namespace a selector picks by name alone, if that is all it does. */
export function namespaceNameOf(selector: LabelSelector): string | undefined {
  const keys = Object.keys(selector.labels);
  return keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL && selector.expressions.length === 0
    ? selector.labels[NAMESPACE_NAME_LABEL] : undefined;
}

/** The selector of the namespace called `name` by its `kubernetes.io/metadata.name` label; `subject` and `field` name the input in errors. */
export function namespaceNameSelector(subject: string, name: string, field: string = 'name'): LabelSelector {
  const problems = dns1123LabelErrors(name).map(e => `${field} ${quoted(name)}: ${e}`);
  if (problems.length > 0) {
    throw new InputError(subject, problems);
  }
  return LabelSelector.of({ labels: { [NAMESPACE_NAME_LABEL]: name } });
}
