import { readBlockYaml } from './block-yaml';
import { readJsonStream } from './json-stream';
import { ParsedDocument } from './parsed-document';
import { readYamlWithLibrary } from './yaml-library-reader';

/** The first byte of a line that is not UTF-8, as kubectl's YAML reader stops at it. */
export interface InvalidByte {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in bytes. */
  readonly column: number;
  readonly byte: number;
}

/**
 * The text of a manifest file. Bytes that are not UTF-8 become U+FFFD, and the first such byte
 * of each line is reported: kubectl refuses a YAML document holding one, and reads JSON strings
 * with U+FFFD in their place, as `readManifestText` does when given them.
 */
export function decodeManifestBytes(bytes: Uint8Array): { text: string; invalid: InvalidByte[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), invalid: [] };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalid: invalidBytes(bytes) };
  }
}

/**
 * Reads the documents of a manifest file the way kubectl does: a leading byte-order mark is
 * ignored; text starting with `{` is a stream of JSON values, anything else YAML split at
 * `---` lines into documents read on their own (so one broken document leaves the others
 * readable). Most YAML documents are read by the fast block reader; the others by the `yaml`
 * library, document by document.
 *
 * @param text the file's text
 * @param invalid the bytes that were not UTF-8 (`decodeManifestBytes`)
 */
export function readManifestText(text: string, invalid: readonly InvalidByte[] = []): ParsedDocument[] {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*\{/.test(content)) {
    return withJsonEncoding(readJsonStream(content), invalid);
  }
  const documents: ParsedDocument[] = [];
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') {
    // The text ended with a line break: no line follows it.
    lines.pop();
  }
  let index = 0;
  let start = 0;
  const flush = (end: number): void => {
    const chunk = lines.slice(start, end);
    if (chunk.some(hasContent)) {
      documents.push(...readYamlDocument(chunk, index, start + 1, invalid));
    }
  };
  for (let i = 0; i < lines.length; i++) {
    if (SEPARATOR.test(lines[i])) {
      // Comments and blank lines before the first separator are no document of their own.
      if (index > 0 || lines.slice(0, i).some(hasContent)) {
        flush(i);
        index++;
      }
      start = i + 1;
    }
  }
  flush(lines.length);
  return documents;
}

/** A document separator as kubectl splits files: `---` alone on its line, or followed by a comment. */
const SEPARATOR = /^---[ \t]*(?:#.*)?\r?$/;

function hasContent(line: string): boolean {
  const text = line.replace(/^[ \t]+/, '');
  return text !== '' && text !== '\r' && !text.startsWith('#');
}

function readYamlDocument(lines: string[], index: number, firstLine: number, invalid: readonly InvalidByte[]): ParsedDocument[] {
  const lastLine = firstLine + lines.length - 1;
  const bad = invalid.find((b) => b.line >= firstLine && b.line <= lastLine);
  if (bad) {
    return [{ index, line: bad.line, error: notUtf8(bad, 'kubectl refuses a YAML document that holds one') }];
  }
  const fast = readBlockYaml(lines, firstLine);
  if (fast) {
    return [{ index, line: fast.lines.line, value: fast.value, lines: fast.lines }];
  }
  // Each line ended with a line break (a CRLF's CR is still on it).
  return readYamlWithLibrary(`${lines.join('\n')}\n`, index, firstLine);
}

/** JSON documents read with U+FFFD in place of bytes that are not UTF-8, as kubectl reads them, with a warning. */
function withJsonEncoding(documents: ParsedDocument[], invalid: readonly InvalidByte[]): ParsedDocument[] {
  if (invalid.length === 0) {
    return documents;
  }
  return documents.map((document, i) => {
    const next = documents[i + 1]?.line ?? Infinity;
    const bad = invalid.find((b) => b.line >= document.line && b.line < next);
    return bad && !document.error ? { ...document, warning: notUtf8(bad, 'read as U+FFFD, as kubectl reads it') } : document;
  });
}

function notUtf8(bad: InvalidByte, consequence: string): string {
  return `byte 0x${bad.byte.toString(16).toUpperCase().padStart(2, '0')} at line ${bad.line}, column ${bad.column} is not UTF-8 `
    + `(a Latin-1 file?): ${consequence}; save the file as UTF-8`;
}

/** The first byte of each line that does not belong to a valid UTF-8 sequence. */
function invalidBytes(bytes: Uint8Array): InvalidByte[] {
  const found: InvalidByte[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b === 0x0a) {
      line++;
      lineStart = ++i;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      if (found[found.length - 1]?.line !== line) {
        found.push({ line, column: i - lineStart + 1, byte: b });
      }
      i++;
    } else {
      i += length;
    }
  }
  return found;
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) {
    return 1;
  }
  const [length, min, max] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
    : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
  if (length === 0 || i + length > bytes.length || bytes[i + 1] < min || bytes[i + 1] > max) {
    return 0;
  }
  for (let k = 2; k < length; k++) {
    if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) {
      return 0;
    }
  }
  return length;
}
