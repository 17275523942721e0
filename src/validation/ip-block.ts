/**
 * An ipBlock. An absent or empty cidr, or one that does not parse at all, stops the checks
 * of this ipBlock; a cidr that only breaks the strict rules still has its except entries checked
 * against its masked network, as the server does.
 */
import { invalid, required, warning } from './field-errors';
import { ValidationFinding } from './finding';
import { RULE } from './rules';
import { INVALID_CIDR, isStrictSubset, parseCidr } from '../k8s/cidr';
import { asArray, asString, asStruct } from '../k8s/json-values';

/** Findings for the ipBlock at `field`, e.g. `spec.egress[0].to[1].ipBlock`. */
export function ipBlockFindings(value: unknown, field: string, strictCidr: boolean): ValidationFinding[] {
  const block = asStruct(value);
  if (!block) return [];
  const cidrText = asString(block.cidr);
  if (cidrText === undefined) return [];
  if (cidrText === '') return [required(RULE.CIDR_REQUIRED, `${field}.cidr`)];

  const parsed = parseCidr(cidrText, strictCidr);
  const findings = cidrFindings(cidrText, parsed.errors, parsed.warnings, `${field}.cidr`);
  const outer = parsed.cidr;
  if (!outer) return findings;

  (asArray(block.except) ?? []).forEach((item, j) => {
    const exceptText = asString(item);
    if (exceptText === undefined) return;
    const exceptField = `${field}.except[${j}]`;
    const inner = parseCidr(exceptText, strictCidr);
    findings.push(...cidrFindings(exceptText, inner.errors, inner.warnings, exceptField));
    if (inner.cidr && !isStrictSubset(outer, inner.cidr)) {
      findings.push(invalid(RULE.EXCEPT_SUBSET, exceptField, exceptText, 'must be a strict subset of `cidr`'));
    }
  });
  return findings;
}

function cidrFindings(text: string, errors: string[], warnings: string[], field: string): ValidationFinding[] {
  return [
    ...errors.map((msg) => invalid(msg === INVALID_CIDR ? RULE.CIDR : RULE.CIDR_STRICT, field, text, msg)),
    ...warnings.map((msg) => warning(RULE.CIDR_WARNING, field, msg)),
  ];
}
