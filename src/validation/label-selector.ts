/**
 * A label selector (spec.podSelector and the peers' podSelector and namespaceSelector).
 * `{}` has nothing to check.
 */
import { forbidden, invalid, JsonValue, required } from './field-errors';
import { ValidationFinding } from './finding';
import { labelMapFindings } from './label-map';
import { RULE } from './rules';
import { asArray, asString, asStruct } from '../k8s/json-values';
import { labelKeyErrors, labelValueErrors } from '../k8s/label-syntax';

/** Findings for a selector at `field`: matchLabels, then each matchExpressions entry. */
export function labelSelectorFindings(selector: unknown, field: string): ValidationFinding[] {
  const sel = asStruct(selector) ?? {};
  const expressions = asArray(sel.matchExpressions) ?? [];
  return [
    ...labelMapFindings(sel.matchLabels, `${field}.matchLabels`, RULE.SELECTOR_LABELS),
    ...expressions.flatMap((expression, i) => requirementFindings(expression, `${field}.matchExpressions[${i}]`)),
  ];
}

function requirementFindings(expression: unknown, field: string): ValidationFinding[] {
  const requirement = asStruct(expression);
  if (!requirement) return [];
  const operator = asString(requirement.operator);
  const key = asString(requirement.key);
  // A values field of the wrong type is a decoding error; its length is unknown here.
  const values = requirement.values === undefined || requirement.values === null ? [] : asArray(requirement.values);
  const findings: ValidationFinding[] = [];
  if (operator === 'In' || operator === 'NotIn') {
    if (values?.length === 0) {
      findings.push(required(RULE.SELECTOR_VALUES_REQUIRED, `${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    }
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values && values.length > 0) {
      findings.push(forbidden(RULE.SELECTOR_VALUES_FORBIDDEN, `${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
  } else if (operator !== undefined) {
    // The operator is of a named Go type, so it prints as JSON.
    findings.push(invalid(RULE.SELECTOR_OPERATOR, `${field}.operator`, new JsonValue(operator), 'not a valid selector operator'));
  }
  if (key !== undefined) {
    findings.push(...labelKeyErrors(key).map((msg) => invalid(RULE.SELECTOR_KEY, `${field}.key`, key, msg)));
  }
  (values ?? []).forEach((item, j) => {
    const value = asString(item);
    if (value === undefined) return;
    findings.push(...labelValueErrors(value).map((msg) => invalid(RULE.SELECTOR_VALUE, `${field}.values[${j}]`, value, msg)));
  });
  return findings;
}
