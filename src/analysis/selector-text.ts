import { CompiledSelector, LabelRequirement } from './compiled-selector';

/**
 * A selector as `kubectl -l` writes one: `app=api,tier in (web,db),!debug`; empty for the
 * selector that matches everything.
 */
export function selectorText(selector: CompiledSelector): string {
  return selector.requirements.map(requirementText).join(',');
}

/** One requirement in `kubectl -l` syntax. */
export function requirementText(requirement: LabelRequirement): string {
  const values = [...new Set(requirement.values)];
  switch (requirement.operator) {
    case 'In':
      return values.length === 1 ? `${requirement.key}=${values[0]}` : `${requirement.key} in (${values.join(',')})`;
    case 'NotIn':
      return values.length === 1 ? `${requirement.key}!=${values[0]}` : `${requirement.key} notin (${values.join(',')})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}
