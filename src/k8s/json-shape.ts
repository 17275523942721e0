import { MAX_DEPTH } from './parsed-document';

/**
 * What keeps a value from being a JSON document, found without recursion: an object or array
 * that holds itself (plain JavaScript can build one; no file can), or nesting deeper than
 * `MAX_DEPTH`, which the readers refuse too. Returns the field path where it is found and why,
 * or undefined when the value can be written as JSON. An object referenced twice, but not
 * within itself, is fine.
 */
export function jsonShapeProblem(value: unknown): { readonly field: string; readonly message: string } | undefined {
  // Depth-first, with the ancestors of the entry at hand (and the keys leading to them) kept per depth:
  // a cycle is a value among its own ancestors. Paths are only spelled out for a problem.
  const ancestors: object[] = [];
  const keys: Array<string | number> = [];
  const stack: Array<{ readonly value: unknown; readonly key: string | number; readonly depth: number }> = [{ value, key: '', depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.value === null || typeof entry.value !== 'object') {
      continue;
    }
    ancestors.length = entry.depth;
    keys.length = entry.depth;
    keys.push(entry.key);
    const path = (depth: number) => keys.slice(1, depth + 1)
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
    const holder = ancestors.indexOf(entry.value);
    if (holder >= 0) {
      return { field: path(entry.depth), message: `refers back to ${holder > 0 ? path(holder) : 'the object itself'}, which holds it (a cycle): JSON cannot write it` };
    }
    if (entry.depth >= MAX_DEPTH) {
      return { field: path(entry.depth), message: `nested deeper than ${MAX_DEPTH} levels, which no Kubernetes object needs` };
    }
    ancestors.push(entry.value);
    // In reverse, so that the first child is visited first; one by one, as a spread of many would overflow the call stack.
    if (Array.isArray(entry.value)) {
      for (let i = entry.value.length - 1; i >= 0; i--) {
        stack.push({ value: entry.value[i], key: i, depth: entry.depth + 1 });
      }
    } else {
      const children = Object.entries(entry.value);
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ value: children[i][1], key: children[i][0], depth: entry.depth + 1 });
      }
    }
  }
  return undefined;
}
