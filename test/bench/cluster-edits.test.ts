import { clusterObjects } from '../../bench/generate-cluster';
import { MutationCounts, mutatePolicies } from '../../bench/mutate';
import { forNetpolAnalyzer } from '../../bench/netpol-analyzer-input';
import { findScale } from '../../bench/scales';
import { ClusterModel, ConnectivityDiff } from '../../src/analysis';
import { FindingSeverity } from '../../src/validation/finding';

const model = (objects: Iterable<any>) => ClusterModel.fromManifests([...objects].map((manifest) => ({ manifest })));
const errors = (m: ClusterModel) => m.findings.filter((f) => f.severity === FindingSeverity.ERROR);

describe('bench:gen --mutate', () => {
  const scale = findScale('M');
  const counts: MutationCounts = { policies: 0, open: 0, close: 0, move: 0 };
  const mutated = [...mutatePolicies(clusterObjects(scale, 1), 1, 1, counts)];

  test('edits about the share asked, every edit kind, and nothing but policies', () => {
    const edited = counts.open + counts.close + counts.move;
    expect(counts.policies).toBe(scale.policies);
    expect(edited).toBeGreaterThanOrEqual(5);
    expect(edited).toBeLessThanOrEqual(20);
    expect([counts.open, counts.close, counts.move].every((n) => n > 0)).toBe(true);
    const original = [...clusterObjects(scale, 1)];
    const changed = mutated.filter((object, i) => JSON.stringify(object) !== JSON.stringify(original[i]));
    expect(changed).toHaveLength(edited);
    expect(changed.every((object) => object.kind === 'NetworkPolicy')).toBe(true);
  });

  test('is deterministic, keeps every policy valid, and changes what is allowed', () => {
    const again = mutatePolicies(clusterObjects(scale, 1), 1, 1, { policies: 0, open: 0, close: 0, move: 0 });
    expect(JSON.stringify([...again])).toBe(JSON.stringify(mutated));
    const after = model(mutated);
    expect(errors(after)).toEqual([]);
    const diff = ConnectivityDiff.between(model(clusterObjects(scale, 1)), after);
    expect(diff.added.length).toBeGreaterThan(0);
    expect(diff.removed.length).toBeGreaterThan(0);
  });
});

describe('the clusters as netpol-analyzer takes them', () => {
  test('only egress rules with a named port toward addresses are split, and pod connections stay the same', () => {
    const scale = findScale('S');
    const counts = { split: 0 };
    const converted = [...forNetpolAnalyzer(clusterObjects(scale, 1), counts)];
    expect(counts.split).toBeGreaterThan(0);
    const refused = (rule: any) => (rule.ports ?? []).some((p: any) => typeof p.port === 'string')
      && (!rule.to?.length || rule.to.some((peer: any) => peer.ipBlock));
    expect(converted.filter((o) => o.kind === 'NetworkPolicy').flatMap((o) => o.spec.egress ?? []).filter(refused)).toEqual([]);
    const before = model(clusterObjects(scale, 1));
    const after = model(converted);
    expect(errors(after)).toEqual([]);
    // Only a pod whose own address an ipBlock covers can tell: the rewrite keeps ipBlocks off named ports.
    const diff = ConnectivityDiff.between(before, after);
    const withAddresses = new Set(after.workloads.filter((w) => w.ips.length > 0).map((w) => w.endpoint));
    expect(diff.added).toEqual([]);
    expect(diff.removed.filter((change) => !withAddresses.has(change.destination))).toEqual([]);
  });
});
