import { ClusterIndex } from './cluster-index';
import { clusterRulesOf, CompiledClusterPolicy, CompiledClusterRule, inEvaluationOrder } from './compiled-cluster-policy';
import { IpSet } from './ip-set';
import { ModelFinding } from './model-finding';
import { ClassSet, PeerResolver } from './peer-resolver';
import { PortRanges } from './port-ranges';
import { classSetHas, classSetMembers } from './side-rules';
import { ContainerPortInfo } from './workload-info';
import { ClusterPolicyAction } from '../k8s/cluster-policy-action';
import { ClusterPolicyTier } from '../k8s/cluster-policy-tier';
import { TrafficDirection } from '../k8s/traffic-direction';
import { FindingSeverity } from '../validation/finding';

/** The rule of the findings this file writes. */
export const PRIORITY_TIE_RULE = 'NP-CNP-PRIORITY-TIE';

const ACTIONS = [ClusterPolicyAction.ACCEPT, ClusterPolicyAction.DENY, ClusterPolicyAction.PASS];

/**
 * Two ClusterNetworkPolicies of one tier with the same priority have no defined order: an
 * implementation may ask either first (reference §3.1, §6.5). The evaluator asks them in reading
 * order; where that choice could change a side's verdict, this is a warning on the later one.
 * It could when some pod both select, some peer (a pod class, or an address of a `networks` or
 * `nodes` peer) and some port meet a first matching rule in each policy with different actions.
 */
export function priorityTies(policies: readonly CompiledClusterPolicy[], index: ClusterIndex, peers: PeerResolver): ModelFinding[] {
  const findings: ModelFinding[] = [];
  for (const tier of [ClusterPolicyTier.ADMIN, ClusterPolicyTier.BASELINE]) {
    const ordered = inEvaluationOrder(policies, tier);
    ordered.forEach((later, j) => {
      for (const earlier of ordered.slice(0, j).filter((p) => p.priority === later.priority)) {
        const direction = [TrafficDirection.INGRESS, TrafficDirection.EGRESS].find((d) => conflict(earlier, later, d, index, peers));
        if (direction !== undefined) {
          findings.push({
            severity: FindingSeverity.WARNING,
            origin: later.origin,
            subject: `ClusterNetworkPolicy/${later.name}`,
            field: 'spec.priority',
            message: `has the same priority (${later.priority}) as ClusterNetworkPolicy/${earlier.name} in the ${tier} tier, and their ${direction.toLowerCase()} `
              + 'rules decide some connection differently: the API leaves their order undefined, so implementations may apply either; the analysis '
              + `applies ${earlier.name} first (reading order). Give each policy its own priority.`,
            rule: PRIORITY_TIE_RULE,
          });
        }
      }
    });
  }
  return findings;
}

function conflict(a: CompiledClusterPolicy, b: CompiledClusterPolicy, direction: TrafficDirection,
  index: ClusterIndex, peers: PeerResolver): boolean {
  const rulesA = clusterRulesOf(a, direction);
  const rulesB = clusterRulesOf(b, direction);
  if (rulesA.length === 0 || rulesB.length === 0) {
    return false;
  }
  const subjectsA = peers.classesOfSelection(a.subject);
  const shared = classSetMembers(peers.classesOfSelection(b.subject)).filter((c) => classSetHas(subjectsA, c));
  if (shared.length === 0) {
    return false;
  }
  const ingress = direction === TrafficDirection.INGRESS;
  // Named ports resolve on the destination: the subject for ingress, the peer for egress.
  const subjectPorts = ingress ? distinct(shared.map((c) => index.classes[c].ports)) : [[]];
  const rules = [...rulesA, ...rulesB];

  // Pod peers: classes that meet the same rules (and, for egress, have the same ports) decide alike.
  const sets: ClassSet[][] = rules.map((rule) => rule.peers.map((p) => peers.classesOfClusterPeer(p)));
  const seen = new Set<string>();
  for (let c = 0; c < index.classes.length; c++) {
    const matches = sets.map((list) => list.some((set) => classSetHas(set, c)));
    const key = `${matches.map(Number).join('')} ${ingress ? '' : portsKey(index.classes[c].ports)}`;
    if (seen.has(key) || !matches.slice(0, rulesA.length).some(Boolean) || !matches.slice(rulesA.length).some(Boolean)) {
      continue;
    }
    seen.add(key);
    const destinations = ingress ? subjectPorts : [index.classes[c].ports];
    if (destinations.some((ports) => differ(firstActions(rulesA, matches, ports), firstActions(rulesB, matches.slice(rulesA.length), ports)))) {
      return true;
    }
  }
  if (ingress) {
    return false; // ingress peers are pods only
  }

  // Addresses outside the pod classes: split them into regions each rule's address peers wholly hold or miss.
  const addresses = rules.map((rule) => index.clusterRuleAddresses(rule));
  let regions: { set: IpSet; matches: boolean[] }[] = [];
  addresses.forEach((set, i) => {
    if (set === undefined) {
      regions = regions.map((r) => ({ ...r, matches: [...r.matches, false] }));
      return;
    }
    const covered = regions.reduce((all, r) => all.union(r.set), IpSet.EMPTY);
    regions = [
      ...regions.flatMap((r) => [
        { set: r.set.intersect(set), matches: [...r.matches, true] },
        { set: r.set.subtract(set), matches: [...r.matches, false] },
      ]),
      { set: set.subtract(covered), matches: [...Array(i).fill(false), true] },
    ].filter((r) => !r.set.isEmpty());
  });
  return regions.some((r) => differ(firstActions(rulesA, r.matches, []), firstActions(rulesB, r.matches.slice(rulesA.length), [])));
}

/** Per action, the ports on which the first of `rules` whose peers match (`matches[i]`) has that action. */
function firstActions(rules: readonly CompiledClusterRule[], matches: readonly boolean[],
  destinationPorts: readonly ContainerPortInfo[]): Map<ClusterPolicyAction, PortRanges> {
  const actions = new Map<ClusterPolicyAction, PortRanges>(ACTIONS.map((action) => [action, PortRanges.NONE]));
  let unmatched = PortRanges.ALL;
  rules.forEach((rule, i) => {
    if (matches[i]) {
      const ports = rule.ports.resolvedOn(destinationPorts).intersect(unmatched);
      unmatched = unmatched.subtract(ports);
      actions.set(rule.action, actions.get(rule.action)!.union(ports));
    }
  });
  return actions;
}

/** Whether some port has one action in `a` and another in `b`. */
function differ(a: Map<ClusterPolicyAction, PortRanges>, b: Map<ClusterPolicyAction, PortRanges>): boolean {
  return ACTIONS.some((x) => ACTIONS.some((y) => x !== y && !a.get(x)!.intersect(b.get(y)!).isEmpty()));
}


function portsKey(ports: readonly ContainerPortInfo[]): string {
  return ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).join(',');
}

function distinct(lists: readonly (readonly ContainerPortInfo[])[]): (readonly ContainerPortInfo[])[] {
  const byKey = new Map(lists.map((ports) => [portsKey(ports), ports]));
  return [...byKey.values()];
}
