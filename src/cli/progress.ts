/** A run shorter than this shows no progress at all. */
const QUIET_MS = 1000;
/** Redraw at most this often. */
const REDRAW_MS = 200;

/**
 * One updating line on stderr (`connections: 1,234 of 20,000`, sources done of all) for runs
 * over a second, and only when stderr is a terminal: scripts and pipes never see it.
 */
export class Progress {
  private readonly started = Date.now();
  private drawn = 0;
  private visible = false;

  constructor(private readonly label: string, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** Reports that `done` of `total` are finished. */
  public update(done: number, total: number): void {
    const now = Date.now();
    if (!this.stream.isTTY || now - this.started < QUIET_MS || now - this.drawn < REDRAW_MS) {
      return;
    }
    this.drawn = now;
    this.visible = true;
    this.stream.write(`\r${this.label}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}\u001b[K`);
  }

  /** Clears the line, if one was drawn. */
  public done(): void {
    if (this.visible) {
      this.stream.write('\r\u001b[K');
      this.visible = false;
    }
  }
}
