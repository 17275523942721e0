import * as fs from 'fs';

/** What is written is gathered up to this many bytes, then written with one system call. */
const BUFFER_BYTES = 262144;
/**
 * Texts are joined up to this many characters before they are encoded: commands write millions
 * of short lines, and encoding each on its own costs more than writing it. At most 3 bytes a
 * character, a joined text always fits an empty buffer.
 */
const PENDING_CHARS = 65536;

/** Where a command writes what it computes, as it computes it. */
export interface Output {
  write(text: string): void;
}

/** The output went away (a closed pipe, as with `| head`): the run ends quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('the output was closed');
    this.name = 'OutputClosed';
  }
}

/**
 * Runs `write`, which streams to an output, and stops it quietly when the reader goes away
 * (`OutputClosed`): the command then still reports its findings on stderr and an exit code for
 * what it wrote, instead of ending with nothing said.
 */
export function untilClosed(write: () => void): void {
  try {
    write();
  } catch (e) {
    if (!(e instanceof OutputClosed)) {
      throw e;
    }
  }
}

/** The output could not be written (a full disk): the run ends with this one line. */
export class OutputFailed extends Error {
  constructor(code: string) {
    super(`cannot write the output: ${code}`);
    this.name = 'OutputFailed';
  }
}

/**
 * Writes to a file descriptor (1 for stdout) in blocking chunks, so that output of any size
 * streams with bounded memory, and a reader that stops reading ends the run quietly rather than
 * with Node's unhandled 'error' event and stack trace.
 */
export class DescriptorOutput implements Output {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private pending = '';

  constructor(private readonly fd: number) {}

  public write(text: string): void {
    this.pending += text;
    if (this.pending.length >= PENDING_CHARS) {
      this.encodePending();
    }
  }

  public flush(): void {
    this.encodePending();
    this.writeBuffer();
  }

  /** Moves the joined texts into the buffer, after writing the buffer out if they may not fit; a very long text goes alone. */
  private encodePending(): void {
    const text = this.pending;
    this.pending = '';
    if (this.used + text.length * 3 > BUFFER_BYTES) {
      this.writeBuffer();
      if (text.length * 3 > BUFFER_BYTES) {
        this.writeAll(Buffer.from(text));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  private writeBuffer(): void {
    if (this.used > 0) {
      this.writeAll(this.buffer.subarray(0, this.used));
      this.used = 0;
    }
  }

  private writeAll(bytes: Buffer): void {
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += fs.writeSync(this.fd, bytes, offset);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        if (code === 'EAGAIN') {
          // A non-blocking pipe is full: wait for the reader instead of spinning.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        throw code === 'EPIPE' ? new OutputClosed() : new OutputFailed(code);
      }
    }
  }
}

/** Gathers everything written, for tests and for commands whose callers want a string. */
export class StringOutput implements Output {
  private readonly chunks: string[] = [];

  public write(text: string): void {
    this.chunks.push(text);
  }

  public toString(): string {
    return this.chunks.join('');
  }
}
