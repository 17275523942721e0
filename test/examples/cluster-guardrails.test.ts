import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { clusterGuardrails, PENDING_TIER_INTENTS, PENDING_TIER_LINTS } from '../../examples/cluster-guardrails';
import { checkCommand } from '../../src/cli/check-command';
import { IntentStatus } from '../../src/intents';

describe('the cluster guardrails example', () => {
  const app = Testing.app();
  const example = clusterGuardrails(app);
  beforeAll(() => app.synth());

  test('writes the platform\'s four ClusterNetworkPolicies, cluster-scoped', () => {
    const platform = Testing.synth(example.platform).filter((o: any) => o.kind === 'ClusterNetworkPolicy');
    expect(platform.map((o: any) => [o.metadata.name, o.spec.tier, o.spec.priority, o.metadata.namespace])).toEqual([
      ['dns', 'Admin', 5, undefined],
      ['scraping', 'Admin', 6, undefined],
      ['dev-to-payments', 'Admin', 10, undefined],
      ['default-deny', 'Baseline', 100, undefined],
    ]);
  });

  test('passes check, its ClusterNetworkPolicies and NetworkPolicies alike', () => {
    const files = fs.readdirSync(app.outdir).filter((f) => f.endsWith('.k8s.yaml')).map((f) => path.join(app.outdir, f));
    const result = checkCommand(files);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^checked 5 NetworkPolicies and 4 ClusterNetworkPolicies in \d+ object\(s\): 0 error\(s\), 0 warning\(s\)\n$/);
    expect(result.exitCode).toBe(0);
  });

  test('its intents hold, but those that need the tier layers, acknowledged until they land', () => {
    const notOk = example.intents.results().filter((r) => r.status !== IntentStatus.OK);
    expect(notOk.map((r) => [r.id, r.status])).toEqual(PENDING_TIER_INTENTS.map((id) => [id, IntentStatus.ACKNOWLEDGED]));
    expect(example.intents.results()).toHaveLength(7);
  });

  test('its lint findings are those that need the tier layers, acknowledged until they land', () => {
    expect(example.intents.lintResults().map((r) => [r.id, r.status])).toEqual(PENDING_TIER_LINTS.map((id) => [id, IntentStatus.ACKNOWLEDGED]));
  });
});
