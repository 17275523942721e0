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
 * A policy has an effect when it alone isolates some pod in a direction. Otherwise every pod it
 * selects stays isolated without it, and its rules only add to what the other rules admit: a
 * side (a subject's rules in every layer) changes for a peer where the ports it allows with the
 * policy's rules differ from those without them, and a connection changes where the other end's
 * side lets some of those ports through (an address's side always does). Peers are grouped by
 * which rules match them, so each side and group is judged once.
 */
export function lintNoEffect(context: LintContext, report: LintReport): void {
  const index = context.index;
  const engine = context.engine;
  const options = index.options;
  const policies = context.policies;
  const isolating = (direction: TrafficDirection, c: number) =>
    (direction === TrafficDirection.INGRESS ? index.ingressPolicies : index.egressPolicies)[c];
  // A policy that alone isolates some pod in a direction has an effect.
  const effect = policies.map((_, p) => DIRECTIONS.some((direction) =>
    context.subjects(p, direction).some((c) => isolating(direction, c).length === 1)));
  const grouping = new PeerGrouping(index.classes.length);
  for (const direction of DIRECTIONS) {
    const ingress = direction === TrafficDirection.INGRESS;
    // The sides the undecided policies are part of; ingress port names resolve on the subject.
    const sides = new Map<string, number[]>();
    for (const c of index.classes) {
      if (c.hostNetwork || isolating(direction, c.id).every((p) => effect[p])) {
        continue;
      }
      const key = `${engine._layersOf(direction, c.id).id}${ingress ? ` ${engine._profileOf[c.id]}` : ''}`;
      (sides.get(key) ?? sides.set(key, []).get(key)!).push(c.id);
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
      for (const p of undecided) {
        const id = policies[p].id;
        const npRules = layers.rules[context.networkPolicyLayer]!;
        const removed = new Set(npRules.rules.filter((rule) => rule.reference.policy === id));
        const without: SideRules = { ...npRules, rules: npRules.rules.filter((rule) => !removed.has(rule)) };
        const after = layers.rules.map((rules, i) => (i === context.networkPolicyLayer ? without : rules));
        const deltas = new Map<string, PortRanges>();
        /** The ports the side loses for a peer that the rules at `matching` match. */
        const delta = (matching: readonly number[], destination: readonly ContainerPortInfo[], profile: string): PortRanges => {
          const key = `${matching.join(',')} ${profile}`;
          let lost = deltas.get(key);
          if (lost === undefined) {
            const matched = new Set<LayerRule>(matching.map((i) => flat[i]));
            const portsThrough = (rules: readonly (SideRules | undefined)[]) => layeredPorts(rules, (rule) => matched.has(rule), destination);
            lost = [...removed].some((rule) => matched.has(rule)) ? portsThrough(layers.rules).subtract(portsThrough(after)) : PortRanges.NONE;
            deltas.set(key, lost);
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
        effect[p] = parts.some((part) => !delta(part.rules, ownPorts, 'address').isEmpty())
          || groups.some((group) => group.members.some((q) => peerChanges(group.rules, q)))
          || (grouping.restSize > 0 && grouping.someInRest((q) => peerChanges(grouping.rest, q)));
      }
    }
  }
  policies.forEach((policy, p) => {
    if (effect[p]) {
      return;
    }
    const selected = context.selected(p);
    const twins = policies.filter((other) => other !== policy && other.namespaceName === policy.namespaceName
      && JSON.stringify(other.spec) === JSON.stringify(policy.spec)).map((other) => other.id);
    const why = selected.length === 0 ? 'it selects no pod'
      : twins.length > 0 ? `it is identical to ${listed(twins)}, which ${twins.length === 1 ? 'does' : 'do'} the same without it`
        : 'every pod it selects is isolated by other policies too, and each connection it admits is admitted by their rules or blocked at the other end';
    report(lintFinding(LintId.NO_EFFECT, policy, '',
      `removing this policy changes no connection (over every port, to and from pods and addresses) and no isolation: ${why}. `
      + 'Fix: remove it, or correct what it was meant to allow'));
  });
}
