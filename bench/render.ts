import * as YAML from 'yaml';

/** Objects per file: small enough to open in an editor, few enough files at XL (200). */
export const OBJECTS_PER_FILE = 1000;

/** Manifest files as `kubectl get -o yaml` users keep them: multi-document YAML. */
export function renderYaml(objects: readonly any[]): string {
  return objects.map(o => YAML.stringify(o, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

/** A v1 List (what kubectl accepts), one object per line so files diff well. */
export function renderJson(objects: readonly any[]): string {
  return `{"apiVersion":"v1","kind":"List","items":[\n${objects.map(o => JSON.stringify(o)).join(',\n')}\n]}\n`;
}

/** Splits objects into the files `bench:gen` writes, in order. */
export function* fileChunks<T>(objects: Iterable<T>): Generator<T[]> {
  let chunk: T[] = [];
  for (const object of objects) {
    chunk.push(object);
    if (chunk.length === OBJECTS_PER_FILE) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) {
    yield chunk;
  }
}
