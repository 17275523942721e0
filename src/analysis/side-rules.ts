import { Bitset } from './bitset';
import { cached } from './cached';
import { ClassPorts } from './class-ports';
import { IpSet } from './ip-set';
import { lowerBound } from './lower-bound';
import { ClassSet } from './peer-resolver';
import { PortRanges } from './port-ranges';
import { PortSet } from './port-set';
import { DecisionOutcome, RuleReference } from './verdict';
import { ContainerPortInfo } from './workload-info';
import { TrafficDirection } from '../k8s/traffic-direction';

/** How the rules of a layer combine for one side. */
export enum RuleOrder {
  /**
   * NetworkPolicy: the subject is isolated, so the layer decides every connection; what any
   * rule admits is accepted, the rest denied.
   */
  ANY = 'any',
  /**
   * The first rule (in order) whose peers and ports match decides, by its action; a `Pass`
   * leaves the connection to the next layer, as does matching no rule.
   */
  FIRST = 'first',
}

/** One rule as set computations see it: whom it matches, on which ports, and what it does. */
export interface LayerRule {
  /** `ACCEPT`, `DENY` or `PASS`; always `ACCEPT` in `RuleOrder.ANY`. */
  readonly action: DecisionOutcome;
  /** The pod classes its peers match (any of the sets); undefined when it matches every peer. */
  readonly peers?: readonly ClassSet[];
  /**
   * The addresses its peers match (ipBlocks, networks): what lints and exposure see of peers
   * that are no pod of the model. Absent: every address when `peers` is absent, none otherwise.
   */
  readonly addresses?: IpSet;
  /** Its ports, port names resolving on the destination. */
  readonly ports: PortSet;
  readonly reference: RuleReference;
  /**
   * What the rule says, independent of any model's numbering (its policy, position, peers'
   * selectors and ports): equal signatures in two models mean the rule matches and admits the
   * same, given the same peers' facts.
   */
  readonly signature: string;
}

/** A layer's rules for one subject class and direction. */
export interface SideRules {
  /** Equal for subjects under the same rules (the same policies select them): results are shared by it. */
  readonly key: string;
  readonly order: RuleOrder;
  readonly rules: readonly LayerRule[];
}

/**
 * What a layer decides, on one port, for one subject class: the peer classes it accepts, and
 * the peer classes it decides at all (accepted or denied). Every other peer goes on to the next
 * layer. On the egress side only destinations that have the port are ever accepted.
 */
export interface ClassDecision {
  readonly accept: Bitset;
  readonly decided: Bitset;
}

/** Whether a rule's peers match pod class `peer`. */
export function matchesClass(rule: LayerRule, peer: number): boolean {
  const peers = rule.peers;
  if (peers === undefined) {
    return true;
  }
  // A loop, not some(): listings ask this for every pair of classes.
  for (let i = 0; i < peers.length; i++) {
    if (classSetHas(peers[i], peer)) {
      return true;
    }
  }
  return false;
}

/** Whether a class set holds `member`; lists are sorted. */
export function classSetHas(set: ClassSet, member: number): boolean {
  if (set instanceof Bitset) {
    return set.has(member);
  }
  const i = lowerBound(set.length, (j) => set[j] < member);
  return i < set.length && set[i] === member;
}

/** The members of a class set, in increasing order. */
export function classSetMembers(set: ClassSet): number[] {
  if (set instanceof Bitset) {
    const list: number[] = [];
    set.forEach((c) => list.push(c));
    return list;
  }
  return [...set];
}

/** Whether a class set has no member. */
export function classSetIsEmpty(set: ClassSet): boolean {
  return set instanceof Bitset ? set.isEmpty() : set.length === 0;
}

/**
 * What one layer's rules for a subject decide about one peer class over every port: the ports
 * accepted and the ports decided at all (accepted or denied). `destinationPorts` are the
 * container ports of the destination: the peer for egress, the subject for ingress.
 */
export function decidedPorts(rules: SideRules, peer: number,
  destinationPorts: readonly ContainerPortInfo[]): { accept: PortRanges; decided: PortRanges } {
  return decidedPortsWhere(rules, (rule) => matchesClass(rule, peer), destinationPorts);
}

/**
 * `decidedPorts` for a peer described by which rules match it (`matches`), such as an address,
 * which no class set holds.
 */
