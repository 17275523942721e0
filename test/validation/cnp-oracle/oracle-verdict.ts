import { createHash } from 'crypto';

/** What the API-server oracle answered for one object in one channel. */
export interface OracleVerdict {
  /** `ok` (201 Created), `validate` (400 or 422), `route` (no such kind/version served), or `decode`. */
  readonly stage: string;
  readonly code: number | null;
  /** Each cause as `[field, message, reason]`, in the oracle's order (sorted by field, then message). */
  readonly causes: [string, string, string][];
  /** For a 400 strict decoding error: the unknown fields it lists. */
  readonly unknownFields?: string[];
  /** The server's warnings. */
  readonly warnings: string[];
  /** For `route` and `decode`: the message. */
  readonly message?: string;
  /**
   * For a 400 strict decoding error: the answer for the same object with the unknown fields
   * dropped, which is what a server with field validation `Warn` or `Ignore` would validate.
   */
  readonly afterPruning?: OracleVerdict;
}

/** The verdicts of one case. */
export interface CaseVerdicts {
  readonly name: string;
  /** Identifies the manifest the verdicts were recorded for: a changed case must be recorded again. */
  readonly manifestHash: string;
  readonly standard: OracleVerdict;
  readonly experimental: OracleVerdict;
}

/** The file `verdicts.json`. */
export interface VerdictsFile {
  readonly oracle: string;
  readonly cases: CaseVerdicts[];
}

/** A short hash of the manifest's JSON. */
export function manifestHash(manifest: unknown): string {
  return createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 16);
}

/** The field paths in a strict decoding error message, in its order. */
export function unknownFieldsOf(message: string): string[] {
  return [...message.matchAll(/unknown field "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
}
