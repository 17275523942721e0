/**
 * Builds the error thrown when a value-type factory is given input it cannot use.
 *
 * Messages follow the project format `NP-INPUT[<subject>]: <field>: <reason and fix>`,
 * one problem per `; `-separated part, so a user sees every mistake in one run.
 *
 * @param subject the factory that received the input, e.g. `PortRange.tcp`
 * @param problems one entry per problem, each naming the field and what would be valid
 */
export function inputError(subject: string, problems: string[]): Error {
  return new Error(`NP-INPUT[${subject}]: ${problems.join('; ')}`);
}

/** Longer values are shortened in messages, keeping their start and their length. */
const QUOTE_LIMIT = 80;

/**
 * A value as messages quote it: JSON, shortened past 80 characters to its start and its size in
 * bytes (`"aaaa…(254 bytes)"`), so a runaway value does not bury the reason.
 */
export function quoted(value: string): string {
  if (value.length <= QUOTE_LIMIT) {
    return JSON.stringify(value);
  }
  return `${JSON.stringify(value.slice(0, QUOTE_LIMIT)).slice(0, -1)}…(${Buffer.byteLength(value)} bytes)"`;
}