export function decidedPortsWhere(rules: SideRules, matches: (rule: LayerRule) => boolean,
  destinationPorts: readonly ContainerPortInfo[]): { accept: PortRanges; decided: PortRanges } {
  let accept = PortRanges.NONE;
  if (rules.order === RuleOrder.ANY) {
    for (const rule of rules.rules) {
      if (matches(rule)) {
        accept = accept.union(rule.ports.resolvedOn(destinationPorts));
      }
    }
    return { accept, decided: PortRanges.ALL };
  }
  let decided = PortRanges.NONE;
  let unmatched = PortRanges.ALL;
  for (const rule of rules.rules) {
    if (unmatched.isEmpty()) {
      break;
    }
    if (!matches(rule)) {
      continue;
    }
    const matched = rule.ports.resolvedOn(destinationPorts).intersect(unmatched);
    unmatched = unmatched.subtract(matched);
    if (rule.action === DecisionOutcome.ACCEPT) {
      accept = accept.union(matched);
    }
    if (rule.action !== DecisionOutcome.PASS) {
      decided = decided.union(matched);
    }
  }
  return { accept, decided };
}

/**
 * The set form of the layer's decision on one port: per subject class, the peer classes
 * accepted and decided, computed once per distinct rules key (and, for ingress, per port facts
 * of the subject, where a named port resolves). Undefined where the layer has no rules.
 */
export function classDecisions(size: number, direction: TrafficDirection, port: ClassPorts,
  rulesOf: (subjectClass: number) => SideRules | undefined): (ClassDecision | undefined)[] {
  const everyone = Bitset.full(size);
  const ingress = direction === TrafficDirection.INGRESS;
  const byKey = new Map<string, ClassDecision>();
  // On the ingress side what counts of the subject is which rules cover its port: subjects whose
  // ports differ but whose rules cover alike share one decision.
  const coverage = new Map<string, string>();
  const scratch = new Bitset(size);
  return Array.from({ length: size }, (_, subject) => {
    const rules = rulesOf(subject);
    if (rules === undefined) {
      return undefined;
    }
    const key = ingress
      ? cached(coverage, `${rules.key} ${port.profileOf[subject] ?? '-'}`, () => `${rules.key} ${rules.rules
        .map((rule) => (port.portOf[subject] !== undefined && port.covers(rule.ports, subject) ? '1' : '0')).join('')}`)
      : rules.key;
    return cached(byKey, key, () => {
      // On the egress side a rule covers the port on each destination that has it; on the
      // ingress side it covers the subject's own port, or nothing when the subject lacks it.
      const covered = (rule: LayerRule): Bitset | undefined => (ingress
        ? (port.portOf[subject] !== undefined && port.covers(rule.ports, subject) ? everyone : undefined)
        : port.coveredBy(rule.ports));
      /** Adds to `target` the peers of `rule` within `mask`. */
      const addPeers = (target: Bitset, rule: LayerRule, mask: Bitset): Bitset => {
        if (rule.peers === undefined) {
          return target.unionWith(mask);
        }
        rule.peers.forEach((set) => addClasses(target, set, mask));
        return target;
      };
      if (rules.order === RuleOrder.ANY) {
        const accept = new Bitset(size);
        for (const rule of rules.rules) {
          const mask = covered(rule);
          if (mask !== undefined) {
            addPeers(accept, rule, mask);
          }
        }
        return { accept, decided: everyone };
      }
      const accept = new Bitset(size);
      const decided = new Bitset(size);
      const unmatched = Bitset.full(size);
      for (const rule of rules.rules) {
        const mask = covered(rule);
        if (mask === undefined) {
          continue;
        }
        scratch.words.fill(0);
        const matched = addPeers(scratch, rule, mask).intersectWith(unmatched);
        unmatched.subtract(matched);
        if (rule.action === DecisionOutcome.ACCEPT) {
          accept.unionWith(matched);
        }
        if (rule.action !== DecisionOutcome.PASS) {
          decided.unionWith(matched);
        }
      }
      return { accept, decided };
    });
  });
}

/** Adds the classes of `set` to `target`, only those in `mask`. */
function addClasses(target: Bitset, set: ClassSet, mask: Bitset): void {
  if (set instanceof Bitset) {
    target.unionWithIntersection(set, mask);
    return;
  }
  for (const id of set) {
    if (mask.has(id)) {
      target.add(id);
    }
  }
}
