import { cached } from './cached';
import { CompiledPolicy } from './compiled-policy';
import { complementOf, someLabelsEscaping, spaceOf } from './label-space';
import { layeredPorts } from './layered-ports';
import { LintContext } from './lint-context';
import { LintId } from './lint-id';
import { DIRECTIONS, lintFinding, LintReport, listed } from './lint-report';
import { PeerGrouping } from './peer-groups';
import { PortRanges } from './port-ranges';
import { LayerRule, SideRules } from './side-rules';
import { ContainerPortInfo } from './workload-info';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * `NP-LINT-NO-EFFECT`: removing the policy changes no isolation and no connection, over every
 * port, between pods and to and from every address, through every policy layer. Each policy is
 * judged on its own: of two identical policies, each has no effect (the other does the same).
 *
 * A policy has an effect when it alone isolates some pod in a direction: a pod of the input, or
 * one its namespace could hold with other labels, since a default deny guards the pods to come.
 * Otherwise every pod it selects stays isolated without it, and its rules only add to what the
 * other rules admit: a side (a subject's rules in every layer) changes for a peer where the
 * ports it allows with the policy's rules differ from those without them, and a connection
 * changes where the other end's side lets some of those ports through (an address's side always
 * does). Peers are grouped by which rules match them, so each side and group is judged once.
 */
