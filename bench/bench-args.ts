/** What a bench script was given: the value of each `--name value` flag, and the bare switches. */
export interface BenchArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly switches: ReadonlySet<string>;
}

/**
 * Reads a bench script's flags: `valued` take the next argument, `switches` none. Anything else,
 * a flag without its value, or a `--seed` that is no whole number is refused with `usage`.
 */
export function benchArgs(argv: readonly string[], usage: string, valued: readonly string[], switches: readonly string[] = []): BenchArgs {
  const values = new Map<string, string>();
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (argv[i].startsWith('--') && switches.includes(name)) {
      given.add(name);
    } else if (argv[i].startsWith('--') && valued.includes(name) && argv[i + 1] !== undefined) {
      values.set(name, argv[++i]);
    } else {
      throw new Error(usage);
    }
  }
  const seed = values.get('seed');
  if (seed !== undefined && !/^\d+$/.test(seed)) {
    throw new Error(usage);
  }
  return { values, switches: given };
}
