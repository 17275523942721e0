/**
 * Warnings about ClusterNetworkPolicy fields the CRD accepts but that cannot work as written:
 * selectors that are not label selectors, domain names (which no analysis can evaluate without
 * DNS), and named ports no container can carry. They read the object after pruning, and skip
 * whatever has the wrong type (the schema errors report it).
 */
import { ClusterNetworkPolicyChannel } from './cluster-network-policy-channel';
import { CNP_RULE } from './cnp-rules';
import { warning } from './field-errors';
import { ValidationFinding } from './finding';
import { asArray, asObject, JsonObject } from '../k8s/json-values';
import { labelKeyErrors, labelValueErrors, portNameErrors } from '../k8s/label-syntax';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** The warnings for a pruned ClusterNetworkPolicy's `spec`. */
export function cnpAdvice(spec: unknown, channel: ClusterNetworkPolicyChannel): ValidationFinding[] {
  const object = asObject(spec);
  if (!object) return [];
  const findings: ValidationFinding[] = [];
  const subject = asObject(object.subject) ?? {};
  findings.push(...selectorAdvice(subject.namespaces, 'spec.subject.namespaces'), ...namespacedPodAdvice(subject.pods, 'spec.subject.pods'));
  for (const [direction, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    rulesOf(object[direction]).forEach((rule, i) => {
      const rulePath = `spec.${direction}[${i}]`;
      (asArray(rule[peersKey]) ?? []).forEach((item, j) => {
        const peer = asObject(item) ?? {};
        const peerPath = `${rulePath}.${peersKey}[${j}]`;
        findings.push(
          ...selectorAdvice(peer.namespaces, `${peerPath}.namespaces`),
          ...namespacedPodAdvice(peer.pods, `${peerPath}.pods`),
          ...selectorAdvice(peer.nodes, `${peerPath}.nodes`),
          ...domainNameAdvice(peer.domainNames, `${peerPath}.domainNames`, object.tier, rule.action),
        );
      });
      findings.push(...namedPortAdvice(rule, rulePath, direction === 'egress' && channel === ClusterNetworkPolicyChannel.STANDARD));
    });
  }
  return findings;
}

function rulesOf(value: unknown): JsonObject[] {
  return (asArray(value) ?? []).map((rule) => asObject(rule) ?? {});
}

function namespacedPodAdvice(value: unknown, path: string): ValidationFinding[] {
  const pods = asObject(value);
  return pods ? [...selectorAdvice(pods.namespaceSelector, `${path}.namespaceSelector`), ...selectorAdvice(pods.podSelector, `${path}.podSelector`)] : [];
}

/** What `metav1.LabelSelectorAsSelector` refuses, which the CRD's schema does not check. */
function selectorAdvice(value: unknown, path: string): ValidationFinding[] {
  const selector = asObject(value);
  if (!selector) return [];
  const problems: [string, string][] = [];
  for (const [key, labelValue] of Object.entries(asObject(selector.matchLabels) ?? {})) {
    problems.push(...labelKeyErrors(key).map((e): [string, string] => [`${path}.matchLabels`, `key ${JSON.stringify(key)}: ${e}`]));
    if (typeof labelValue === 'string') {
      problems.push(...labelValueErrors(labelValue).map((e): [string, string] => [`${path}.matchLabels`, `value ${JSON.stringify(labelValue)}: ${e}`]));
    }
  }
  (asArray(selector.matchExpressions) ?? []).forEach((item, k) => {
    const expression = asObject(item);
    if (!expression || typeof expression.key !== 'string' || typeof expression.operator !== 'string') return;
    const at = `${path}.matchExpressions[${k}]`;
    const values = (asArray(expression.values) ?? []).filter((v): v is string => typeof v === 'string');
    problems.push(...labelKeyErrors(expression.key).map((e): [string, string] => [`${at}.key`, `${JSON.stringify(expression.key)}: ${e}`]));
    if (!OPERATORS.includes(expression.operator)) {
      problems.push([`${at}.operator`, `${JSON.stringify(expression.operator)} is not a selector operator (In, NotIn, Exists or DoesNotExist)`]);
    } else if ((expression.operator === 'In' || expression.operator === 'NotIn') && values.length === 0) {
      problems.push([`${at}.values`, `${expression.operator} needs at least one value`]);
    } else if ((expression.operator === 'Exists' || expression.operator === 'DoesNotExist') && values.length > 0) {
      problems.push([`${at}.values`, `${expression.operator} takes no values`]);
    }
    for (const text of values) {
      problems.push(...labelValueErrors(text).map((e): [string, string] => [`${at}.values`, `${JSON.stringify(text)}: ${e}`]));
    }
  });
  return problems.map(([field, problem]) => warning(CNP_RULE.SELECTOR, field, `${problem}: the CRD accepts this selector, but it is not `
    + 'a valid label selector, so implementations cannot apply it (metav1.LabelSelectorAsSelector fails) and the analysis leaves this policy out'));
}

function domainNameAdvice(value: unknown, path: string, tier: unknown, action: unknown): ValidationFinding[] {
  if (!Array.isArray(value)) return [];
  const scope = tier === 'Admin' && action === 'Accept' ? ''
    : '; they are also documented for Accept rules of the Admin tier only, which the CRD does not enforce, so implementations may refuse or ignore this rule';
  return [warning(CNP_RULE.DOMAIN_NAMES, path, 'domain names are not evaluated: the analysis has no DNS model, so this peer matches no '
    + `connection in verdicts and the connections it would match are decided by later rules and layers${scope}`)];
}

function namedPortAdvice(rule: JsonObject, rulePath: string, standardEgress: boolean): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  let named = false;
  (asArray(rule.protocols) ?? []).forEach((item, k) => {
    const name = asObject(item)?.destinationNamedPort;
    if (typeof name !== 'string') return;
    named = true;
    const errors = portNameErrors(name);
    if (errors.length > 0) {
      findings.push(warning(CNP_RULE.NAMED_PORT, `${rulePath}.protocols[${k}].destinationNamedPort`,
        `${JSON.stringify(name)} cannot be the name of a container port (${errors.join('; ')}), so this entry matches no connection`));
    }
  });
  const addressPeer = (asArray(rule.to) ?? []).some((peer) => 'networks' in (asObject(peer) ?? {}));
  if (standardEgress && named && addressPeer) {
    findings.push(warning(CNP_RULE.NAMED_PORT, rulePath, 'a named port with a networks peer: the experimental channel refuses this rule, '
      + 'and here the named port matches connections to pods only (addresses carry no port names)'));
  }
  return findings;
}
