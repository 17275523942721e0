import { OracleVerdict } from './oracle-verdict';
import { FindingSeverity, ValidationFinding } from '../../../src/validation';
import { CNP_RULE } from '../../../src/validation/cnp-rules';
import { RULE } from '../../../src/validation/rules';

/** Rules of findings that stand for the server's strict decoding error (HTTP 400). */
const UNKNOWN_FIELD_RULES: readonly string[] = [RULE.UNKNOWN_FIELD, CNP_RULE.CHANNEL];
/** Rules of warnings the server itself returns (the others are the validator's own advice). */
const SERVER_WARNING_RULES: readonly string[] = [RULE.METADATA];

const line = (field: string, message: string): string => `${field === '<nil>' ? '' : field}: ${message}`;

/**
 * How the validator's findings differ from the oracle's verdict, one entry per difference
 * (empty when they agree):
 * - `ok`: no errors, and the server's warnings;
 * - 400: the unknown fields, then the other errors against the verdict for the pruned object;
 * - 422: every cause, field and message;
 * - `route` (kind or version not served): an error on the kind or apiVersion;
 * - `decode` (kubectl could not decode metadata): a type error at the metadata field it names.
 */
export function disagreements(verdict: OracleVerdict, findings: ValidationFinding[]): string[] {
  const errors = findings.filter((f) => f.severity === FindingSeverity.ERROR);
  const warnings = findings.filter((f) => f.severity === FindingSeverity.WARNING && SERVER_WARNING_RULES.includes(f.rule));
  if (verdict.stage === 'route') {
    return errors.some((f) => f.rule === RULE.KIND) ? [] : [`expected an ${RULE.KIND} error (${verdict.message})`];
  }
  if (verdict.stage === 'decode') {
    const field = /Go struct field (?:ObjectMeta|metadataOnlyObject)\.(\S+) of type/.exec(verdict.message ?? '')?.[1] ?? 'metadata';
    return errors.some((f) => f.rule === RULE.TYPE && f.field.startsWith(field)) ? [] : [`expected a ${RULE.TYPE} error at ${field} (${verdict.message})`];
  }
  const differences: string[] = [];
  const unknown = errors.filter((f) => UNKNOWN_FIELD_RULES.includes(f.rule));
  const others = errors.filter((f) => !UNKNOWN_FIELD_RULES.includes(f.rule));
  differences.push(...setDifference('unknown field', unknown.map((f) => f.field), verdict.unknownFields ?? []));
  const judged = verdict.afterPruning ?? verdict;
  differences.push(...setDifference('error', others.map((f) => line(f.field, f.message)), judged.causes.map(([field, message]) => line(field, message))));
  differences.push(...setDifference('warning', warnings.map((f) => line(f.field, f.message)), verdict.warnings));
  return differences;
}

function setDifference(what: string, ours: string[], theirs: string[]): string[] {
  const extra = ours.filter((item) => !theirs.includes(item)).map((item) => `extra ${what}: ${item}`);
  const missing = theirs.filter((item) => !ours.includes(item)).map((item) => `missing ${what}: ${item}`);
  const counts = extra.length === 0 && missing.length === 0 && ours.length !== theirs.length
    ? [`${ours.length} ${what}s reported, the server has ${theirs.length}`] : [];
  return [...extra, ...missing, ...counts];
}
