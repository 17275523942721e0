import { LabelRequirement } from './compiled-selector';

/**
 * The values one label key may take in a set of label maps: whether it may be absent, and which
 * present values (`values` itself, or every string but `values` when `cofinite`). There are
 * infinitely many strings, so a cofinite set is never empty.
 */
export interface KeyValues {
  readonly absent: boolean;
  readonly cofinite: boolean;
  readonly values: ReadonlySet<string>;
}

/**
 * A set of label maps given key by key (a conjunction): a map belongs when each listed key's
 * value (or absence) is allowed; keys not listed may be anything. Selectors are such sets, so
 * "some pod with any labels this selector matches and that one does not" is a question about
 * them, answered exactly without enumerating labels.
 */
export type LabelSpace = ReadonlyMap<string, KeyValues>;

/** Every label map. */
const ANY_LABELS: LabelSpace = new Map();

/** The values of one requirement. */
function requirementValues(requirement: LabelRequirement): KeyValues {
  const values = new Set(requirement.values);
  switch (requirement.operator) {
    case 'In':
      return { absent: false, cofinite: false, values };
    case 'NotIn':
      return { absent: true, cofinite: true, values };
    case 'Exists':
      return { absent: false, cofinite: true, values: new Set() };
    default:
      return { absent: true, cofinite: false, values: new Set() };
  }
}

function isEmpty(v: KeyValues): boolean {
  return !v.absent && !v.cofinite && v.values.size === 0;
}

function intersectValues(a: KeyValues, b: KeyValues): KeyValues {
  const absent = a.absent && b.absent;
  if (a.cofinite && b.cofinite) {
    return { absent, cofinite: true, values: new Set([...a.values, ...b.values]) };
  }
  if (a.cofinite || b.cofinite) {
    const [finite, co] = a.cofinite ? [b, a] : [a, b];
    return { absent, cofinite: false, values: new Set([...finite.values].filter((v) => !co.values.has(v))) };
  }
  return { absent, cofinite: false, values: new Set([...a.values].filter((v) => b.values.has(v))) };
}

/** The complement of one key's values. */
function complementValues(v: KeyValues): KeyValues {
  return { absent: !v.absent, cofinite: !v.cofinite, values: v.values };
}

/** Both sets at once; undefined when no label map is in both. */
export function intersectSpaces(a: LabelSpace, b: LabelSpace): LabelSpace | undefined {
  const result = new Map(a);
  for (const [key, values] of b) {
    const both = result.has(key) ? intersectValues(result.get(key)!, values) : values;
    if (isEmpty(both)) {
      return undefined;
    }
    result.set(key, both);
  }
  return result;
}

/** The label maps a selector's requirements match; undefined when none does. */
export function spaceOf(requirements: readonly LabelRequirement[]): LabelSpace | undefined {
  let space: LabelSpace | undefined = ANY_LABELS;
  for (const requirement of requirements) {
    space = intersectSpaces(space, new Map([[requirement.key, requirementValues(requirement)]]));
    if (space === undefined) {
      return undefined;
    }
  }
  return space;
}

/**
 * The label maps a selector does not match, as alternatives (a map belongs when it is in one):
 * one per requirement, that requirement failing. The empty selector matches every map: no
 * alternative.
 */
export function complementOf(requirements: readonly LabelRequirement[]): LabelSpace[] {
  return requirements.map((r) => new Map([[r.key, complementValues(requirementValues(r))]]));
}

/**
 * Whether some label map is in `space` and in one alternative of each list of `avoid` (each
 * list the complement of a selector: the map escapes every one of them). Searched depth first,
 * pruning as soon as the conjunction is empty, lists with the fewest alternatives first: an
 * empty list (a selector of every map) ends the search at once, and a one-alternative list
 * narrows the space before any choice is made, so that a list which rules everything out is
 * not met only after every combination of the lists before it.
 */
export function someLabelsEscaping(space: LabelSpace, avoid: readonly LabelSpace[][]): boolean {
  return escapes(space, [...avoid].sort((a, b) => a.length - b.length), 0);
}

function escapes(space: LabelSpace, avoid: readonly LabelSpace[][], next: number): boolean {
  if (next === avoid.length) {
    return true;
  }
  return avoid[next].some((alternative) => {
    const narrowed = intersectSpaces(space, alternative);
    return narrowed !== undefined && escapes(narrowed, avoid, next + 1);
  });
}
