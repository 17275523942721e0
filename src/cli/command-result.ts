/** What a CLI command produced; `main` prints it and exits with `exitCode`. */
export interface CommandResult {
  /** 0 success, 1 findings (invalid policy, denied expectation), 2 unusable input. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The exit codes every command keeps to, for scripts (documented in the README). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
