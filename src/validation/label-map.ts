/**
 * A map of labels (metadata.labels, matchLabels). The server reports every bad key or value at the
 * map's own path, never at a path naming the key, and shows the offending key or value.
 */
import { invalid } from './field-errors';
import { ValidationFinding } from './finding';
import { asObject, asString } from '../k8s/json-values';
import { labelKeyErrors, labelValueErrors } from '../k8s/label-syntax';

/** Findings for each key, then its value, in the map's order. */
export function labelMapFindings(labels: unknown, field: string, rule: string): ValidationFinding[] {
  return Object.entries(asObject(labels) ?? {}).flatMap(([key, rawValue]) => {
    const value = asString(rawValue);
    return [
      ...labelKeyErrors(key).map((msg) => invalid(rule, field, key, msg)),
      ...(value === undefined ? [] : labelValueErrors(value).map((msg) => invalid(rule, field, value, msg))),
    ];
  });
}
