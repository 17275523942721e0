import { MAX_DEPTH } from './parsed-document';

/**
 * What keeps a value from being a JSON document, found without recursion: an object or array
 * that holds itself (plain JavaScript can build one; no file can), or nesting deeper than
 * `MAX_DEPTH`, which the readers refuse too. Returns the field path where it is found and why,
 * or undefined when the value can be written as JSON. An object referenced twice, but not
 * within itself, is fine.
 */
export function jsonShapeProblem(value: unknown): { readonly field: string; readonly message: string } | undefined {
  // Depth-first, with each entry's ancestors kept on the stack: a cycle is a value among its own ancestors.
  const ancestors: object[] = [];
  const paths: string[] = [];
  const stack: Array<{ readonly value: unknown; readonly path: string; readonly depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    ancestors.length = entry.depth;
    paths.length = entry.depth;
    if (entry.value === null || typeof entry.value !== 'object') {
      continue;
    }
    if (ancestors.includes(entry.value)) {
      const holder = paths[ancestors.indexOf(entry.value)];
      return { field: entry.path, message: `refers back to ${holder ? holder : 'the object itself'}, which holds it (a cycle): JSON cannot write it` };
    }
    if (entry.depth >= MAX_DEPTH) {
      return { field: entry.path, message: `nested deeper than ${MAX_DEPTH} levels, which no Kubernetes object needs` };
    }
    ancestors.push(entry.value);
    paths.push(entry.path);
    const children: Array<[string, unknown]> = Array.isArray(entry.value)
      ? entry.value.map((item, i) => [`${entry.path}[${i}]`, item])
      : Object.entries(entry.value).map(([key, item]) => [entry.path ? `${entry.path}.${key}` : key, item]);
    // In reverse, so that the first child is visited first; one by one, as a spread of many would overflow the call stack.
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ value: children[i][1], path: children[i][0], depth: entry.depth + 1 });
    }
  }
  return undefined;
}
