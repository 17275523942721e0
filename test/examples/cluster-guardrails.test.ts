import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { clusterGuardrails } from '../../examples/cluster-guardrails';
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

  test('every intent holds, those the Admin and Baseline tiers decide among them', () => {
    const results = example.intents.results();
    expect(results.map((r) => [r.id, r.status]).filter(([, status]) => status !== IntentStatus.OK)).toEqual([]);
    expect(results).toHaveLength(7);
    // The tiers decide these, not the namespaces' policies: their messages name the deciding rules.
    const messages = new Map(results.map((r) => [r.id, r.message]));
    expect(messages.get('NP-REACH[shop/web -> kube-system/coredns UDP/53]')).toMatch(
      /^allowed: egress from shop\/web is allowed by ClusterNetworkPolicy dns rule "[^"]+" \(Admin, priority 5, egress\[0\]\), and /);
    expect(messages.get('NP-REACH[sandbox/sandbox -> payments/ledger TCP/8080]')).toContain(
      'ingress to payments/ledger is denied by ClusterNetworkPolicy dev-to-payments rule "deny from namespaces(env=dev)" (Admin, priority 10, ingress[0])');
    expect(messages.get('NP-REACH[monitoring/prometheus -> payments/ledger TCP/9090]')).toContain(
      'ingress to payments/ledger is allowed by ClusterNetworkPolicy scraping rule "accept from namespace(monitoring)" (Admin, priority 6, ingress[0])');
    expect(messages.get('NP-REACH[sandbox/sandbox -> shop/web TCP/8080]')).toContain(
      'ingress to shop/web is denied by ClusterNetworkPolicy default-deny rule "deny all ingress from pods" (Baseline, priority 100, ingress[0])');
  });

  test('the lints find nothing: the Admin tier lets every pod reach DNS, which the namespaces\' egress rules do not', () => {
    expect(example.intents.lintResults().map((r) => [r.id, r.status])).toEqual([]);
  });
});
