import * as path from 'path';

/** The lint rules .projenrc.ts configures for src/, run on code placed in a file of each layer. */
// eslint 9 reads projen's .eslintrc.json through its legacy class.
process.env.ESLINT_USE_FLAT_CONFIG = 'false';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LegacyESLint } = require('eslint/use-at-your-own-risk');

const root = path.join(__dirname, '..', '..');
const eslint = new LegacyESLint({ cwd: root });

/** A file of each layer (lint reads the given text in its place). */
const FILE: Record<string, string> = {
  k8s: 'src/k8s/kinds.ts',
  validation: 'src/validation/rules.ts',
  policy: 'src/policy/namespace-name.ts',
  constructs: 'src/constructs/policy-rules.ts',
  analysis: 'src/analysis/cached.ts',
  intents: 'src/intents/first-few.ts',
  report: 'src/report/markdown-cell.ts',
  cli: 'src/cli/usage-error.ts',
};

async function ruleIds(layer: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, FILE[layer]) });
  return result.messages.map((m: { ruleId: string | null; message: string }) => m.ruleId ?? m.message);
}

const importing = (module: string) => `import * as m from '${module}';\nexport const used = m;\n`;

describe('layers', () => {
  test.each([
    ['k8s', '../validation/rules'],
    ['validation', '../policy/peer'],
    ['policy', '../constructs/network-policy'],
    ['constructs', '../analysis/evaluator'],
    ['analysis', '../constructs/network-policy'],
    ['analysis', '../intents/endpoint'],
    ['intents', '../report/verdict-report'],
    ['report', '../cli/main'],
  ])('%s may not import %s', async (layer, module) => {
    expect(await ruleIds(layer, importing(module))).toContain('import/no-restricted-paths');
  }, 60_000);

  test.each([
    ['validation', '../k8s/kinds'],
    ['policy', '../validation/finding'],
    ['constructs', '../policy/peer'],
    ['analysis', '../validation/validator'],
    ['intents', '../analysis/evaluator'],
    ['report', '../intents/intent-result'],
    ['cli', '../report/verdict-report'],
  ])('%s may import %s', async (layer, module) => {
    expect(await ruleIds(layer, importing(module))).not.toContain('import/no-restricted-paths');
  }, 60_000);
});

describe('errors', () => {
  test('src throws typed errors, never a bare Error', async () => {
    expect(await ruleIds('analysis', "export function f(): void {\n  throw new Error('x');\n}\n")).toContain('no-restricted-syntax');
    expect(await ruleIds('analysis', "import { InputError } from '../k8s/input-error';\n\nexport function f(): void {\n  throw new InputError('f', ['x']);\n}\n"))
      .not.toContain('no-restricted-syntax');
  }, 60_000);
});
