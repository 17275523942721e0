/**
 * Records the API-server oracle's answers for the corpus into verdicts.json.
 *
 *   npx ts-node --project test/tsconfig.json test/validation/cnp-oracle/record.ts /path/to/cnp-oracle
 *
 * The oracle (see README.md here) is not part of this repository. Each channel gets one run over
 * the whole corpus, then one more over the objects it refused with a strict decoding error, their
 * unknown fields dropped.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cnpCorpus } from './corpus';
import { CaseVerdicts, manifestHash, OracleVerdict, unknownFieldsOf, VerdictsFile } from './oracle-verdict';

const ORACLE_DESCRIPTION = 'cnp-oracle: kubectl create (--validate=strict) against the real apiextensions-apiserver handler '
  + '(k8s.io/* v0.37.2) with the ClusterNetworkPolicy CRD of kubernetes-sigs/network-policy-api v0.2.0 '
  + '(a17adecd0316b8ff1c3f83939ec0441d68cd6cce), standard and experimental channels; causes sorted by field, then message';

interface OracleLine {
  readonly doc: number;
  readonly stage: string;
  readonly code: number | null;
  readonly message: string;
  readonly causes: { field: string; message: string; reason: string }[];
  readonly warnings: string[];
}

function runOracle(oracle: string, channel: string, manifests: unknown[], dir: string): OracleLine[] {
  const file = join(dir, `${channel}-${manifests.length}.yaml`);
  // A comment first, so the decoder reads YAML documents (each one JSON) rather than a JSON stream.
  writeFileSync(file, '# corpus\n' + manifests.map((m) => `---\n${JSON.stringify(m)}\n`).join(''));
  const out = execFileSync(oracle, ['-channel', channel, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as OracleLine);
  if (lines.length !== manifests.length || lines.some((l, i) => l.doc !== i)) {
    throw new Error(`${channel}: expected one answer per document, got ${lines.length} for ${manifests.length}`);
  }
  return lines;
}

function verdictOf(line: OracleLine): OracleVerdict {
  const unknownFields = line.code === 400 ? unknownFieldsOf(line.message) : undefined;
  return {
    stage: line.stage,
    code: line.code,
    causes: line.causes.map((c) => [c.field, c.message, c.reason]),
    ...(unknownFields ? { unknownFields } : {}),
    warnings: line.warnings,
    ...(line.stage === 'route' || line.stage === 'decode' ? { message: line.message } : {}),
  };
}

/** Drops the field at a path such as `spec.egress[0].to[0].nodes`. */
function prune(manifest: unknown, path: string): void {
  const steps = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let node: any = manifest;
  for (const step of steps.slice(0, -1)) {
    node = step.startsWith('[') ? node?.[Number(step.slice(1, -1))] : node?.[step];
  }
  const last = steps[steps.length - 1];
  if (node !== null && typeof node === 'object' && last !== undefined) {
    delete node[last];
  }
}

function record(oracle: string): VerdictsFile {
  const corpus = cnpCorpus();
  const dir = mkdtempSync(join(tmpdir(), 'cnp-oracle-'));
  const byChannel = new Map<string, OracleVerdict[]>();
  for (const channel of ['standard', 'experimental']) {
    const verdicts = runOracle(oracle, channel, corpus.map((c) => c.manifest), dir).map(verdictOf);
    const refused = verdicts.map((v, i) => (v.unknownFields ? i : -1)).filter((i) => i >= 0);
    const pruned = refused.map((i) => {
      const copy = JSON.parse(JSON.stringify(corpus[i].manifest));
      verdicts[i].unknownFields!.forEach((path) => prune(copy, path));
      return copy;
    });
    const second = pruned.length > 0 ? runOracle(oracle, `${channel}`, pruned, dir).map(verdictOf) : [];
    refused.forEach((caseIndex, j) => {
      verdicts[caseIndex] = { ...verdicts[caseIndex], afterPruning: second[j] };
    });
    byChannel.set(channel, verdicts);
  }
  const cases: CaseVerdicts[] = corpus.map((c, i) => ({
    name: c.name,
    manifestHash: manifestHash(c.manifest),
    standard: byChannel.get('standard')![i],
    experimental: byChannel.get('experimental')![i],
  }));
  return { oracle: ORACLE_DESCRIPTION, cases };
}

const oraclePath = process.argv[2];
if (!oraclePath) {
  throw new Error('usage: record.ts /path/to/cnp-oracle');
}
const file = record(oraclePath);
// One case per line: reviewable diffs when a case changes.
const text = `{\n  "oracle": ${JSON.stringify(file.oracle)},\n  "cases": [\n${file.cases.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]\n}\n`;
writeFileSync(join(__dirname, 'verdicts.json'), text);
console.log(`recorded ${file.cases.length} cases`);
