/**
 * A fast reader for the block-style YAML that `kubectl get -o yaml`, Helm and `YAML.stringify`
 * write: mappings and sequences by indentation (sequences indented or not, collections starting
 * on a `-` line), plain, single- and double-quoted one-line scalars, `{}` and `[]`, literal block
 * scalars (`|`, `|-`), comments and `---` between documents. Values resolve as the `yaml`
 * library's default (YAML 1.2 core) schema resolves them.
 *
 * Anything else (anchors, tags, flow collections, folded or multi-line scalars, duplicate keys,
 * keys that are not plain strings, tabs, CRLF...) makes it give up, and the caller reads the
 * text with the `yaml` library instead, which then also reports any error. So the reader only
 * changes how fast valid input is read, never what it reads or which message an error gets.
 */

/** The documents of a YAML stream (null for an empty one), or undefined when the text is beyond this reader. */
export function parseBlockYaml(text: string): unknown[] | undefined {
  // Tabs, CR, a byte order mark and characters YAML does not print are left to the library.
  if (/[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]/.test(text)) {
    return undefined;
  }
  const documents: unknown[] = [];
  let lines: string[] = [];
  let started = false;
  for (const line of text.split('\n')) {
    if (line === '---') {
      // Comments and blank lines before the first marker belong to the first document.
      if (started || lines.some(hasContent)) {
        documents.push(lines);
      }
      started = true;
      lines = [];
    } else if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) {
      return undefined;
    } else {
      lines.push(line);
    }
  }
  if (started || lines.some(hasContent)) {
    documents.push(lines);
  }
  if (documents.length === 0) {
    return undefined;
  }
  try {
    return documents.map((document) => new DocumentReader(document as string[]).read());
  } catch (e) {
    if (e instanceof Unsupported) {
      return undefined;
    }
    throw e;
  }
}

/** Thrown where the text leaves the subset this reader handles. */
class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

function hasContent(line: string): boolean {
  const indent = indentOf(line);
  return indent < line.length && line.charCodeAt(indent) !== 0x23; // '#'
}

function indentOf(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 0x20) {
    indent++;
  }
  return indent;
}

function isSequenceEntry(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** Reads one document, line by line; `content` is the current line without its indentation. */
class DocumentReader {
  private position = -1;
  private indent = 0;
  private content = '';

  constructor(private readonly lines: string[]) {
    this.advance();
  }

  public read(): unknown {
    if (this.atEnd()) {
      return null;
    }
    if (this.indent !== 0 || isSequenceEntry(this.content)) {
      unsupported();
    }
    const value = this.mapping(0);
    if (!this.atEnd()) {
      unsupported();
    }
    return value;
  }

  /** Moves to the next line with content (blank and comment lines are skipped). */
  private advance(): void {
    do {
      this.position++;
    } while (this.position < this.lines.length && !hasContent(this.lines[this.position]));
    if (!this.atEnd()) {
      const line = this.lines[this.position];
      let end = line.length;
      while (line.charCodeAt(end - 1) === 0x20) {
        end--;
      }
      this.indent = indentOf(line);
      this.content = line.slice(this.indent, end);
    }
  }

  private atEnd(): boolean {
    return this.position >= this.lines.length;
  }

  /** A block mapping whose keys are at `indent`; the current line is its first entry. */
  private mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    while (!this.atEnd() && this.indent === indent && !isSequenceEntry(this.content)) {
      const separator = this.content.indexOf(': ');
      const colon = separator >= 0 ? separator : this.content.endsWith(':') ? this.content.length - 1 : unsupported();
      const key = this.content.slice(0, colon);
      if (!/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(key) || typeof resolvePlain(key) !== 'string' || key === '__proto__'
        || Object.prototype.hasOwnProperty.call(result, key)) {
        unsupported();
      }
      let start = colon + 1;
      while (this.content.charCodeAt(start) === 0x20) {
        start++;
      }
      result[key] = this.value(indent, this.content.slice(start), true);
    }
    if (!this.atEnd() && this.indent > indent) {
      unsupported();
    }
    return result;
  }

  /** A block sequence whose `-` are at `indent`; the current line is its first entry. */
  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    while (!this.atEnd() && this.indent === indent && isSequenceEntry(this.content)) {
      const rest = this.content.slice(1);
      const item = rest.trimStart();
      const nestedSequence = isSequenceEntry(item);
      if (nestedSequence || (item !== '' && !item.startsWith('#') && !/^["'|]/.test(item) && (item.includes(': ') || item.endsWith(':')))) {
        // A collection that starts on the entry's line: read that line again as its first entry.
        this.indent = indent + 1 + rest.length - item.length;
        this.content = item;
        result.push(nestedSequence ? this.sequence(this.indent) : this.mapping(this.indent));
      } else {
        result.push(this.value(indent, item, false));
      }
    }
    if (!this.atEnd() && this.indent > indent) {
      unsupported();
    }
    return result;
  }

  /**
   * The value after a key or a `-` on the current line (`text`, empty when it is on the lines
   * below), of a node at `indent`. Leaves the current line after the value.
   */
  private value(indent: number, text: string, isMappingValue: boolean): unknown {
    if (text === '' || text.startsWith('#')) {
      this.advance();
      if (!this.atEnd() && this.indent > indent) {
        return isSequenceEntry(this.content) ? this.sequence(this.indent) : this.mapping(this.indent);
      }
      // A mapping's value may be a sequence at the mapping's own indentation (kubectl writes them so).
      if (isMappingValue && !this.atEnd() && this.indent === indent && isSequenceEntry(this.content)) {
        return this.sequence(indent);
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
      if (line.trim() === '') {
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
  const plain = comment >= 0 ? text.slice(0, comment).trimEnd() : text;
  // Indicators that start anchors, aliases, tags, flow collections, folded scalars, directives,
  // nested entries and complex keys; ': ' would start a nested mapping.
  if (/^[&*!|>%@`{}[\]?,]|^-( |$)|^:( |$)/.test(plain) || plain.includes(': ') || plain.endsWith(':')) {
    unsupported();
  }
  return resolvePlain(plain);
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

/** Only plain scalars starting so can be something else than a string. */
const PLAIN_NON_STRING_START = /^[-+.0-9~nNtTfF]/;

/** How the YAML 1.2 core schema resolves a plain scalar (the tests and order of the `yaml` library). */
function resolvePlain(text: string): unknown {
  if (!PLAIN_NON_STRING_START.test(text)) {
    return text;
  }
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) {
    return null;
  }
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) {
    return text[0] === 't' || text[0] === 'T';
  }
  if (/^0o[0-7]+$/.test(text)) {
    return parseInt(text.slice(2), 8);
  }
  if (/^[-+]?[0-9]+$/.test(text)) {
    return parseInt(text, 10);
  }
  if (/^0x[0-9a-fA-F]+$/.test(text)) {
    return parseInt(text.slice(2), 16);
  }
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.endsWith('nan') || text.endsWith('NaN') || text.endsWith('NAN') ? NaN : text[0] === '-' ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) {
    return parseFloat(text);
  }
  return text;
}
