import * as fs from 'fs';
import * as path from 'path';

/** A file to write, and how to render its text (called once). */
export interface ReportFile {
  readonly file: string;
  readonly render: () => string;
}

/**
 * Writes every file or, when the file system refuses one (no space, no permission, a read-only
 * outdir), none: each text goes to a temporary file beside its target first, and only when all
 * of them are written are they renamed over the targets. A rename within a directory is atomic,
 * so a reader, or a synthesis killed midway, never sees a half-written file. Returns what went
 * wrong, naming the file, or undefined. Errors other than the file system's propagate, after
 * the temporary files are removed.
 */
export function writeFilesAtomically(files: readonly ReportFile[]): string | undefined {
  const written: Array<{ temporary: string; file: string }> = [];
  let renamed = 0;
  let current = '';
  try {
    for (const { file, render } of files) {
      const text = render();
      current = file;
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
      written.push({ temporary, file });
      fs.writeFileSync(temporary, text);
    }
    for (const { temporary, file } of written) {
      current = file;
      fs.renameSync(temporary, file);
      renamed++;
    }
    return undefined;
  } catch (e) {
    if (isFileSystemError(e)) {
      // "ENOSPC: no space left on device, write" -> "no space left on device (ENOSPC)"
      const description = e.message.replace(/^[A-Z]+: /, '').split(',')[0];
      return `${path.basename(current)}: ${description} (${e.code})`;
    }
    throw e;
  } finally {
    for (const { temporary } of written.slice(renamed)) {
      // Only what this function wrote: a file (a directory in the way is someone else's).
      if (fs.lstatSync(temporary, { throwIfNoEntry: false })?.isFile()) {
        fs.rmSync(temporary);
      }
    }
  }
}

/** Read structurally: errors of Node's own modules may come from another realm (a test runner's), where `instanceof Error` fails. */
function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  const candidate = e as NodeJS.ErrnoException | undefined;
  return typeof candidate?.code === 'string' && typeof candidate.syscall === 'string' && typeof candidate.message === 'string';
}
