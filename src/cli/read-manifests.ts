import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './usage-error';
import { manifestObjects } from '../k8s/manifest-objects';
import { decodeManifestBytes, readManifestText } from '../k8s/manifest-text';

/** One Kubernetes object read from a file, with where it came from. */
export interface LoadedObject {
  /** The file, as given on the command line or found under a given folder (`-` for stdin). */
  readonly file: string;
  /** The document's position in the file (0-based). */
  readonly doc: number;
  /** The 1-based line where the object starts. */
  readonly line: number;
  /** Its place in a List (`items[3]`), or ''. */
  readonly item: string;
  /** The object itself (an item of a List is returned on its own). */
  readonly manifest: any;
  /** Where it is, as messages print it: `<file>:<line>`, followed by ` items[3]` inside a List. */
  readonly origin: string;
}

/** A path, document or List item that cannot be used (or, as a warning, that was skipped or read with an assumption). */
export interface InputProblem {
  readonly file: string;
  /** The document's position in the file; undefined for a problem with the file itself. */
  readonly doc?: number;
  readonly line?: number;
  readonly item: string;
  readonly message: string;
  readonly warning: boolean;
  /** `<file>:<line>` (with ` items[i]`), or the path alone. */
  readonly origin: string;
}

/** What the inputs hold: the objects, and every problem met on the way. */
export interface ReadManifests {
  readonly objects: LoadedObject[];
  readonly problems: InputProblem[];
  /** Every file read and every path with a problem, in reading order. */
  readonly files: string[];
}

/** Options of `readManifests`. */
export interface ReadOptions {
  /** A file larger than this is not read. */
  readonly maxFileBytes?: number;
  /** What `-` reads (the process's stdin by default); undefined when it holds too much. */
  readonly stdin?: () => Uint8Array | undefined;
}

/** The largest file read: far beyond real manifests, and well within what one process can parse. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const MIB = 1024 * 1024;

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The report the library writes beside the manifests on every synth; not a manifest. */
const LIBRARY_REPORTS = new Set(['reachability.json']);

/**
 * Reads every object from the given files and folders the way kubectl reads them (`-` is
 * stdin). Folders are walked recursively in name order, following symbolic links (a link back
 * to a folder already walked is reported and skipped), reading regular `.yaml`, `.yml` and
 * `.json` files but not the library's own `reachability.json`. A path, document or List item
 * that cannot be used is a problem, and everything else is still read; only when there is no
 * input at all (no paths, or none that exists) is it a usage error.
 */
export function readManifests(paths: string[], options: ReadOptions = {}): ReadManifests {
  if (paths.length === 0) {
    throw new UsageError('no input: give one or more manifest files or folders (or - for stdin)');
  }
  const problems: InputProblem[] = [];
  const objects: LoadedObject[] = [];
  const missing: string[] = [];
  const visited = new Set<string>();
  const files: string[] = [];
  const pathProblem = (file: string, message: string, warning = false): void => {
    files.push(file);
    problems.push({ file, item: '', message, warning, origin: file });
  };
  const read = (file: string, bytes: Uint8Array): void => {
    files.push(file);
    const parsed = parseManifestBytes(bytes, file);
    // One at a time: a spread of a few hundred thousand objects would exceed the call stack.
    for (const object of parsed.objects) {
      objects.push(object);
    }
    for (const problem of parsed.problems) {
      problems.push(problem);
    }
  };
  const walk = (p: string, given: boolean): void => {
    if (given && p === '-') {
      const bytes = (options.stdin ?? readStdin)();
      if (bytes === undefined) {
        pathProblem('-', `stdin holds more than ${formatBytes(MAX_FILE_BYTES)}, the most one input may hold here`);
      } else {
        read('-', bytes);
      }
      return;
    }
    const stat = statOf(p);
    if (typeof stat === 'string') {
      if (given && stat === 'no such file or folder') {
        missing.push(p);
      }
      pathProblem(p, stat, !given);
      return;
    }
    if (stat.isDirectory()) {
      walkFolder(p);
      return;
    }
    if (!given && !stat.isFile()) {
      pathProblem(p, `skipped: not a regular file (${fileType(stat)})`, true);
      return;
    }
    const bytes = readBytes(p, stat, options.maxFileBytes ?? MAX_FILE_BYTES);
    if (typeof bytes === 'string') {
      pathProblem(p, bytes);
      return;
    }
    read(p, bytes);
  };
  const walkFolder = (folder: string): void => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(folder);
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      pathProblem(folder, `cannot be read (${errorCode(e)})`);
      return;
    }
    if (visited.has(real)) {
      pathProblem(folder, `skipped: a symbolic link back to ${real}, which is already read`, true);
      return;
    }
    visited.add(real);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = path.join(folder, entry.name);
      if (entry.isDirectory() || entry.isSymbolicLink()) {
        // A link is followed to what it names: a folder is walked, a manifest file read.
        const target = entry.isSymbolicLink() ? statOf(child) : undefined;
        if (typeof target === 'string') {
          pathProblem(child, `skipped: ${target}`, true);
          continue;
        }
        if (entry.isDirectory() || target!.isDirectory()) {
          walkFolder(child);
          continue;
        }
      }
      if (MANIFEST_EXTENSIONS.has(path.extname(entry.name)) && !LIBRARY_REPORTS.has(entry.name)) {
        walk(child, false);
      }
    }
  };
  for (const p of paths) {
    walk(p, true);
  }
  if (missing.length === paths.length) {
    throw new UsageError(missing.map((p) => `${p}: no such file or folder`).join('; '));
  }
  return { objects, problems, files };
}

