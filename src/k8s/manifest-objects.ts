import { asObject, JsonObject } from './json-values';
import { LineTree, ParsedDocument } from './parsed-document';

/** One Kubernetes object of a manifest file, with where it is. */
export interface ManifestObject {
  /** The document's position in its file (0-based). */
  readonly doc: number;
  /** The 1-based line where the object starts. */
  readonly line: number;
  /** Its place in a List (`items[3]`, or `items[0].items[2]` in a nested one); '' for a document's own object. */
  readonly item: string;
  readonly manifest: JsonObject;
}

/** A document, or an object of a List, that cannot be used; or one read with an assumption (`warning`). */
export interface ManifestProblem {
  readonly doc: number;
  readonly line: number;
  readonly item: string;
  readonly message: string;
  readonly warning: boolean;
}

/**
 * Whether kubectl reads an object as a List: it has an `items` field, whatever its kind
 * (`kind: List`, `PodList`, an API server's list response).
 */
export function isList(manifest: JsonObject): boolean {
  return Object.prototype.hasOwnProperty.call(manifest, 'items') && manifest.items !== undefined;
}

/**
 * The objects of a file's documents, as kubectl takes them: Lists are unpacked (nested ones
 * too), and the items of a typed list (`PodList`) that name neither apiVersion nor kind take
 * the list's. Every object needs a string `apiVersion` and `kind`, as kubectl requires; a
 * document or item that cannot be used is a problem, and every other one is still read.
 */
export function manifestObjects(documents: readonly ParsedDocument[]): { objects: ManifestObject[]; problems: ManifestProblem[] } {
  const objects: ManifestObject[] = [];
  const problems: ManifestProblem[] = [];
  const problem = (doc: number, line: number, item: string, message: string, warning = false): void => {
    problems.push({ doc, line, item, message, warning });
  };
  const visit = (value: unknown, doc: number, tree: LineTree | undefined, line: number, item: string, inherited?: JsonObject): void => {
    const manifest = asObject(value);
    if (manifest === undefined) {
      problem(doc, line, item, `expected a Kubernetes object (a mapping with apiVersion and kind), found ${describe(value)}`);
      return;
    }
    if (isList(manifest)) {
      if (manifest.items === null) {
        return;
      }
      if (!Array.isArray(manifest.items)) {
        problem(doc, line, item, `items must be a list of objects, not ${describe(manifest.items)}`);
        return;
      }
      const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
      const typed = { apiVersion: manifest.apiVersion, kind: kind.endsWith('List') ? kind.slice(0, -'List'.length) : '' };
      manifest.items.forEach((entry: unknown, i: number) => {
        const entryTree = tree?.items?.[i];
        visit(entry, doc, entryTree, entryTree?.line ?? line, `${item ? `${item}.` : ''}items[${i}]`, typed);
      });
      return;
    }
    const typed = inherited && isAbsent(manifest.apiVersion) && isAbsent(manifest.kind)
      ? { ...manifest, apiVersion: inherited.apiVersion, kind: inherited.kind } : manifest;
    for (const field of ['apiVersion', 'kind']) {
      if (typeof typed[field] !== 'string' || typed[field] === '') {
        problem(doc, line, item, `not a Kubernetes object: it has no ${field} (kubectl refuses an object without apiVersion and kind)`);
        return;
      }
    }
    objects.push({ doc, line, item, manifest: typed });
  };
  for (const document of documents) {
    if (document.warning) {
      problem(document.index, document.line, '', document.warning, true);
    }
    if (document.error !== undefined) {
      problem(document.index, document.line, '', document.error);
    } else if (document.value !== null && document.value !== undefined) {
      visit(document.value, document.index, document.lines, document.line, '');
    }
  }
  return { objects, problems };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** A value as messages describe it: its type, and a scalar's start. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value === null) {
    return 'null';
  }
  const text = JSON.stringify(value) ?? String(value);
  return `a ${typeof value} (${text.length > 40 ? `${text.slice(0, 40)}…` : text})`;
}
