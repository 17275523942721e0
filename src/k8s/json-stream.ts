import { LineTree, MAX_DEPTH, ParsedDocument, TOO_DEEP } from './parsed-document';

/**
 * Reads JSON the way kubectl reads a file that starts with `{`: a stream of JSON values
 * separated by whitespace, each one document. Duplicate keys keep the last value, and numbers
 * are read as JSON numbers (so `80.0` is 80, which is what kubectl sends after its
 * conversion); a number beyond a float64 (`1e400`) makes its document unreadable, as kubectl
 * refuses it. The lines of each document and of the objects in its `items` are recorded.
 * After a malformed value the rest of the stream cannot be told apart, so reading stops there.
 *
 * @param text the file's text, without a byte-order mark
 */
export function readJsonStream(text: string): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  const scanner = new Scanner(text);
  for (let index = 0; scanner.skipWhitespace(); index++) {
    const start = scanner.position;
    const tree: LineTree = { line: scanner.line };
    const scanned = scanner.value(tree);
    const slice = text.slice(start, scanner.position);
    if (scanned === 'too deep') {
      documents.push({ index, line: tree.line, error: TOO_DEEP });
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(slice);
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      const line = at ? tree.line + countLines(slice, Number(at[1])) : tree.line;
      const reason = (e as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/, "[\s\S]*" is not valid JSON$/, '');
      documents.push({ index, line, error: `malformed JSON at line ${line}: ${reason}` });
      break;
    }
    const unconvertible = outOfRange(slice);
    documents.push(unconvertible
      ? { index, line: tree.line, error: `the number ${unconvertible} is out of range for JSON numbers as kubectl reads them` }
      : { index, line: tree.line, value, lines: tree });
    if (scanned === 'malformed') {
      break;
    }
  }
  return documents;
}

/** How many line breaks `text` has before `position`. */
function countLines(text: string, position: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}

/** A number that overflows a float64 (`1e400`), which kubectl cannot convert, or undefined. */
function outOfRange(json: string): string | undefined {
  // Only numbers with a long exponent or over 308 digits can overflow: most documents skip the search.
  if (!/[eE][-+]?\d{3}|\d{309}/.test(json)) {
    return undefined;
  }
  for (const match of json.matchAll(/"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g)) {
    if (match[1] !== undefined && !Number.isFinite(Number(match[1]))) {
      return match[1];
    }
  }
  return undefined;
}

/** JSON's whitespace and structural characters, which end a number or a literal. */
const DELIMITERS = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x22]);

/** One open container while scanning: an array records its elements' lines when it is an `items` list. */
interface Frame {
  readonly object: boolean;
  /** The object's line tree, when its `items` are to be recorded. */
  readonly tree?: LineTree;
  /** The array's elements' line trees, when it is an `items` list. */
  readonly items?: LineTree[];
  /** For an object: whether the next string is a key, and the last key read. */
  expectKey: boolean;
  key?: string;
}

/**
 * Finds where one JSON value ends (strings and nesting respected) and the lines of the objects
 * in `items` lists, without building anything; JSON.parse then reads the value.
 */
class Scanner {
  public position = 0;
  public line = 1;

  constructor(private readonly text: string) {}

  /** Skips whitespace; false at the end of the text. */
  public skipWhitespace(): boolean {
    const text = this.text;
    for (; this.position < text.length; this.position++) {
      const c = text.charCodeAt(this.position);
      if (c === 0x0a) {
        this.line++;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
        return true;
      }
    }
    return false;
  }

  /**
   * Scans one value, recording lines into `root`; leaves the position after it. 'malformed'
   * when the text ends or breaks off inside the value (JSON.parse then says why).
   */
  public value(root: LineTree): 'ok' | 'malformed' | 'too deep' {
    const text = this.text;
    const stack: Frame[] = [];
    let pendingTree: LineTree | undefined = root;
    for (;;) {
      if (!this.skipWhitespace()) {
        return 'malformed';
      }
      const top = stack[stack.length - 1];
      const c = text.charCodeAt(this.position);
      if (top?.object && top.expectKey && c === 0x22) {
        const start = this.position;
        this.string();
        top.key = parseKey(text.slice(start, this.position));
        top.expectKey = false;
        if (!this.skipWhitespace() || text.charCodeAt(this.position) !== 0x3a) {
          return 'malformed';
        }
        this.position++;
        continue;
      }
      if (c === 0x2c || c === 0x7d || c === 0x5d) { // , } ]
        if (!top || (c !== 0x2c && (c === 0x7d) !== top.object)) {
          return 'malformed';
        }
        this.position++;
        if (c === 0x2c) {
          top.expectKey = top.object;
          continue;
        }
        stack.pop();
        if (stack.length === 0) {
          return 'ok';
        }
        continue;
      }
      // A value starts: an element of an `items` list records its line.
      const tree: LineTree | undefined = top?.items ? { line: this.line } : top ? undefined : pendingTree;
      if (tree && top?.items) {
        top.items.push(tree);
      }
      pendingTree = undefined;
      if (c === 0x7b || c === 0x5b) { // { [
        if (stack.length >= MAX_DEPTH) {
          return 'too deep';
        }
        const items = c === 0x5b && top?.object && top.tree && top.key === 'items' ? (top.tree.items = []) : undefined;
        stack.push({ object: c === 0x7b, tree: c === 0x7b ? tree : undefined, items, expectKey: c === 0x7b });
        this.position++;
        continue;
      }
      if (c === 0x22) {
        this.string();
      } else {
        // A number or a literal (or something else JSON.parse then reports): up to the next delimiter.
        do {
          this.position++;
        } while (this.position < text.length && !DELIMITERS.has(text.charCodeAt(this.position)));
      }
      if (stack.length === 0) {
        return 'ok';
      }
    }
  }

  /** Moves past a string starting at the position (or to the end, if it is not closed). */
  private string(): void {
    const text = this.text;
    let i = this.position + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) {
        i += 2;
      } else if (c === 0x22) {
        i++;
        break;
      } else {
        if (c === 0x0a) {
          this.line++;
        }
        i++;
      }
    }
    this.position = Math.min(i, text.length);
  }
}

/** A key's text; a malformed one (JSON.parse reports it) reads as no key. */
function parseKey(quoted: string): string | undefined {
  if (!quoted.includes('\\')) {
    return quoted.slice(1, -1);
  }
  try {
    return JSON.parse(quoted);
  } catch {
    return undefined;
  }
}
