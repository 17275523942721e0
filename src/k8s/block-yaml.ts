import { LineTree, MAX_DEPTH } from './parsed-document';
import { plainScalarKey, plainScalarValue } from './yaml-scalar';

/**
 * A fast reader for one document of the block-style YAML that `kubectl get -o yaml`, Helm and
 * `YAML.stringify` write: mappings and sequences by indentation (sequences indented or not,
 * collections starting on a `-` line), plain, single- and double-quoted one-line scalars, `{}`
 * and `[]`, literal block scalars (`|`, `|-`) and comments. Scalars resolve as kubectl resolves
 * them (YAML 1.1, `yaml-scalar.ts`).
 *
 * Anything else (anchors, tags, flow collections, folded or multi-line scalars, duplicate keys,
 * keys that are not plain, tabs, CR, line breaks YAML 1.1 knows beyond LF, nesting beyond
 * `MAX_DEPTH`, values JSON cannot hold...) makes it give up, and the caller reads the document
 * with the `yaml` library instead, which then also reports any error. So the reader only
 * changes how fast valid input is read, never what it reads or which message an error gets.
 *
 * @param lines the document's lines, without line ends
 * @param firstLine the 1-based line number of `lines[0]` in its file
 * @returns the value (null for an empty document) and the lines of its objects, or undefined
 *   when the text is beyond this reader
 */
export function readBlockYaml(lines: readonly string[], firstLine: number): { value: unknown; lines: LineTree } | undefined {
  for (const line of lines) {
    // Tabs, CR, a byte order mark, YAML 1.1's other line breaks and characters YAML does not print are left to the library.
    if (UNSUPPORTED_CHARACTER.test(line) || line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) {
      return undefined;
    }
  }
  try {
    return new DocumentReader(lines, firstLine).read();
  } catch (e) {
    if (e instanceof Unsupported) {
      return undefined;
    }
    throw e;
  }
}

const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

/** Thrown where the text leaves the subset this reader handles. */
class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

function hasContent(line: string): boolean {
  const indent = indentOf(line);
  return indent < line.length && line.charCodeAt(indent) !== 0x23; // '#'
}

/** Leading spaces: YAML indents with spaces only (and other Unicode spaces are content). */
function indentOf(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 0x20) {
    indent++;
  }
  return indent;
}

/** The text without trailing spaces (only U+0020: other spaces are content). */
function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x20) {
    end--;
  }
  return text.slice(0, end);
}

