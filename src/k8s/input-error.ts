/**
 * An error that crosses a layer: a stable code, the subject it concerns and one entry per
 * problem. Callers branch on the class (and `code`), never on the message text, which reads
 * `<code>[<subject>]: <problem>; <problem>` so a user sees every mistake in one run.
 */
export class NetpolError extends Error {
  constructor(
    /** The stable id prefix, e.g. `NP-INPUT`. */
    public readonly code: string,
    /** What the problems concern: a factory (`PortRange.tcp`), a construct path, a query field (`port`). */
    public readonly subject: string,
    /** One entry per problem, each naming the field and what would be valid. */
    public readonly problems: readonly string[],
  ) {
    super(`${code}[${subject}]: ${problems.join('; ')}`);
    this.name = 'NetpolError';
  }

  /** The problems without the code and subject, as one sentence. */
  public get reason(): string {
    return this.problems.join('; ');
  }
}

/**
 * Input the library cannot use: a value-type factory's or construct's arguments, or a query
 * naming an unknown endpoint or port. Code `NP-INPUT`.
 */
export class InputError extends NetpolError {
  constructor(subject: string, problems: readonly string[]) {
    super('NP-INPUT', subject, problems);
    this.name = 'InputError';
  }
}

/** Longer values are shortened in messages, keeping their start and their length. */
const QUOTE_LIMIT = 80;

/**
 * A value as messages quote it: JSON, shortened past 80 characters to its start and its size in
 * bytes (`"aaaa…(254 bytes)"`), so a runaway value does not bury the reason.
 */
export function quoted(value: string): string {
  if (typeof value !== 'string') {
    // Plain JavaScript can pass anything where a string belongs.
    return shown(value);
  }
  if (value.length <= QUOTE_LIMIT) {
    return JSON.stringify(value);
  }
  return `${JSON.stringify(value.slice(0, QUOTE_LIMIT)).slice(0, -1)}…(${Buffer.byteLength(value)} bytes)"`;
}

/**
 * Any value as messages show it, whatever plain JavaScript passed: JSON when it has a JSON form
 * (shortened as `quoted` shortens), else its type. Never throws.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') {
    return quoted(value);
  }
  if (typeof value !== 'object' || value === null) {
    // Numbers as JavaScript writes them (NaN, Infinity), booleans, undefined, null.
    return typeof value === 'function' || typeof value === 'symbol' ? typeof value : String(value);
  }
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) {
      return json.length <= QUOTE_LIMIT ? json : `${json.slice(0, QUOTE_LIMIT)}…`;
    }
  } catch {
    // A value without a JSON form (a cycle, a BigInt): its type says enough.
  }
  return typeof value;
}
