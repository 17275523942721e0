import { ADMIN_POLICIES, BASELINE_POLICIES, clusterPolicyObjects } from '../../bench/cluster-policies';
import { BenchResult, formatResults, measure } from '../../bench/run';
import { findScale } from '../../bench/scales';
import { ClusterModel } from '../../src/analysis';
import { FindingSeverity } from '../../src/validation/finding';

// The S scale through the runner's measuring function: a smoke test of the benchmark (CI runs no
// other scale), with the allowed-pair count checked against the reference evaluator. No timings
// are asserted.
describe('bench runner', () => {
  const scale = findScale('S');
  let result: BenchResult;
  beforeAll(() => {
    result = measure(scale, { queries: 20_000, explains: 2_000 });
  });

  test('reads the generated cluster back and agrees with the reference evaluator', () => {
    expect(result.objects).toBe(scale.namespaces + scale.workloads + scale.policies);
    expect(result.allowedPairs).toBe(result.referencePairs);
    // Some pairs are allowed and some denied.
    expect(result.allowedPairs).toBeGreaterThan(0);
    expect(result.allowedPairs).toBeLessThan(scale.workloads ** 2);
    expect(result.classes).toBeGreaterThan(0);
    expect(result.classes).toBeLessThanOrEqual(scale.workloads);
  });

  test('reports positive, finite measurements', () => {
    const measurements = [result.yamlMBPerSecond, result.jsonMBPerSecond, result.buildMs, result.matrixMs,
      result.queriesPerSecond, result.explainsPerSecond, result.peakRssMB, result.yamlMB, result.jsonMB];
    expect(measurements.every((m) => Number.isFinite(m) && m > 0)).toBe(true);
  });

  test('prints one table row per scale', () => {
    const lines = formatResults([result]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^\| S +\| +320 \|/);
    expect(lines[2]).toContain('(= reference)');
  });
});

// The ClusterNetworkPolicy dimension: the same S cluster plus 50 Admin and 20 Baseline policies.
describe('bench runner with ClusterNetworkPolicies', () => {
  test('the policies are valid, untied, and the tiers change the count the reference evaluator agrees on', () => {
    const policies = clusterPolicyObjects(1);
    expect(policies.map((p) => p.spec.tier).filter((t) => t === 'Admin')).toHaveLength(ADMIN_POLICIES);
    expect(policies.map((p) => p.spec.tier).filter((t) => t === 'Baseline')).toHaveLength(BASELINE_POLICIES);
    const model = ClusterModel.fromManifests(policies.map((manifest, i) => ({ manifest, origin: `object ${i}` })));
    expect(model.findings.filter((f) => f.severity === FindingSeverity.ERROR || f.rule === 'NP-CNP-PRIORITY-TIE')).toEqual([]);
    expect(model.clusterPolicies.every((p) => p.evaluated)).toBe(true);

    const scale = findScale('S');
    const result = measure(scale, { queries: 2_000, explains: 200, clusterPolicies: true });
    expect(result.scale).toBe('S+CNP');
    expect(result.objects).toBe(scale.namespaces + scale.workloads + scale.policies + ADMIN_POLICIES + BASELINE_POLICIES);
    expect(result.allowedPairs).toBe(result.referencePairs);
    expect(result.allowedPairs).not.toBe(measure(scale, { queries: 2_000, explains: 200 }).allowedPairs);
  });
});
