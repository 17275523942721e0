import { CompiledPeer, CompiledPolicy, directionRules } from './compiled-policy';
import { CompiledSelector } from './compiled-selector';
import { closeLabels, Labelled } from './label-typos';
import { LintContext } from './lint-context';
import { LintId } from './lint-id';
import { DIRECTIONS, lintFinding, LintReport, listed, peerField } from './lint-report';
import { selectorText } from './selector-text';
import { classSetIsEmpty } from './side-rules';
import { NAMESPACE_NAME_LABEL } from '../k8s/kinds';

const EVERY_POD = CompiledSelector.compile(undefined);
const FIX_SELECTOR = 'fix the selector, or acknowledge this finding if those pods are not part of the input';

/**
 * `NP-LINT-SELECTS-NOTHING`: the policy's `spec.podSelector` selects no pod of its namespace, as
 * the evaluator selects them (hostNetwork pods never are).
 */
export function lintSelectsNothing(context: LintContext, report: LintReport): void {
  const index = context.index;
  context.policies.forEach((policy, i) => {
    if (context.selected(i).length > 0) {
      return;
    }
    const [start, end] = index.classRange(index.namespaceIds.get(policy.namespaceName)!);
    const classes = Array.from({ length: end - start }, (_, k) => start + k);
    const text = selectorText(policy.podSelector);
    const onNode = classes.filter((c) => index.classes[c].hostNetwork && policy.podSelector.matches(index.classes[c].labels));
    let what: string;
    if (classes.length === 0) {
      what = `selects no pod: namespace ${policy.namespaceName} has no pods in the input`;
    } else if (onNode.length > 0) {
      what = `spec.podSelector ${text || '{}'} matches only pods on the node network (${listed(context.workloadNames(onNode))}), which NetworkPolicy never selects`;
    } else {
      const close = closeLabels(policy.podSelector, labelledClasses(context, classes));
      what = `spec.podSelector ${text} matches no pod of namespace ${policy.namespaceName} in the input`
        + (close.length > 0 ? ` (close matches: ${close.join(', ')})` : '');
    }
    report(lintFinding(LintId.SELECTS_NOTHING, policy, 'spec.podSelector', `${what}; the policy isolates nothing. Fix: ${FIX_SELECTOR}`));
  });
}

/**
 * `NP-LINT-PEER-MATCHES-NOTHING`, and `NP-LINT-NAMESPACE-LABELS-UNKNOWN` for the peers whose
 * answer depends on namespace labels the input does not show (those are not judged empty).
 */
export function lintPeers(context: LintContext, report: LintReport, ids: ReadonlySet<LintId>): void {
  const declaredKeys = new Set(context.input.namespaces.filter((ns) => ns.declared).flatMap((ns) => Object.keys(ns.labels)));
  const undeclared = context.input.namespaces.filter((ns) => !ns.declared).map((ns) => ns.name);
  for (const policy of context.policies) {
    for (const direction of DIRECTIONS) {
      for (const rule of directionRules(policy, direction)) {
        (rule.peers ?? []).forEach((peer, p) => {
          if (peer.ipBlock) {
            return;
          }
          const field = peerField(direction, rule.index, p);
          const unknown = peer.namespaceSelector === undefined ? [] : [...new Set(peer.namespaceSelector.requirements
            .map((r) => r.key).filter((key) => key !== NAMESPACE_NAME_LABEL && !declaredKeys.has(key)))];
          if (unknown.length > 0 && undeclared.length > 0) {
            if (ids.has(LintId.NAMESPACE_LABELS_UNKNOWN)) {
              report(lintFinding(LintId.NAMESPACE_LABELS_UNKNOWN, policy, `${field}.namespaceSelector`,
                `namespaceSelector ${selectorText(peer.namespaceSelector!)} keys on ${unknown.join(', ')}, which no Namespace object of the input carries, `
                + `while namespace${undeclared.length === 1 ? '' : 's'} ${listed(undeclared)} ${undeclared.length === 1 ? 'has' : 'have'} no Namespace object: `
                + 'whether the peer matches their pods depends on labels the input does not show. '
                + `Fix: add the Namespace objects with their labels to the input, or select namespaces by ${NAMESPACE_NAME_LABEL}`));
            }
            return;
          }
          if (ids.has(LintId.PEER_MATCHES_NOTHING) && classSetIsEmpty(context.peers.classesOf(peer, policy.namespaceName))) {
            report(lintFinding(LintId.PEER_MATCHES_NOTHING, policy, field,
              `${emptyPeerReason(context, policy, peer)}: the peer admits nothing. Fix: ${FIX_SELECTOR}`));
          }
        });
      }
    }
  }
}

/** Why a selector peer matches no pod: no namespace, namespaces without pods, or no pod there. */
function emptyPeerReason(context: LintContext, policy: CompiledPolicy, peer: CompiledPeer): string {
  const index = context.index;
  const namespaceSelector = peer.namespaceSelector;
  if (namespaceSelector) {
    const matching = index.namespaceIndex.select(namespaceSelector);
    if (matching.length === 0) {
      const close = closeLabels(namespaceSelector, index.namespaces.map((ns) => ({ labels: ns.labels, name: `namespace ${ns.name}` })));
      return `namespaceSelector ${selectorText(namespaceSelector) || '{}'} matches no namespace of the input`
        + (close.length > 0 ? ` (close matches: ${close.join(', ')})` : '');
    }
    return podsReason(context, peer, matching, `namespace${matching.length === 1 ? '' : 's'} ${listed(matching.map((n) => index.namespaces[n].name))}`);
  }
  return podsReason(context, peer, [index.namespaceIds.get(policy.namespaceName)!], `namespace ${policy.namespaceName}`);
}

function podsReason(context: LintContext, peer: CompiledPeer, namespaces: readonly number[], where: string): string {
  const index = context.index;
  const classes = namespaces.flatMap((n) => {
    const [start, end] = index.classRange(n);
    return Array.from({ length: end - start }, (_, k) => start + k);
  });
  if (classes.length === 0) {
    return `${where} ${namespaces.length === 1 ? 'has' : 'have'} no pods in the input`;
  }
  const selector = peer.podSelector ?? EVERY_POD;
  const text = selectorText(selector);
  const onNode = classes.filter((c) => index.classes[c].hostNetwork && selector.matches(index.classes[c].labels));
  if (onNode.length > 0) {
    return `podSelector ${text || '{}'} matches only pods on the node network in ${where} (${listed(context.workloadNames(onNode))}), which pod selectors never match`;
  }
  const close = closeLabels(selector, labelledClasses(context, classes));
  return `podSelector ${text} matches no pod in ${where}` + (close.length > 0 ? ` (close matches: ${close.join(', ')})` : '');
}

/** Classes as close-match candidates, each named by its first workload. */
function labelledClasses(context: LintContext, classes: readonly number[]): Labelled[] {
  return classes.map((c) => ({ labels: context.index.classes[c].labels, name: context.workloadNames([c])[0] }));
}
