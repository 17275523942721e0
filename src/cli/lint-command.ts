import { CHANNEL_HELP, CHANNEL_OPTION, clusterPolicyChannel } from './channel-option';
import { CIDR_OPTION, strictCidr } from './cidr-option';
import { CommandResult, EXIT_FINDINGS, EXIT_OK } from './command-result';
import { loadModel } from './load-model';
import { choiceOption, parseArgs } from './parse-args';
import { ReadOptions } from './read-manifests';
import { UsageError } from './usage-error';
import { LintFinding } from '../analysis/lint-finding';
import { LintId } from '../analysis/lint-id';
import { isLintId, LINT_IDS } from '../analysis/lint-report';
import { Linter } from '../analysis/linter';

export const LINT_USAGE = 'cdk8s-netpol lint [--format text|json] [--checks <id,id,...>] [--cidr strict|legacy] [--channel standard|experimental] <files, folders or - ...>';


export const LINT_HELP = [
  `usage: ${LINT_USAGE}`,
  '',
  'Finds mistakes in NetworkPolicies that the API server accepts and no expectation asks about,',
  'each with its lint id, the policy, the field path and the fix. Exit 1 when there is a finding.',
  '',
  '  --format text|json  text (default): <file> <namespace>/<name>: <field>: <id>: <message>;',
  '                      json: {"findings": [{"id", "namespace", "name", "field", "message"}]}',
  '  --checks <ids>      only these lints, comma-separated (default: all of them)',
  '  --cidr strict|legacy  which CIDR forms a policy may use (default: strict)',
  CHANNEL_HELP,
  '',
  `Lint ids: ${LINT_IDS.join(', ')}.`,
  '',
  'Exit codes: 0 no finding, 1 a finding or a problem with the input, 2 bad flags or no input.',
].join('\n');

/**
 * `lint`: every lint finding on the input's NetworkPolicies (`Linter.lint`), in the model's
 * reading order. Text: one line per finding, located like `check`'s lines; JSON: the contract's
 * `{"findings": [...]}`. The model's own findings (invalid policies, unusable documents) go to
 * stderr as in every command; errors among them also make the exit code 1.
 */
export function lintCommand(args: string[], input: ReadOptions = {}): CommandResult {
  const parsed = parseArgs(args, ['format', 'checks', CIDR_OPTION, CHANNEL_OPTION]);
  const format = choiceOption(parsed, 'format', ['text', 'json'], 'text');
  const checks = checksOption(parsed.options.get('checks'));
  const { model, findingLines, hasErrors } = loadModel(parsed.positionals, strictCidr(parsed), input, clusterPolicyChannel(parsed));
  const findings = Linter.lint(model, { checks });
  const stdout = format === 'json'
    ? JSON.stringify({ findings: findings.map(jsonFinding) }, undefined, 2) + '\n'
    : findings.map((f) => textLine(f) + '\n').join('');
  const summary = `${findings.length} lint finding(s) on ${model.policies.length} NetworkPolic${model.policies.length === 1 ? 'y' : 'ies'}`;
  return {
    exitCode: findings.length > 0 || hasErrors ? EXIT_FINDINGS : EXIT_OK,
    stdout,
    stderr: [...findingLines, summary].map((l) => l + '\n').join(''),
  };
}

/** `--checks NP-LINT-A,NP-LINT-B`: the lints to run, refused with the list when one is unknown. */
function checksOption(value: string | undefined): LintId[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const unknown = ids.filter((id) => !isLintId(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new UsageError(`--checks takes lint ids separated by commas${unknown.length > 0 ? `; not a lint id: ${unknown.join(', ')}` : ''} (ids: ${LINT_IDS.join(', ')})`);
  }
  return ids as LintId[];
}

/** `<file> <namespace>/<name>: <field>: <id>: <message>`, the field left out for a finding on the whole policy. */
function textLine(f: LintFinding): string {
  return `${f.origin} ${f.namespaceName}/${f.name}: ${f.field ? `${f.field}: ` : ''}${f.id}: ${f.message}`;
}

function jsonFinding(f: LintFinding) {
  return { id: f.id, namespace: f.namespaceName, name: f.name, field: f.field, message: f.message };
}
