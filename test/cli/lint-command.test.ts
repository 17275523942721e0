import * as path from 'path';
import { LintId } from '../../src/analysis/lint-id';
import { LINT_HELP, lintCommand } from '../../src/cli/lint-command';
import { UsageError } from '../../src/cli/usage-error';

const fixture = (name: string) => path.join('test', 'cli', 'fixtures', name);
const mistakes = fixture('lint.yaml');

describe('lint', () => {
  test('json: the contract\'s findings, in reading order, exit 1', () => {
    const result = lintCommand(['--format', 'json', mistakes]);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      findings: [
        { id: LintId.PEER_MATCHES_NOTHING, namespace: 'shop', name: 'api-from-web', field: 'spec.ingress[0].from[0]', message: expect.stringMatching(/app=wbe .*close matches: app=web.*Fix: /) },
        { id: LintId.RULES_IGNORED, namespace: 'shop', name: 'api-from-web', field: 'spec.egress', message: expect.stringMatching(/has no Egress.*Fix: /) },
        { id: LintId.DNS_BLOCKED, namespace: 'shop', name: 'deny-egress', field: 'spec.egress', message: expect.stringMatching(/cannot reach the cluster DNS.*Fix: /) },
      ],
    });
    expect(result.stderr).toBe('3 lint finding(s) on 2 NetworkPolicies\n');
  });

  test('text: one line per finding, naming where the policy is, the policy, the field, the id and the fix', () => {
    const lines = lintCommand([mistakes]).stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^\S+lint\.yaml:\d+ shop\/api-from-web: spec\.ingress\[0\]\.from\[0\]: NP-LINT-PEER-MATCHES-NOTHING: podSelector app=wbe .*Fix: /),
      expect.stringMatching(/^\S+lint\.yaml:\d+ shop\/api-from-web: spec\.egress: NP-LINT-RULES-IGNORED: /),
      expect.stringMatching(/^\S+lint\.yaml:\d+ shop\/deny-egress: spec\.egress: NP-LINT-DNS-BLOCKED: /),
    ]);
  });

  test('clean input: nothing printed but the count, exit 0', () => {
    for (const format of ['text', 'json']) {
      const result = lintCommand(['--format', format, fixture('shop.yaml')]);
      expect([result.exitCode, result.stderr]).toEqual([0, '0 lint finding(s) on 3 NetworkPolicies\n']);
      expect(result.stdout).toBe(format === 'json' ? '{\n  "findings": []\n}\n' : '');
    }
  });

  test('--channel experimental reads the ClusterNetworkPolicies that use its fields, which the tiers then apply', () => {
    const tiers = fixture('cluster-tiers.yaml');
    expect(lintCommand([tiers]).stderr).toMatch(/no-infra-nodes: spec\.egress\[0\]\.to\[0\]\.nodes: unknown field "nodes"/);
    expect(lintCommand(['--channel', 'experimental', tiers]).stderr).not.toMatch(/no-infra-nodes/);
  });

  test('--checks runs only the lints named', () => {
    const ids = (checks: string) => JSON.parse(lintCommand(['--format', 'json', '--checks', checks, mistakes]).stdout).findings.map((f: any) => f.id);
    expect(ids('NP-LINT-DNS-BLOCKED')).toEqual([LintId.DNS_BLOCKED]);
    expect(ids('NP-LINT-RULES-IGNORED, NP-LINT-DNS-BLOCKED')).toEqual([LintId.RULES_IGNORED, LintId.DNS_BLOCKED]);
    expect(lintCommand(['--checks', 'NP-LINT-SELECTS-NOTHING', mistakes]).exitCode).toBe(0);
  });

  test('an invalid policy is reported on stderr and makes the exit code 1; it is not linted', () => {
    const result = lintCommand([fixture('invalid.yaml')]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/invalid\.yaml:\d+ \S+\/\S+: /);
  });

  test.each([
    [['--format', 'yaml', mistakes], /--format must be one of text, json/],
    [['--checks', 'NP-LINT-TYPO', mistakes], /not a lint id: NP-LINT-TYPO \(ids: NP-LINT-SELECTS-NOTHING, /],
    [['--checks', ',', mistakes], /--checks takes lint ids/],
    [[], /no input/],
  ])('usage errors: %j', (args, message) => {
    expect(() => lintCommand(args)).toThrow(UsageError);
    expect(() => lintCommand(args)).toThrow(message);
  });

  test('the help names every lint id', () => {
    for (const id of Object.values(LintId)) {
      expect(LINT_HELP).toContain(id);
    }
  });
});
