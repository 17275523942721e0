/**
 * Runs the corpus through the oracle (README.md here) and writes its verdicts as fixtures:
 *
 *   NP_ORACLE=/path/to/np-oracle npx ts-node test/validation/oracle/generate-fixtures.ts
 */
import { writeFileSync } from 'fs';
import { CorpusCase, curatedCases, fuzzCases } from './corpus';
import { digest, FIXTURES, FUZZ_COUNT, FUZZ_SEED, KUBERNETES_VERSION } from './fixture';
import { oraclePath, runOracle } from './run-oracle';

const oracle = oraclePath();
const corpora: [string, CorpusCase[]][] = [['curated', curatedCases()], ['fuzz', fuzzCases(FUZZ_SEED, FUZZ_COUNT)]];
for (const [name, cases] of corpora) {
  const verdicts = runOracle(oracle, cases);
  // One case a line, so that a change shows as the cases it changes.
  const lines = cases.map((c, i) => JSON.stringify({ id: c.id, sha256: digest(c.document), verdict: verdicts[i] }));
  const head = JSON.stringify({ kubernetes: KUBERNETES_VERSION, corpus: name });
  writeFileSync(FIXTURES[name], `${head.slice(0, -1)},"cases":[\n${lines.join(',\n')}\n]}\n`);
  process.stdout.write(`${name}: ${cases.length} documents -> ${FIXTURES[name]}\n`);
}
