/**
 * `spec`, in the server's order: podSelector; each ingress rule (all its ports, then all its peers);
 * each egress rule likewise; then policyTypes. Every field may be omitted.
 */
import { invalid, JsonValue, notSupported } from './field-errors';
import { ValidationFinding } from './finding';
import { labelSelectorFindings } from './label-selector';
import { peerFindings } from './peer';
import { portFindings } from './port';
import { RULE } from './rules';
import { asArray, asString, asStruct } from '../k8s/json-values';

const POLICY_TYPES = ['Ingress', 'Egress'];

/** Findings for `spec`. */
export function specFindings(value: unknown, strictCidr: boolean): ValidationFinding[] {
  const spec = asStruct(value) ?? {};
  return [
    ...labelSelectorFindings(spec.podSelector, 'spec.podSelector'),
    ...ruleFindings(spec.ingress, 'spec.ingress', 'from', strictCidr),
    ...ruleFindings(spec.egress, 'spec.egress', 'to', strictCidr),
    ...policyTypeFindings(spec.policyTypes),
  ];
}

function ruleFindings(value: unknown, field: string, peersKey: 'from' | 'to', strictCidr: boolean): ValidationFinding[] {
  return (asArray(value) ?? []).flatMap((item, i) => {
    const rule = asStruct(item);
    if (!rule) return [];
    const ruleField = `${field}[${i}]`;
    return [
      ...(asArray(rule.ports) ?? []).flatMap((port, j) => portFindings(port, `${ruleField}.ports[${j}]`)),
      ...(asArray(rule[peersKey]) ?? []).flatMap((peer, k) => peerFindings(peer, `${ruleField}.${peersKey}[${k}]`, strictCidr)),
    ];
  });
}

// Duplicates are allowed; more than two entries stops the per-entry check.
function policyTypeFindings(value: unknown): ValidationFinding[] {
  const policyTypes = asArray(value) ?? [];
  if (policyTypes.length > POLICY_TYPES.length) {
    // null items decode to "".
    const shown = new JsonValue(policyTypes.map((item) => asString(item) ?? item));
    return [invalid(RULE.POLICY_TYPES_COUNT, 'spec.policyTypes', shown, 'may not specify more than two policyTypes')];
  }
  return policyTypes.flatMap((item, i) => {
    const policyType = asString(item);
    return policyType === undefined || POLICY_TYPES.includes(policyType)
      ? []
      : [notSupported(RULE.POLICY_TYPE, `spec.policyTypes[${i}]`, policyType, POLICY_TYPES)];
  });
}
