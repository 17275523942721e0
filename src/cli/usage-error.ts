/**
 * Input the command cannot use (missing file, malformed YAML, bad flag). The CLI prints its
 * message without a stack trace and exits with code 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
