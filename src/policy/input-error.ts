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
