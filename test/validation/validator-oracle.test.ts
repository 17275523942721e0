/**
 * The validator against Kubernetes 1.37.2 itself: the verdicts in test/validation/fixtures are what
 * `kubectl create -f` got from a real kube-apiserver for each corpus document (oracle/README.md says
 * how they were made). On every document the validator must refuse at the same stage, say what that
 * stage says, and, where the server validated, give exactly the server's causes.
 */
import { readFileSync } from 'fs';
import { disagreement } from './oracle/agreement';
import { CorpusCase, curatedCases, fuzzCases } from './oracle/corpus';
import { digest, FIXTURES, FUZZ_COUNT, FUZZ_SEED, KUBERNETES_VERSION, OracleFixture } from './oracle/fixture';

const corpora: [string, CorpusCase[]][] = [['curated', curatedCases()], ['fuzz', fuzzCases(FUZZ_SEED, FUZZ_COUNT)]];

describe.each(corpora)('the %s corpus', (name, cases) => {
  const fixture = JSON.parse(readFileSync(FIXTURES[name], 'utf8')) as OracleFixture;

  test('the fixture holds the server\'s verdict on each document of the corpus as it is generated now', () => {
    expect(fixture.kubernetes).toBe(KUBERNETES_VERSION);
    expect(fixture.cases.map((c) => [c.id, c.sha256])).toEqual(cases.map((c) => [c.id, digest(c.document)]));
  });

  test('the validator agrees with the server on every document', () => {
    const differences = fixture.cases.flatMap((c, i) => {
      const difference = disagreement(cases[i].document, c.verdict);
      return difference ? [`${c.id}: ${difference}`] : [];
    });
    expect(differences).toEqual([]);
  });
});

test('the corpus reaches every stage of the server', () => {
  const stages = new Set(Object.values(FIXTURES).flatMap((file) =>
    (JSON.parse(readFileSync(file, 'utf8')) as OracleFixture).cases.map((c) => `${c.verdict.stage}/${c.verdict.by}`)));
  expect([...stages].sort()).toEqual(['admission/apiserver', 'decode/apiserver', 'decode/kubectl', 'ok/apiserver', 'route/kubectl', 'validate/apiserver']);
});
