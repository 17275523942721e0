import { cached } from './cached';
import { directionRules } from './compiled-policy';
import { LintContext } from './lint-context';
import { LintId } from './lint-id';
import { DIRECTIONS, lintFinding, LintReport, listed, ruleField } from './lint-report';
import { PeerGrouping } from './peer-groups';
import { PortRanges } from './port-ranges';
import { LayerRule } from './side-rules';
import { RuleReference } from './verdict';
import { ContainerPortInfo } from './workload-info';
import { TrafficDirection } from '../k8s/traffic-direction';

/** What the sides of one rule showed. */
interface RuleState {
  /** Some connection it admits is admitted by no other rule. */
  uncovered: boolean;
  /** It admits some connection. */
  admits: boolean;
  /** The other rules that admit some of what it admits. */
  readonly coverers: Map<string, RuleReference>;
}

/**
 * `NP-LINT-REDUNDANT-RULE`: every connection a rule admits, over every port, to or from every
 * pod and every address, is admitted by another rule of the policies that isolate the same pod
 * in the same direction (one of the policy's own rules, or another policy's). Judged side by
 * side: for each distinct set of NetworkPolicy rules that applies to some pod, the peers (pod
 * classes, then the parts of the address space) are grouped by which rules match them, and in
 * each group each rule's ports (names resolved on the destination) must lie within the others'.
 * A rule that admits nothing at all is left to the lints that say why.
 */
export function lintRedundantRules(context: LintContext, report: LintReport): void {
  const index = context.index;
  const layer = context.layers[context.networkPolicyLayer];
  const grouping = new PeerGrouping(index.classes.length);
  const states = new Map<string, RuleState>();
  const stateOf = (reference: RuleReference) => ruleKey(reference.policy, reference.direction, reference.ruleIndex);
  for (const direction of DIRECTIONS) {
    const ingress = direction === TrafficDirection.INGRESS;
    // Per distinct side, its rules and the port profiles of its subjects (where ingress port names resolve).
    const sides = new Map<string, { rules: readonly LayerRule[]; subjects: Map<number, number> }>();
    for (const c of index.classes) {
      const rules = c.hostNetwork ? undefined : layer.sideRules(direction, c.id);
      if (rules !== undefined) {
        let side = sides.get(rules.key);
        if (side === undefined) {
          side = { rules: rules.rules, subjects: new Map() };
          sides.set(rules.key, side);
        }
        if (!side.subjects.has(context.engine._profileOf[c.id])) {
          side.subjects.set(context.engine._profileOf[c.id], c.id);
        }
      }
    }
    for (const { rules, subjects } of sides.values()) {
      const ruleStates = rules.map((rule) => cachedState(states, stateOf(rule.reference)));
      const judged = new Set<string>();
      /** Judges the rules at `matching` for one peer, named ports resolving on `destination`. */
      const judge = (matching: readonly number[], destination: readonly ContainerPortInfo[], profile: string): void => {
        const key = `${matching.join(',')} ${profile}`;
        if (matching.length === 0 || judged.has(key)) {
          return;
        }
        judged.add(key);
        const ports = matching.map((i) => rules[i].ports.resolvedOn(destination));
        matching.forEach((i, a) => {
          if (ports[a].isEmpty()) {
            return;
          }
          const state = ruleStates[i];
          state.admits = true;
          let others = PortRanges.NONE;
          ports.forEach((other, b) => {
            if (b !== a && !other.intersect(ports[a]).isEmpty()) {
              others = others.union(other);
              state.coverers.set(stateOf(rules[matching[b]].reference), rules[matching[b]].reference);
            }
          });
          state.uncovered ||= !ports[a].subtract(others).isEmpty();
        });
      };
      const usesNames = !ingress && rules.some((rule) => rule.ports.hasNames);
      const groups = grouping.group(rules);
      const rest = grouping.restSize > 0 ? { rules: grouping.rest, members: usesNames ? restProfiles(context, grouping) : [] } : undefined;
      const parts = context.addresses.parts(rules, ingress && !index.options.allowNodeTraffic);
      // Ingress port names resolve on the subject: each profile of the side's subjects is judged,
      // when some rule names a port (else the subject's ports change nothing).
      const namesOnSubject = ingress && rules.some((rule) => rule.ports.hasNames);
      for (const [profile, subject] of namesOnSubject ? subjects : new Map([[-1, -1]])) {
        const ownPorts = namesOnSubject ? index.classes[subject].ports : [];
        for (const group of rest ? [...groups, rest] : groups) {
          if (usesNames) {
            // Egress port names resolve on each peer.
            group.members.forEach((q) => judge(group.rules, index.classes[q].ports, `${context.engine._profileOf[q]}`));
          } else {
            judge(group.rules, ownPorts, `${profile}`);
          }
        }
        for (const part of parts) {
          // An address has no container ports: egress port names resolve on nothing.
          judge(part.rules, ownPorts, ingress ? `${profile}` : 'address');
        }
      }
    }
  }
  for (const policy of context.policies) {
    for (const direction of DIRECTIONS) {
      for (const rule of directionRules(policy, direction)) {
        const state = states.get(ruleKey(policy.id, direction, rule.index));
        if (state === undefined || !state.admits || state.uncovered) {
          continue;
        }
        const coverers = [...state.coverers.values()].map((r) => `${r.policy} ${ruleField(r.direction, r.ruleIndex)}`);
        report(lintFinding(LintId.REDUNDANT_RULE, policy, ruleField(direction, rule.index),
          `every connection this rule admits, over every port, pod and address, is also admitted by ${listed(coverers)} `
          + `for every pod ${policy.id} selects: the rule changes nothing. Fix: remove it, or keep it and acknowledge this finding if the overlap is deliberate`));
      }
    }
  }
}

function ruleKey(policy: string, direction: TrafficDirection, ruleIndex: number): string {
  return `${policy} ${direction} ${ruleIndex}`;
}

function cachedState(states: Map<string, RuleState>, key: string): RuleState {
  return cached(states, key, () => ({ uncovered: false, admits: false, coverers: new Map() }));
}

/** One class of the rest for each destination profile that has one there. */
function restProfiles(context: LintContext, grouping: PeerGrouping): number[] {
  return context.profileClasses.flatMap((classes) => {
    const member = classes.find((c) => grouping.inRest(c));
    return member === undefined ? [] : [member];
  });
}
