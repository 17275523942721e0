import * as fs from 'fs';
import * as path from 'path';
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

const OUTPUT_FILE = /^cluster-\d+\.(yaml|json)$/;

/** What `writeManifestFiles` wrote. */
export interface WrittenFiles {
  readonly files: number;
  readonly bytes: number;
  /** Objects by kind. */
  readonly kinds: ReadonlyMap<string, number>;
}

/** Writes `objects` into `dir` as `cluster-0001.yaml`, ... (1,000 objects each), replacing the files of an earlier run. */
export function writeManifestFiles(objects: Iterable<any>, dir: string, format: 'yaml' | 'json'): WrittenFiles {
  fs.mkdirSync(dir, { recursive: true });
  // A previous, larger run would otherwise leave stale chunks behind.
  for (const file of fs.readdirSync(dir)) {
    if (OUTPUT_FILE.test(file)) fs.rmSync(path.join(dir, file));
  }
  const kinds = new Map<string, number>();
  let files = 0;
  let bytes = 0;
  for (const chunk of fileChunks(objects)) {
    chunk.forEach((object) => kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1));
    const text = format === 'json' ? renderJson(chunk) : renderYaml(chunk);
    fs.writeFileSync(path.join(dir, `cluster-${String(++files).padStart(4, '0')}.${format}`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, kinds };
}