export function lintNoEffect(context: LintContext, report: LintReport): void {
  const index = context.index;
  const engine = context.engine;
  const options = index.options;
  const policies = context.policies;
  const isolating = (direction: TrafficDirection, c: number) =>
    (direction === TrafficDirection.INGRESS ? index.ingressPolicies : index.egressPolicies)[c];
  // A policy that alone isolates some pod in a direction has an effect: a pod of the input, or
  // one its namespace could hold, with labels no input pod has (a default deny guards pods to come).
  const guarding = guardsPodsToCome(policies);
  const effect = policies.map((_, p) => DIRECTIONS.some((direction) =>
    context.subjects(p, direction).some((c) => isolating(direction, c).length === 1) || guarding[direction][p]));
  const grouping = new PeerGrouping(index.classes.length);
  for (const direction of DIRECTIONS) {
    const ingress = direction === TrafficDirection.INGRESS;
    // The sides the undecided policies are part of; ingress port names resolve on the subject,
    // so subjects of one side differ only when some rule names a port.
    const sides = new Map<string, number[]>();
    for (const c of index.classes) {
      if (c.hostNetwork || isolating(direction, c.id).every((p) => effect[p])) {
        continue;
      }
      const layers = engine._layersOf(direction, c.id);
      cached(sides, `${layers.id}${ingress && layers.usesNames ? ` ${engine._profileOf[c.id]}` : ''}`, () => []).push(c.id);
    }
    for (const subjects of sides.values()) {
      const layers = engine._layersOf(direction, subjects[0]);
      const flat = layers.flat;
      const undecided = isolating(direction, subjects[0]).filter((p) => !effect[p]);
      if (undecided.length === 0) {
        continue;
      }
      const groups = grouping.group(flat);
      const parts = context.addresses.parts(flat, ingress && !options.allowNodeTraffic);
      const ownPorts = ingress ? index.classes[subjects[0]].ports : [];
      const npRules = layers.rules[context.networkPolicyLayer]!;
      // Where each policy's rules sit in the side's list, and which groups and parts each rule
      // matches: a policy is judged on the peers its rules match only, since no other loses anything.
      const ownRules = new Set<LayerRule>(npRules.rules);
      const positions = new Map<string, number[]>();
      flat.forEach((rule, i) => {
        if (ownRules.has(rule)) {
          cached(positions, rule.reference.policy, () => []).push(i);
        }
      });
      const groupsWith: number[][] = flat.map(() => []);
      groups.forEach((group, k) => group.rules.forEach((i) => groupsWith[i].push(k)));
      const partsWith: number[][] = flat.map(() => []);
      parts.forEach((part, k) => part.rules.forEach((i) => partsWith[i].push(k)));
      for (const p of undecided) {
        const id = policies[p].id;
        const mineList = positions.get(id);
        if (mineList === undefined) {
          continue;
        }
        const mine = new Set(mineList);
        const removed = new Set(mineList.map((i) => flat[i]));
        const without: SideRules = { ...npRules, rules: npRules.rules.filter((rule) => !removed.has(rule)) };
        const after = layers.rules.map((rules, i) => (i === context.networkPolicyLayer ? without : rules));
        // By the rule list (the same array for a group, the rest or a part), then the destination's port profile.
        const deltas = new Map<readonly number[], Map<string, PortRanges>>();
        /** The ports the side loses for a peer that the rules at `matching` (some of them the policy's) match. */
        const delta = (matching: readonly number[], destination: readonly ContainerPortInfo[], profile: string): PortRanges => {
          const byProfile = cached(deltas, matching, () => new Map<string, PortRanges>());
          let lost = byProfile.get(profile);
          if (lost === undefined) {
            const matched = new Set<LayerRule>(matching.map((i) => flat[i]));
            const portsThrough = (rules: readonly (SideRules | undefined)[]) => layeredPorts(rules, (rule) => matched.has(rule), destination);
            lost = portsThrough(layers.rules).subtract(portsThrough(after));
            byProfile.set(profile, lost);
          }
          return lost;
        };
        /** Whether the connection between a subject and pod class `q` loses some of `lost`. */
        const changes = (q: number, lost: PortRanges): boolean => subjects.some((s) => {
          if (options.allowSelfTraffic && q === s && index.classSizes[s] === 1) {
            return false;
          }
          const other = ingress ? engine._side(TrafficDirection.EGRESS, q, s, s) : engine._side(TrafficDirection.INGRESS, q, s, q);
          return !other.intersect(lost).isEmpty();
        });
        const peerChanges = (matching: readonly number[], q: number): boolean => {
          const lost = ingress || !layers.usesNames ? delta(matching, ownPorts, '-') : delta(matching, index.classes[q].ports, `${engine._profileOf[q]}`);
          return !lost.isEmpty() && changes(q, lost);
        };
        const touched = (lists: readonly number[][]) => [...new Set(mineList.flatMap((i) => lists[i]))];
        effect[p] = touched(partsWith).some((k) => !delta(parts[k].rules, ownPorts, 'address').isEmpty())
          || touched(groupsWith).some((k) => groups[k].members.some((q) => peerChanges(groups[k].rules, q)))
          || (grouping.restSize > 0 && grouping.rest.some((i) => mine.has(i)) && grouping.someInRest((q) => peerChanges(grouping.rest, q)));
      }
    }
  }
  // Policies by namespace and spec, to name the identical ones.
  const bySpec = new Map<string, string[]>();
  policies.forEach((policy, p) => {
    if (!effect[p]) {
      const key = `${policy.namespaceName} ${JSON.stringify(policy.spec)}`;
      cached(bySpec, key, () => []).push(policy.id);
    }
  });
  policies.forEach((policy, p) => {
    if (effect[p]) {
      return;
    }
    const selected = context.selected(p);
    // An identical policy has no effect either: each does what the other does.
    const twins = bySpec.get(`${policy.namespaceName} ${JSON.stringify(policy.spec)}`)!.filter((other) => other !== policy.id);
    const why = selected.length === 0 ? 'it selects no pod, and every pod it could select is isolated by other policies too'
      : twins.length > 0 ? `it is identical to ${listed(twins)}, which ${twins.length === 1 ? 'does' : 'do'} the same without it`
        : 'every pod it selects, or could select, is isolated by other policies too, and each connection it admits is admitted by their rules or blocked at the other end';
    report(lintFinding(LintId.NO_EFFECT, policy, '',
      `removing this policy changes no connection (over every port, to and from pods and addresses) and no isolation: ${why}. `
      + 'Fix: remove it, or correct what it was meant to allow'));
  });
}

/**
 * Per direction, per policy: whether some pod its namespace could hold (any labels) would be
 * isolated in that direction by this policy alone. Exact, over label sets (`label-space.ts`).
 */
function guardsPodsToCome(policies: readonly CompiledPolicy[]): Record<TrafficDirection, boolean[]> {
  const result = { [TrafficDirection.INGRESS]: policies.map(() => false), [TrafficDirection.EGRESS]: policies.map(() => false) };
  for (const direction of DIRECTIONS) {
    const isolates = (policy: CompiledPolicy) => (direction === TrafficDirection.INGRESS ? policy.ingress : policy.egress) !== undefined;
    const byNamespace = new Map<string, number[]>();
    policies.forEach((policy, p) => {
      if (isolates(policy)) {
        cached(byNamespace, policy.namespaceName, () => []).push(p);
      }
    });
    for (const members of byNamespace.values()) {
      const complements = members.map((p) => complementOf(policies[p].podSelector.requirements));
      members.forEach((p, i) => {
        const selected = spaceOf(policies[p].podSelector.requirements);
        result[direction][p] = selected !== undefined && someLabelsEscaping(selected, complements.filter((_, j) => j !== i));
      });
    }
  }
  return result;
}
