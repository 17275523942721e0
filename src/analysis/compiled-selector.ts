import { KubeLabelSelector } from '../k8s/kube-json';

/** Labels of a pod or namespace. */
export type Labels = Readonly<Record<string, string>>;

/** One requirement of a selector; `matchLabels` entries become `In` with one value. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/** A canonical text form of one requirement (values as a set), also used as a cache key. */
export function requirementKey(requirement: LabelRequirement): string {
  return `${requirement.key} ${requirement.operator} ${[...new Set(requirement.values)].sort().join(',')}`;
}

/**
 * A label selector compiled once from its JSON form: `matchLabels` and `matchExpressions`
 * are ANDed, and an empty or absent selector matches everything.
 */
export class CompiledSelector {
  /** Compiles a (validated) selector; `undefined` is the empty selector. */
  public static compile(json: KubeLabelSelector | undefined): CompiledSelector {
    const requirements: LabelRequirement[] = [];
    for (const [key, value] of Object.entries(json?.matchLabels ?? {})) {
      requirements.push({ key, operator: 'In', values: [value] });
    }
    for (const expression of json?.matchExpressions ?? []) {
      requirements.push({ key: expression.key, operator: expression.operator as LabelRequirement['operator'], values: expression.values ?? [] });
    }
    return new CompiledSelector(requirements);
  }

  /** A canonical text form, also used as a cache key. */
  public readonly key: string;

  private constructor(public readonly requirements: readonly LabelRequirement[]) {
    this.key = requirements.map(requirementKey).sort().join('; ');
  }

  public matches(labels: Labels): boolean {
    for (const requirement of this.requirements) {
      if (!requirementMatches(requirement, labels)) {
        return false;
      }
    }
    return true;
  }
}

function requirementMatches(requirement: LabelRequirement, labels: Labels): boolean {
  // Label values are strings; anything else (an inherited property such as `constructor`) is no label.
  const value: unknown = labels[requirement.key];
  const present = typeof value === 'string';
  switch (requirement.operator) {
    case 'In':
      return present && requirement.values.includes(value);
    case 'NotIn':
      // Kubernetes: NotIn also matches objects that lack the key.
      return !present || !requirement.values.includes(value);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
  }
}
