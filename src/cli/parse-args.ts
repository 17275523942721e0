import { UsageError } from './usage-error';

/** A command line split into positional arguments and `--flag value` options. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string>;
}

/** The flags every command takes without a value: its own help. */
export const HELP_FLAGS: ReadonlySet<string> = new Set(['--help', '-h']);

/**
 * Splits `args` into positionals and options. Every option takes a value (`--port 80` or
 * `--port=80`); options not in `allowed` are refused so that typos do not go unnoticed. A lone
 * `-` is a positional (stdin).
 */
export function parseArgs(args: string[], allowed: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!allowed.includes(name)) {
      const known = allowed.map((a) => `--${a}`).join(', ') || 'none';
      throw new UsageError(`unknown option --${name} (options here: ${known}, --help)`);
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`option --${name} needs a value`);
    }
    if (options.has(name)) {
      throw new UsageError(`option --${name} is given twice`);
    }
    options.set(name, value);
  }
  return { positionals, options };
}

/** Returns the value of `name` if it is one of `choices` (or `fallback` when absent). */
export function choiceOption(parsed: ParsedArgs, name: string, choices: string[], fallback: string): string {
  const value = parsed.options.get(name) ?? fallback;
  if (!choices.includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${value}"`);
  }
  return value;
}
