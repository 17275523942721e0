/**
 * A fuzz beyond the fixtures, straight against the oracle, to look for disagreements:
 *
 *   NP_ORACLE=/path/to/np-oracle npx ts-node test/validation/oracle/explore.ts <seed> <count> [max mutations]
 *
 * Prints each disagreement (at most 10) and the agreement count.
 */
import { disagreement } from './agreement';
import { fuzzCases } from './corpus';
import { sentText } from './fixture';
import { oraclePath, runOracle } from './run-oracle';

const [seed, count, maxMutations] = process.argv.slice(2).map(Number);
const cases = fuzzCases(seed, count, maxMutations || undefined);
const verdicts = runOracle(oraclePath(), cases);
const differences = cases.flatMap((c, i) => {
  const difference = disagreement(c.document, verdicts[i]);
  return difference ? [`--- ${c.id} ${sentText(c.document)}\n${difference}`] : [];
});
process.stdout.write(differences.slice(0, 10).map((d) => `${d}\n`).join(''));
process.stdout.write(`seed ${seed}: ${cases.length - differences.length}/${cases.length} agree\n`);
