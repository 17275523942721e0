import { LabelExpression } from './label-expression';
import { InputError, quoted, shown } from '../k8s/input-error';
import { KubeLabelSelector } from '../k8s/kube-json';
import { labelKeyErrors, labelValueErrors } from '../k8s/label-syntax';

/**
 * What a `LabelSelector` requires. Every label and every expression must hold (AND).
 */
export interface LabelSelectorOptions {
  /**
   * Labels an object must carry, each with exactly this value (`matchLabels`).
   *
   * @default - no exact-value requirements
   */
  readonly labels?: { [key: string]: string };

  /**
   * Further requirements (`matchExpressions`).
   *
   * @default - no expressions
   */
  readonly expressions?: LabelExpression[];
}

/**
 * A Kubernetes label selector (`metav1.LabelSelector`) for pods or namespaces.
 *
 * An empty selector matches every object; get one with `LabelSelector.all()`.
 *
 * @example
 * const web = LabelSelector.of({ labels: { app: 'web' } });
 * const everything = LabelSelector.all();
 */
export class LabelSelector {
  /**
   * A selector from exact labels and expressions, all of which must hold.
   *
   * Keys and values are checked like the API server does; an invalid one throws an
   * `NP-INPUT` error naming it.
   *
   * @example
   * LabelSelector.of({ labels: { app: 'db' }, expressions: [LabelExpression.oneOf('env', ['prod'])] });
   */
  public static of(options: LabelSelectorOptions): LabelSelector {
    // Plain JavaScript can pass anything: the wrong types are input errors, not TypeErrors.
    const expressionsOk = (expressions: unknown) => expressions === undefined
      || (Array.isArray(expressions) && expressions.every((e) => e instanceof LabelExpression));
    const problems = !isRecord(options) ? [`options must be an object { labels, expressions }, not ${shown(options)}`]
      : [...(options.labels === undefined || isRecord(options.labels) ? [] : [`labels must be an object of key: value, not ${shown(options.labels)}`]),
        ...(expressionsOk(options.expressions) ? [] : [`expressions must be a list of LabelExpression, not ${shown(options.expressions)}`])];
    if (problems.length > 0) {
      throw new InputError('LabelSelector.of', problems);
    }
    return new LabelSelector(options.labels ?? {}, options.expressions ?? []);
  }

  /**
   * The empty selector `{}`, which matches every object.
   *
   * @example
   * LabelSelector.all();
   */
  public static all(): LabelSelector {
    return new LabelSelector({}, []);
  }

  /** The exact labels required (`matchLabels`); empty when there are none. */
  public readonly labels: { [key: string]: string };

  /** The expressions required (`matchExpressions`); empty when there are none. */
  public readonly expressions: LabelExpression[];

  /** `_key()`, computed on first use. */
  private identity?: string;

  private constructor(labels: { [key: string]: string }, expressions: LabelExpression[]) {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(labels)) {
      problems.push(...labelKeyErrors(key).map(e => `labels key ${quoted(key)}: ${e}`));
      problems.push(...labelValueErrors(value).map(e => `labels[${quoted(key)}] value ${quoted(value)}: ${e}`));
    }
    if (problems.length > 0) {
      throw new InputError('LabelSelector.of', problems);
    }
    // Frozen: the value is immutable, so its identity can be computed once.
    this.labels = Object.freeze({ ...labels });
    this.expressions = Object.freeze([...expressions]) as LabelExpression[];
  }

  /** True when the selector has no requirements and so matches every object. */
  public isEmpty(): boolean {
    return Object.keys(this.labels).length === 0 && this.expressions.length === 0;
  }

  /**
   * Renders the selector in kubectl's syntax, e.g. `app=web,tier in (a,b)`; `*` for the
   * selector that matches everything.
   */
  public toString(): string {
    if (this.isEmpty()) {
      return '*';
    }
    const labels = Object.entries(this.labels).map(([k, v]) => `${k}=${v}`);
    return [...labels, ...this.expressions.map(e => e.toString())].join(',');
  }

  /**
   * The v1 `LabelSelector` JSON, omitting empty parts (`{}` matches everything).
   *
   * @internal
   */
  public _toKube(): KubeLabelSelector {
    return {
      ...(Object.keys(this.labels).length > 0 ? { matchLabels: { ...this.labels } } : {}),
      ...(this.expressions.length > 0 ? { matchExpressions: this.expressions.map(e => e._toKube()) } : {}),
    };
  }

  /**
   * An identity equal for selectors with the same meaning, whatever the order of labels,
   * expressions and values.
   *
   * @internal
   */
  public _key(): string {
    if (this.identity === undefined) {
      const labels = Object.keys(this.labels).sort().map(k => [k, this.labels[k]]);
      const expressions = [...new Set(this.expressions.map(e => e._key()))].sort();
      this.identity = JSON.stringify({ labels, expressions });
    }
    return this.identity;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
