import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { parseBlockYaml } from './block-yaml';
import { UsageError } from './usage-error';

/** One Kubernetes object read from a file, with where it came from. */
export interface LoadedObject {
  /** The file, as given on the command line or found under a given folder. */
  readonly file: string;
  /** Index of the YAML document (0-based) within the file; 0 for JSON. */
  readonly documentIndex: number;
  /** The object itself (an item of a `kind: List` is returned on its own). */
  readonly manifest: any;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Reads every object from the given files and folders (folders recursively, `.yaml`, `.yml`
 * and `.json` files in name order). Empty documents are skipped; `kind: List` is unpacked.
 * Unreadable or malformed input throws a `UsageError` naming the file and position.
 */
export function readManifests(paths: string[]): LoadedObject[] {
  if (paths.length === 0) {
    throw new UsageError('no input: give one or more manifest files or folders');
  }
  const objects: LoadedObject[] = [];
  for (const file of paths.flatMap(expandPath)) {
    objects.push(...parseManifestText(readText(file), file));
  }
  return objects;
}

/** Parses the text of one file (YAML, possibly multi-document, or JSON). */
export function parseManifestText(text: string, file: string): LoadedObject[] {
  const documents = parseDocuments(text, file);
  const objects: LoadedObject[] = [];
  documents.forEach((value, documentIndex) => {
    if (value === null || value === undefined) {
      return;
    }
    const where = `${file}:${documentIndex}`;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new UsageError(`${where}: expected a Kubernetes object (a mapping with apiVersion and kind), found ${describe(value)}`);
    }
    const doc = value as { kind?: unknown; items?: unknown };
    // `kubectl get -o yaml` wraps results in `kind: List` or `<Kind>List`.
    if (doc.kind === 'List' || (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items))) {
      if (!Array.isArray(doc.items)) {
        throw new UsageError(`${where}: a kind: List must have an items array`);
      }
      doc.items.forEach((item: unknown, i: number) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          throw new UsageError(`${where}: items[${i}] is ${describe(item)}, not a Kubernetes object`);
        }
        objects.push({ file, documentIndex, manifest: item });
      });
      return;
    }
    objects.push({ file, documentIndex, manifest: doc });
  });
  return objects;
}

function parseDocuments(text: string, file: string): unknown[] {
  if (file.endsWith('.json')) {
    try {
      return [JSON.parse(text)];
    } catch (e) {
      throw new UsageError(`${file}: malformed JSON: ${(e as Error).message}`);
    }
  }
  // Most manifests are plain block YAML, which the fast reader handles; it leaves the rest to the library.
  const fast = parseBlockYaml(text);
  if (fast) {
    return fast;
  }
  const documents = YAML.parseAllDocuments(text);
  const docs = Array.isArray(documents) ? documents : [documents];
  return docs.map((doc, i) => {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      const at = pos ? `line ${pos.line}, column ${pos.col}` : 'unknown position';
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new UsageError(`${file}:${i}: malformed YAML at ${at}: ${reason}`);
    }
    return doc.toJS({ maxAliasCount: 1000 });
  });
}

function expandPath(p: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    throw new UsageError(`${p}: no such file or folder`);
  }
  if (!stat.isDirectory()) {
    return [p];
  }
  return fs.readdirSync(p, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) {
        return expandPath(child);
      }
      return MANIFEST_EXTENSIONS.has(path.extname(entry.name)) ? [child] : [];
    });
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
