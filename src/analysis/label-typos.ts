import { CompiledSelector, Labels } from './compiled-selector';
import { boundedDistance } from './endpoint';

/** Something with labels, and how to name it in a message. */
export interface Labelled {
  readonly labels: Labels;
  readonly name: string;
}

/** At most this many close matches are listed. */
const LISTED = 5;

/**
 * Labels of `candidates` one edit away from what a selector asks for, where the selector does
 * not match them: the same key with a value one edit away from a value an `In` requirement (or
 * `matchLabels`) asks for, or a key one edit away carrying such a value. Each as
 * `app=api (shop/api)`, naming the first object that carries it.
 */
export function closeLabels(selector: CompiledSelector, candidates: readonly Labelled[]): string[] {
  const found = new Map<string, string>();
  for (const requirement of selector.requirements) {
    if (requirement.operator !== 'In') {
      continue;
    }
    for (const candidate of candidates) {
      for (const [key, value] of Object.entries(candidate.labels)) {
        const close = (key === requirement.key && requirement.values.some((v) => oneEditApart(v, value)))
          || (requirement.values.includes(value) && oneEditApart(key, requirement.key));
        const text = `${key}=${value}`;
        if (close && !found.has(text) && !selector.matches(candidate.labels)) {
          found.set(text, candidate.name);
        }
      }
      if (found.size >= LISTED) {
        break;
      }
    }
  }
  return [...found].slice(0, LISTED).map(([text, name]) => `${text} (${name})`);
}

/**
 * Whether two different texts are one edit apart: one character inserted, deleted or replaced,
 * or two neighbours swapped.
 */
function oneEditApart(a: string, b: string): boolean {
  return a !== b && boundedDistance(a, b, 1) <= 1;
}
