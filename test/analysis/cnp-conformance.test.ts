import { Probe, Scenario, SCENARIOS, Step } from './cnp-conformance-scenarios';
import { baseCluster, copy, endpoint } from './conformance-cluster';
import { documents } from './manifests';
import { ReferenceEvaluator } from './reference-evaluator';
import { AnalysisOptions, ClusterModel, Evaluator } from '../../src/analysis';
import { Protocol } from '../../src/k8s/protocol';
import { ClusterNetworkPolicyChannel } from '../../src/validation/cluster-network-policy-channel';
import { FindingSeverity } from '../../src/validation/finding';

function build(scenario: Scenario, policies: any[]) {
  const docs = documents(...baseCluster(), ...policies);
  const options: AnalysisOptions = {
    clusterNetworkPolicyChannel: scenario.experimental ? ClusterNetworkPolicyChannel.EXPERIMENTAL : ClusterNetworkPolicyChannel.STANDARD,
  };
  const model = ClusterModel.fromManifests(docs, options);
  // The scenarios are valid policies: any error is a transcription (or validator) bug.
  expect(model.findings.filter((f) => f.severity === FindingSeverity.ERROR).map((f) => f.message)).toEqual([]);
  return { evaluator: new Evaluator(model), reference: new ReferenceEvaluator(docs, options) };
}

function describeProbe(p: Probe): string {
  return `${p.from}>${p.to} ${p.protocol}/${p.port}`;
}

const steps: [string, Scenario, Step][] = SCENARIOS.flatMap((scenario) =>
  scenario.steps.map((step, i): [string, Scenario, Step] => [`${scenario.name} #${i + 1} ${step.title}`, scenario, step]));

describe('upstream ClusterNetworkPolicy conformance scenarios', () => {
  test.each(steps)('%s: probed connections', (_name, scenario, step) => {
    const { evaluator, reference } = build(scenario, step.policies);
    const answers = step.probes.map((p) => {
      const source = endpoint(p.from);
      const destination = endpoint(p.to);
      const verdict = evaluator.check({ source, destination, port: p.port, protocol: p.protocol });
      return {
        probe: describeProbe(p),
        ours: verdict.allowed,
        reference: reference.allowed(source, destination, { port: p.port, protocol: p.protocol }),
        upstream: p.upstream,
        derived: p.derived ?? p.upstream,
      };
    });
    // One line per probe: the evaluator, the reference evaluator, upstream's assertion (where it makes one), and our own reading agree.
    expect(answers.filter((a) => a.ours !== a.reference || (a.upstream !== undefined && a.ours !== a.upstream) || a.ours !== a.derived))
      .toEqual([]);
  });

  test.each(steps)('%s: every pair on the scenario ports', (_name, scenario, step) => {
    const { evaluator, reference } = build(scenario, step.policies);
    const ports = new Map<string, { port: number; protocol: Protocol }>();
    scenario.steps.flatMap((s) => s.probes).forEach((p) => ports.set(`${p.protocol}/${p.port}`, { port: p.port, protocol: p.protocol }));
    const endpoints = reference.endpoints();
    const mismatches: string[] = [];
    let denied = 0;
    for (const query of ports.values()) {
      const matrix = evaluator.matrix(query);
      expect(matrix.endpoints).toEqual([...endpoints].sort());
      for (const source of endpoints) {
        for (const destination of endpoints) {
          const expected = reference.allowed(source, destination, query) === true;
          denied += Number(!expected);
          if (matrix.isAllowed(source, destination) !== expected) {
            mismatches.push(`${source} -> ${destination} ${query.protocol}/${query.port}: reference says ${expected ? 'allowed' : 'denied'}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every step's policies deny something on its ports, unless its point is that nothing is denied.
    if (step.probes.some((p) => (p.upstream ?? p.derived) === false)) expect(denied).toBeGreaterThan(0);
  });

  test('connections() over every port agrees with check() for each step', () => {
    for (const [name, scenario, step] of steps) {
      const { evaluator, reference } = build(scenario, step.policies);
      const listed = new Map(evaluator.connections().map((e) => [`${e.source} ${e.destination} ${e.protocol}`, e.ports]));
      for (const p of step.probes) {
        const source = endpoint(p.from);
        const destination = endpoint(p.to);
        // connections() leaves a pod paired with itself out; connection() answers for that pair.
        const ranges = (p.from === p.to
          ? evaluator.connection(source, destination).connections.find((c) => c.protocol === p.protocol)?.ports
          : listed.get(`${source} ${destination} ${p.protocol}`)) ?? [];
        const expected = reference.allowed(source, destination, { port: p.port, protocol: p.protocol });
        expect({ name, probe: describeProbe(p), allowed: ranges.some(([lo, hi]) => lo <= p.port && p.port <= hi) })
          .toEqual({ name, probe: describeProbe(p), allowed: expected });
      }
    }
  });

  // A guard on the transcription: a scenario, step or probe lost by an edit shows here.
  test('the transcription holds 35 scenarios, 124 steps and 387 probes', () => {
    expect(SCENARIOS.length).toBe(35);
    expect(steps.length).toBe(124);
    expect(SCENARIOS.flatMap((s) => s.steps).flatMap((s) => s.probes).length).toBe(387);
  });

  // The comparison can fail: flip one rule's action and the upstream assertion no longer holds.
  test.each([
    ['CNPAdminTierEgressTCP', 0, 'egress', 0, 'Deny'],
    ['CNPAdminTierIntegration', 2, 'ingress', 0, 'Deny'],
    ['CNPAdminTierEgressInlineCIDRPeers', 1, 'egress', 0, 'Deny'],
    ['CNPAdminTierEgressNodePeers', 0, 'egress', 0, 'Deny'],
    ['CNPBaselineTierSamePriority', 0, 'egress', 0, 'Accept'],
    ['CNPAdminTierPodSelector', 1, 'ingress', 1, 'Accept'],
    ['CNPBaselineTierPortRange', 0, 'egress', 3, 'Accept'],
    ['CNPBaselineTierGress', 1, 'ingress', 4, 'Accept'],
    ['CNPBaselineTierIngressSCTP', 3, 'ingress', 2, 'Accept'],
  ])('flipping a rule in %s step %d changes a probed verdict', (name, index, direction, rule, action) => {
    const scenario = SCENARIOS.find((s) => s.name === name)!;
    const step = scenario.steps[index as number];
    const policies = copy(step.policies);
    policies[0].spec[direction as string][rule as number].action = action;
    const { evaluator } = build(scenario, policies);
    const changed = step.probes.filter((p) =>
      evaluator.check({ source: endpoint(p.from), destination: endpoint(p.to), port: p.port, protocol: p.protocol }).allowed !== p.upstream);
    expect(changed.length).toBeGreaterThan(0);
  });
});
