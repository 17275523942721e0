import * as fc from 'fast-check';
import { build, Cluster, cluster, labels, NS_KEYS, NS_VALUES, POD_KEYS, POD_VALUES, policy, workload } from './random-clusters';
import { ConnectionChange, ConnectivityDiff } from '../../src/analysis';
import { runs } from '../property-runs';

/** A change to a cluster: policies replaced, dropped or added, a workload relabelled, added or dropped, a namespace relabelled. */
const changed = (c: Cluster) => fc.record({
  replace: fc.option(fc.tuple(fc.nat(), policy), { nil: undefined }),
  drop: fc.option(fc.nat(), { nil: undefined }),
  add: fc.option(policy, { nil: undefined }),
  relabel: fc.option(fc.tuple(fc.nat(), labels(POD_KEYS, POD_VALUES)), { nil: undefined }),
  newWorkload: fc.option(workload, { nil: undefined }),
  dropWorkload: fc.option(fc.nat(), { nil: undefined }),
  namespaceLabels: fc.option(fc.tuple(fc.nat(), labels(NS_KEYS, NS_VALUES)), { nil: undefined }),
}).map((m): Cluster => {
  let policies = [...c.policies];
  if (m.replace) policies[m.replace[0] % policies.length] = m.replace[1];
  if (m.drop !== undefined) policies = policies.filter((_, i) => i !== m.drop! % policies.length);
  if (m.add) policies.push(m.add);
  const relabelled = m.relabel && m.relabel[0] % c.workloads.length;
  let workloads = c.workloads.map((w, i) => (m.relabel && i === relabelled ? { ...w, labels: m.relabel[1] } : w));
  // Workloads are named by position (w0, w1, ...): a new one comes last, and the last one is the one dropped.
  if (m.newWorkload) workloads.push(m.newWorkload);
  if (m.dropWorkload !== undefined && workloads.length > 1) workloads = workloads.slice(0, -1);
  const relabelledNamespace = m.namespaceLabels && m.namespaceLabels[0] % c.namespaces.length;
  const namespaces = c.namespaces.map((ns, i) => (m.namespaceLabels && i === relabelledNamespace ? { ...ns, labels: m.namespaceLabels[1] } : ns));
  return { ...c, policies, workloads, namespaces };
});

/** The diff computed the slow way: every connection of both models, ports subtracted pair by pair. */
function bruteForce(before: Cluster, after: Cluster): { added: string[]; removed: string[] } {
  const [a, b] = [build(before).evaluator.connections(), build(after).evaluator.connections()];
  const index = (entries: typeof a) => new Map(entries.map((e) => [`${e.source} ${e.destination} ${e.protocol}`, e.ports]));
  const [ia, ib] = [index(a), index(b)];
  const minus = (x: Map<string, number[][]>, y: Map<string, number[][]>) => [...x].flatMap(([key, ports]) => {
    const other = y.get(key) ?? [];
    const left: string[] = [];
    for (const [lo, hi] of ports) {
      // Ports are few and ranges short where they matter; subtract with a sweep over the other's ranges.
      let start = lo;
      for (const [olo, ohi] of other) {
        if (ohi < start || olo > hi) continue;
        if (olo > start) left.push(`${key} ${start}-${olo - 1}`);
        start = Math.max(start, ohi + 1);
      }
      if (start <= hi) left.push(`${key} ${start}-${hi}`);
    }
    return left;
  });
  return { added: minus(ib, ia), removed: minus(ia, ib) };
}

const flat = (changes: ConnectionChange[]) => changes.flatMap((c) => c.ports.map(([lo, hi]) => `${c.source} ${c.destination} ${c.protocol} ${lo}-${hi}`));

describe('ConnectivityDiff', () => {
  test('equals the difference of every connection before and after, on random changes', () => {
    fc.assert(fc.property(cluster.chain((c) => fc.tuple(fc.constant(c), changed(c))), ([before, after]) => {
      const diff = ConnectivityDiff.between(build(before).evaluator.model, build(after).evaluator.model);
      const expected = bruteForce(before, after);
      expect({ added: flat(diff.added), removed: flat(diff.removed) }).toEqual(expected);
      // Every change names rules of its model, unless both sides allow it by default; ClusterNetworkPolicies by kind and name.
      for (const change of [...diff.added, ...diff.removed]) {
        expect(change.policies).toEqual([...new Set(change.rules.map((r) => (r.tier === undefined ? r.policy : `ClusterNetworkPolicy/${r.policy}`)))]);
      }
    }), { numRuns: runs(300) });
  });

  test('no change, no difference', () => {
    fc.assert(fc.property(cluster, (c) => {
      const diff = ConnectivityDiff.between(build(c).evaluator.model, build(c).evaluator.model);
      expect([diff.added, diff.removed]).toEqual([[], []]);
    }), { numRuns: runs(50) });
  });
});
