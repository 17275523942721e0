import { directionRules } from './compiled-policy';
import { LintContext } from './lint-context';
import { LintId } from './lint-id';
import { DIRECTIONS, lintFinding, LintReport, listed, ruleField } from './lint-report';
import { classSetMembers } from './side-rules';
import { Protocol } from '../k8s/protocol';
import { TrafficDirection } from '../k8s/traffic-direction';

/**
 * `NP-LINT-NAMED-PORT-UNRESOLVED`: a port name in a rule's `ports` that no pod the rule's
 * traffic can reach declares with that protocol, so the entry admits nothing. The destinations
 * are the selected pods for an ingress rule and the peers' pods for an egress rule (every pod
 * when the rule has no peers). An egress rule whose peers are addresses only reaches no
 * container port; an egress rule whose selectors match no pod is left to
 * `NP-LINT-PEER-MATCHES-NOTHING`, and a policy selecting nothing to `NP-LINT-SELECTS-NOTHING`.
 */
export function lintNamedPorts(context: LintContext, report: LintReport): void {
  const index = context.index;
  const everyClass = index.classes.map((c) => c.id);
  context.policies.forEach((policy, p) => {
    for (const direction of DIRECTIONS) {
      for (const rule of directionRules(policy, direction)) {
        const entries = (direction === TrafficDirection.INGRESS ? policy.spec.ingress : policy.spec.egress)![rule.index].ports ?? [];
        const named = entries.map((entry, k) => ({ entry, k })).filter(({ entry }) => typeof entry.port === 'string');
        if (named.length === 0) {
          continue;
        }
        let destinations: readonly number[];
        let where: string;
        if (direction === TrafficDirection.INGRESS) {
          destinations = context.subjects(p, direction);
          where = 'the pods this policy selects';
        } else if (rule.peers === undefined) {
          destinations = everyClass;
          where = 'the pods of the input (the rule has no peers)';
        } else {
          destinations = [...new Set(rule.peers.flatMap((peer) => classSetMembers(context.peers.classesOf(peer, policy.namespaceName))))];
          where = 'the pods its peers match';
          if (destinations.length === 0 && !rule.peers.some((peer) => peer.ipBlock)) {
            continue;
          }
        }
        if (destinations.length === 0 && direction === TrafficDirection.INGRESS) {
          continue;
        }
        for (const { entry, k } of named) {
          const name = entry.port as string;
          const protocol = (entry.protocol ?? Protocol.TCP) as Protocol;
          const has = (c: number, anyProtocol: boolean) =>
            index.classes[c].ports.some((port) => port.name === name && (anyProtocol || port.protocol === protocol));
          if (destinations.some((c) => has(c, false))) {
            continue;
          }
          const otherProtocol = destinations.filter((c) => has(c, true));
          const hint = otherProtocol.length === 0 ? ''
            : ` (${listed(context.workloadNames(otherProtocol))} ${otherProtocol.length === 1 ? 'declares' : 'declare'} "${name}" with protocol `
              + `${[...new Set(otherProtocol.flatMap((c) => index.classes[c].ports.filter((port) => port.name === name).map((port) => port.protocol)))].join(', ')})`;
          const none = destinations.length > 0 ? `none of ${where} declares it${hint}`
            : rule.peers!.every((peer) => peer.ipBlock) ? 'its peers are addresses only, which have no container ports'
              : 'its peers match no pod, and addresses have no container ports';
          report(lintFinding(LintId.NAMED_PORT_UNRESOLVED, policy, `${ruleField(direction, rule.index)}.ports[${k}].port`,
            `port "${name}" (${protocol}) resolves on no pod this rule's traffic can reach: ${none}, so this entry admits nothing. `
            + 'Fix: use the name a destination container port has (with its protocol), or the port number'));
        }
      }
    }
  });
}
