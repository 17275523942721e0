/**
 * Runs documents through the oracle (README.md here): each document in its own JSON file, keys
 * sorted as kubectl sends them, because kubectl stops reading a file at some errors.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CorpusCase } from './corpus';
import { OracleVerdict, sentText } from './fixture';

/** One line of the oracle's output, as far as the fixtures keep it. */
interface OracleRecord extends OracleVerdict {
  readonly file: string;
  readonly message: string;
  readonly causes: { readonly field: string; readonly message: string; readonly reason: string }[];
}

/** The oracle's path, from NP_ORACLE; exits with a hint when it is not set. */
export function oraclePath(): string {
  const oracle = process.env.NP_ORACLE;
  if (!oracle) {
    process.stderr.write('set NP_ORACLE to the np-oracle binary (see test/validation/oracle/README.md)\n');
    process.exit(2);
  }
  return oracle;
}

/** The verdict on each case, in order. */
export function runOracle(oracle: string, cases: CorpusCase[]): OracleVerdict[] {
  const dir = mkdtempSync(join(tmpdir(), 'np-corpus-'));
  try {
    const files = cases.map((c, i) => {
      const file = join(dir, `${String(i).padStart(5, '0')}.json`);
      writeFileSync(file, sentText(c.document) + '\n');
      return file;
    });
    const out = execFileSync(oracle, files, { maxBuffer: 2 ** 30, encoding: 'utf8' });
    const byFile = new Map<string, OracleRecord>();
    for (const line of out.split('\n').filter((l) => l.trim())) {
      const record = JSON.parse(line) as OracleRecord;
      if (byFile.has(record.file)) throw new Error(`two answers for ${record.file}`);
      byFile.set(record.file, record);
    }
    return cases.map((c, i) => {
      const record = byFile.get(files[i]);
      if (!record) throw new Error(`no answer for ${c.id}`);
      const accepted = record.stage === 'ok' || record.stage === 'validate';
      return {
        stage: record.stage,
        by: record.by,
        code: record.code,
        // A 422's message only repeats its causes; the name in it is the generated one.
        ...(accepted ? {} : { message: record.message.split(files[i]).join('FILE') }),
        causes: record.causes.map(({ field, message }) => ({ field, message })),
        warnings: record.warnings,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
