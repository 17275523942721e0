import { InputError, quoted, shown } from '../k8s/input-error';
import { KubeLabelSelectorRequirement } from '../k8s/kube-json';
import { labelKeyErrors, labelValueErrors } from '../k8s/label-syntax';

/**
 * One requirement on a label, as used in a selector's `matchExpressions`.
 *
 * A selector ANDs all its expressions (and its `labels`). Build expressions with the static
 * factories; each checks the key and values the way the API server does, so a mistake fails
 * at construction instead of at `kubectl apply`.
 *
 * @example
 * const selector = LabelSelector.of({
 *   labels: { app: 'web' },
 *   expressions: [LabelExpression.oneOf('tier', ['frontend', 'edge']), LabelExpression.doesNotExist('canary')],
 * });
 */
export class LabelExpression {
  /**
   * Matches objects whose label `key` has one of `values`.
   *
   * @param key a label key, optionally prefixed (`example.com/tier`)
   * @param values the accepted values; at least one
   * @example
   * LabelExpression.oneOf('env', ['prod', 'staging']);
   */
  public static oneOf(key: string, values: string[]): LabelExpression {
    return new LabelExpression('LabelExpression.oneOf', key, 'In', values);
  }

  /**
   * Matches objects whose label `key` has none of `values`, including objects without the label.
   *
   * @param key a label key, optionally prefixed (`example.com/tier`)
   * @param values the rejected values; at least one
   * @example
   * LabelExpression.noneOf('env', ['dev']);
   */
  public static noneOf(key: string, values: string[]): LabelExpression {
    return new LabelExpression('LabelExpression.noneOf', key, 'NotIn', values);
  }

  /**
   * Matches objects that carry label `key`, whatever its value.
   *
   * @param key a label key, optionally prefixed (`example.com/tier`)
   * @example
   * LabelExpression.exists('app');
   */
  public static exists(key: string): LabelExpression {
    return new LabelExpression('LabelExpression.exists', key, 'Exists');
  }

  /**
   * Matches objects that do not carry label `key`.
   *
   * @param key a label key, optionally prefixed (`example.com/tier`)
   * @example
   * LabelExpression.doesNotExist('canary');
   */
  public static doesNotExist(key: string): LabelExpression {
    return new LabelExpression('LabelExpression.doesNotExist', key, 'DoesNotExist');
  }

  /** The label key this expression tests. */
  public readonly key: string;

  /** The Kubernetes `operator`: `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  public readonly operatorName: string;

  /**
   * The values for `In` and `NotIn`, in the order given.
   *
   * @default - none, for `Exists` and `DoesNotExist`
   */
  public readonly values?: string[];

  /** `_key()`, computed on first use. */
  private identity?: string;

  private constructor(subject: string, key: string, operator: string, values?: string[]) {
    const problems = labelKeyErrors(key).map(e => `key ${quoted(key)}: ${e}`);
    if (values !== undefined && !Array.isArray(values)) {
      problems.push(`values must be a list of label values, not ${shown(values)}`);
    } else if (values !== undefined) {
      if (values.length === 0) {
        problems.push(`values: ${operator} needs at least one value (to test only that the label is present, use LabelExpression.exists(${JSON.stringify(key)}))`);
      }
      values.forEach((v, i) => {
        problems.push(...labelValueErrors(v).map(e => `values[${i}] ${quoted(v)}: ${e}`));
      });
    }
    if (problems.length > 0) {
      throw new InputError(subject, problems);
    }
    this.key = key;
    this.operatorName = operator;
    // Frozen: the value is immutable, so its identity can be computed once.
    this.values = values === undefined ? undefined : Object.freeze([...values]) as string[];
  }

  /**
   * Renders the expression in kubectl's selector syntax: `tier in (a,b)`, `tier notin (a)`,
   * `tier` (exists) or `!tier` (does not exist).
   */
  public toString(): string {
    switch (this.operatorName) {
      case 'In': return `${this.key} in (${this.values!.join(',')})`;
      case 'NotIn': return `${this.key} notin (${this.values!.join(',')})`;
      case 'Exists': return this.key;
      default: return `!${this.key}`;
    }
  }

  /**
   * The v1 `LabelSelectorRequirement` JSON.
   *
   * @internal
   */
  public _toKube(): KubeLabelSelectorRequirement {
    return this.values === undefined
      ? { key: this.key, operator: this.operatorName }
      : { key: this.key, operator: this.operatorName, values: [...this.values] };
  }

  /**
   * An identity equal for expressions with the same meaning: values are a set, so they are
   * sorted and deduplicated.
   *
   * @internal
   */
  public _key(): string {
    if (this.identity === undefined) {
      const values = this.values === undefined ? undefined : [...new Set(this.values)].sort();
      this.identity = JSON.stringify({ key: this.key, operator: this.operatorName, values });
    }
    return this.identity;
  }
}
