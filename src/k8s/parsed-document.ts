/**
 * Where a document's objects start: the line of the document (or of one object in a List), and
 * the lines of the objects in its `items`, in order. Lines are 1-based.
 */
export interface LineTree {
  line: number;
  items?: LineTree[];
}

/** One document of a manifest file: its value, or why it cannot be read. */
export interface ParsedDocument {
  /** The document's position in its file (0-based; for YAML, counted between `---` separators). */
  readonly index: number;
  /** The 1-based line where the document's content starts, or where its error is. */
  readonly line: number;
  /** The value as kubectl converts it to JSON; undefined when the document cannot be read. */
  readonly value?: unknown;
  /** The lines of the document and of the objects in its `items`. */
  readonly lines?: LineTree;
  /** Why the document cannot be read (the value is then undefined). */
  readonly error?: string;
  /** Something read with an assumption, e.g. bytes that are not UTF-8. */
  readonly warning?: string;
}

/**
 * Documents nested deeper are refused. Kubernetes objects nest a few dozen levels at most
 * (CRD schemas included); the bound keeps every reader and check of the value far from the
 * stack's limit.
 */
export const MAX_DEPTH = 200;

/** The message of a document nested deeper than `MAX_DEPTH`. */
export const TOO_DEEP = `nested deeper than ${MAX_DEPTH} levels, which no Kubernetes object needs; not read`;