/** Parses the bytes of one file (YAML, possibly multi-document, or JSON) into objects and problems. */
export function parseManifestBytes(bytes: Uint8Array, file: string): ReadManifests {
  const { text, invalid } = decodeManifestBytes(bytes);
  const { objects, problems } = manifestObjects(readManifestText(text, invalid));
  const origin = (line: number, item: string): string => `${file}:${line}${item ? ` ${item}` : ''}`;
  return {
    objects: objects.map((o) => ({ file, doc: o.doc, line: o.line, item: o.item, manifest: o.manifest, origin: origin(o.line, o.item) })),
    problems: problems.map((p) => ({
      file, doc: p.doc, line: p.line, item: p.item, message: p.message, warning: p.warning, origin: origin(p.line, p.item),
    })),
    files: [file],
  };
}

/** Parses the text of one file; see `parseManifestBytes`. */
export function parseManifestText(text: string, file: string): ReadManifests {
  return parseManifestBytes(Buffer.from(text, 'utf8'), file);
}

function statOf(p: string): fs.Stats | string {
  try {
    return fs.statSync(p);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') {
      return isSymbolicLink(p) ? 'a symbolic link to nothing' : 'no such file or folder';
    }
    return code === 'ELOOP' ? 'a symbolic link loop' : `cannot be read (${code})`;
  }
}

function isSymbolicLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The file's bytes, or why they are not read: larger than `max`, or unreadable. Streams (a FIFO, a device) are read up to `max`. */
function readBytes(file: string, stat: fs.Stats, max: number): Uint8Array | string {
  const tooLarge = `larger than ${formatBytes(max)}, the most one file may hold here; split it`;
  if (stat.isFile() && stat.size > max) {
    return tooLarge;
  }
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return `cannot be read (${errorCode(e)})`;
  }
  try {
    const bytes = readAll((buffer) => fs.readSync(fd, buffer), max);
    return bytes ?? tooLarge;
  } catch (e) {
    return `cannot be read (${errorCode(e)})`;
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads chunks until `read` returns 0; undefined when more than `max` bytes come. */
function readAll(read: (buffer: Buffer) => number, max: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(MIB);
    const count = read(buffer);
    if (count === 0) {
      return Buffer.concat(chunks, total);
    }
    total += count;
    if (total > max) {
      return undefined;
    }
    chunks.push(buffer.subarray(0, count));
  }
}

function readStdin(): Uint8Array | undefined {
  return readAll((buffer) => {
    for (;;) {
      try {
        return fs.readSync(0, buffer);
      } catch (e) {
        // A non-blocking stdin with nothing yet: wait a little and try again.
        if (errorCode(e) !== 'EAGAIN') {
          throw e;
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      }
    }
  }, MAX_FILE_BYTES);
}

function fileType(stat: fs.Stats): string {
  return stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() ? 'a character device'
    : stat.isBlockDevice() ? 'a block device' : 'not a file';
}

function formatBytes(bytes: number): string {
  return bytes >= MIB ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