function isSequenceEntry(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** Reads one document, line by line; `content` is the current line without its indentation. */
class DocumentReader {
  private position = -1;
  private indent = 0;
  private content = '';
  private depth = 0;

  constructor(private readonly lines: readonly string[], private readonly firstLine: number) {
    this.advance();
  }

  public read(): { value: unknown; lines: LineTree } {
    const tree: LineTree = { line: this.firstLine };
    if (this.atEnd()) {
      return { value: null, lines: tree };
    }
    if (this.indent !== 0 || isSequenceEntry(this.content)) {
      unsupported();
    }
    const value = this.mapping(0, tree);
    if (!this.atEnd()) {
      unsupported();
    }
    return { value, lines: tree };
  }

  /** Moves to the next line with content (blank and comment lines are skipped). */
  private advance(): void {
    do {
      this.position++;
    } while (this.position < this.lines.length && !hasContent(this.lines[this.position]));
    if (!this.atEnd()) {
      const line = this.lines[this.position];
      this.indent = indentOf(line);
      this.content = withoutTrailingSpaces(line.slice(this.indent));
    }
  }

  private atEnd(): boolean {
    return this.position >= this.lines.length;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      unsupported();
    }
  }

  /**
   * A block mapping whose keys are at `indent`; the current line is its first entry. `tree`,
   * when given, receives the mapping's line and those of the objects in its `items`.
   */
  private mapping(indent: number, tree?: LineTree): Record<string, unknown> {
    this.enter();
    if (tree) {
      tree.line = this.firstLine + this.position;
    }
    const result: Record<string, unknown> = {};
    while (!this.atEnd() && this.indent === indent && !isSequenceEntry(this.content)) {
      const separator = this.content.indexOf(': ');
      const colon = separator >= 0 ? separator : this.content.endsWith(':') ? this.content.length - 1 : unsupported();
      const text = this.content.slice(0, colon);
      const key = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(text) ? plainScalarKey(text) : undefined;
      // A key seen twice (also `1` and `01`, which are both "1") is left to the library, which keeps the last.
      if (key === undefined || key === '__proto__' || Object.prototype.hasOwnProperty.call(result, key)) {
        unsupported();
      }
      let start = colon + 1;
      while (this.content.charCodeAt(start) === 0x20) {
        start++;
      }
      const items: LineTree[] | undefined = tree && key === 'items' ? [] : undefined;
      result[key] = this.value(indent, this.content.slice(start), true, items);
      if (items && Array.isArray(result[key])) {
        tree!.items = items;
      }
    }
    if (!this.atEnd() && this.indent > indent) {
      unsupported();
    }
    this.depth--;
    return result;
  }

  /**
   * A block sequence whose `-` are at `indent`; the current line is its first entry. `items`,
   * when given, receives the line of each entry (and of the objects in an entry's own `items`).
   */
  private sequence(indent: number, items?: LineTree[]): unknown[] {
    this.enter();
    const result: unknown[] = [];
    while (!this.atEnd() && this.indent === indent && isSequenceEntry(this.content)) {
      const tree: LineTree | undefined = items ? { line: this.firstLine + this.position } : undefined;
      items?.push(tree!);
      const rest = this.content.slice(1);
      const item = rest.slice(indentOf(rest));
      const nestedSequence = isSequenceEntry(item);
      if (nestedSequence || (item !== '' && !item.startsWith('#') && !/^["'|]/.test(item) && (item.includes(': ') || item.endsWith(':')))) {
        // A collection that starts on the entry's line: read that line again as its first entry.
        this.indent = indent + 1 + rest.length - item.length;
        this.content = item;
        result.push(nestedSequence ? this.sequence(this.indent) : this.mapping(this.indent, tree));
      } else {
        result.push(this.value(indent, item, false, undefined, tree));
      }
    }
    if (!this.atEnd() && this.indent > indent) {
      unsupported();
    }
    this.depth--;
    return result;
  }

  /**
   * The value after a key or a `-` on the current line (`text`, empty when it is on the lines
   * below), of a node at `indent`. Leaves the current line after the value. `items` records
   * the entries of a sequence value, `tree` the line of a mapping value.
   */
  private value(indent: number, text: string, isMappingValue: boolean, items?: LineTree[], tree?: LineTree): unknown {
    if (text === '' || text.startsWith('#')) {
      this.advance();
      if (!this.atEnd() && this.indent > indent) {
        if (tree) {
          // An entry whose collection starts on the next line starts there.
          tree.line = this.firstLine + this.position;
        }
        return isSequenceEntry(this.content) ? this.sequence(this.indent, items) : this.mapping(this.indent, tree);
      }
      // A mapping's value may be a sequence at the mapping's own indentation (kubectl writes them so).
      if (isMappingValue && !this.atEnd() && this.indent === indent && isSequenceEntry(this.content)) {
        return this.sequence(indent, items);
      }
      return null;
    }
    if (text === '|' || text === '|-') {
      return this.literal(indent, text === '|-');
    }
    const value = scalar(text);
    this.advance();
    return value;
  }

  /** A literal block scalar whose lines are indented deeper than `indent`. */
  private literal(indent: number, strip: boolean): string {
    const lines: string[] = [];
    let blockIndent: number | undefined;
    let next = this.position + 1;
    let leadingBlank = false;
    for (; next < this.lines.length; next++) {
      const line = this.lines[next];
      if (indentOf(line) === line.length) {
        // Blank lines are kept simple: no spaces beyond the indentation, none before the content.
        if (line.length > (blockIndent ?? 0)) {
          unsupported();
        }
        leadingBlank ||= blockIndent === undefined;
        lines.push('');
        continue;
      }
      const lineIndent = indentOf(line);
      if (lineIndent <= indent || (blockIndent !== undefined && lineIndent < blockIndent)) {
        break;
      }
      if (leadingBlank) {
        unsupported();
      }
      blockIndent ??= lineIndent;
      lines.push(line.slice(blockIndent));
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') {
      lines.pop();
    }
    this.position = next - 1;
    this.advance();
    if (!this.atEnd() && this.indent > indent) {
      unsupported();
    }
    return lines.length === 0 || strip ? lines.join('\n') : `${lines.join('\n')}\n`;
  }
}

/** A one-line scalar: quoted, `{}`, `[]` or plain. */
function scalar(text: string): unknown {
  if (text === '{}') {
    return {};
  }
  if (text === '[]') {
    return [];
  }
  if (text.startsWith('"')) {
    return doubleQuoted(text);
  }
  if (text.startsWith("'")) {
    const quoted = /^'((?:[^']|'')*)'(?: +#.*)?$/.exec(text);
    return quoted ? quoted[1].replace(/''/g, "'") : unsupported();
  }
  const comment = text.indexOf(' #');
  const plain = comment >= 0 ? withoutTrailingSpaces(text.slice(0, comment)) : text;
  // Indicators that start anchors, aliases, tags, flow collections, folded scalars, directives,
  // nested entries and complex keys; ': ' would start a nested mapping.
  if (/^[&*!|>%@`{}[\]?,]|^-( |$)|^:( |$)/.test(plain) || plain.includes(': ') || plain.endsWith(':')) {
    unsupported();
  }
  const value = plainScalarValue(plain);
  // `.inf` and `.nan` have no JSON form: the library path reports them.
  return typeof value === 'number' && !Number.isFinite(value) ? unsupported() : value;
}

/** A double-quoted scalar on one line, with JSON's escapes (which mean the same in YAML). */
function doubleQuoted(text: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"(?: +#.*)?$/.exec(text);
  if (!quoted) {
    unsupported();
  }
  if (!quoted[1].includes('\\')) {
    return quoted[1];
  }
  try {
    return JSON.parse(`"${quoted[1]}"`);
  } catch {
    return unsupported();
  }
}
