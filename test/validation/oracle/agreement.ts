/**
 * How the validator's findings compare with the oracle's verdict on one document: the stage that
 * refuses it, what that stage says, and, when the server validated it, the exact causes.
 */
import { OracleVerdict } from './fixture';
import { FindingSeverity, NetworkPolicyValidator, ValidationFinding, ValidationStage } from '../../../src/validation';
import { GENERATED_SUFFIX } from '../../../src/validation/metadata';
import { RULE } from '../../../src/validation/rules';

/** The 5 characters the oracle appends to generateName (it re-seeds its random source before each request). */
export const ORACLE_GENERATED_SUFFIX = 'xn8fg';

/** A difference, described for a test failure; undefined when the two agree. */
export function disagreement(document: unknown, verdict: OracleVerdict): string | undefined {
  const findings = NetworkPolicyValidator.check(document);
  const expectedStage = stageOf(verdict);
  const stage = NetworkPolicyValidator.refusedAt(findings);
  if (stage !== expectedStage) return `refused at ${stage ?? 'nothing'}, the server at ${expectedStage ?? 'nothing'}: ${describe(findings)}`;
  const errors = (at: ValidationStage) => findings.filter((f) => f.stage === at && f.severity === FindingSeverity.ERROR);
  switch (stage) {
    case ValidationStage.CLIENT:
      return sameText(errors(ValidationStage.CLIENT)[0].message, kubectlDetail(verdict.message ?? ''));
    case ValidationStage.DECODE:
      return sameText(serverDecodeMessage(errors(ValidationStage.DECODE)), serverDetail(verdict.message ?? ''));
    case ValidationStage.VALIDATE:
      return sameSet(errors(ValidationStage.VALIDATE).map((f) => NetworkPolicyValidator.format(f)), verdict.causes.map(serverCause))
        ?? sameSet(warningsOf(findings).filter((w) => verdict.warnings.includes(w)), verdict.warnings);
    default:
      return sameSet(warningsOf(findings), verdict.warnings);
  }
}

function stageOf(verdict: OracleVerdict): ValidationStage | undefined {
  if (verdict.stage === 'ok') return undefined;
  if (verdict.stage === 'validate') return ValidationStage.VALIDATE;
  return verdict.by === 'kubectl' ? ValidationStage.CLIENT : ValidationStage.DECODE;
}

/** What the server says at decoding: the first type error, or else every unknown field. */
function serverDecodeMessage(errors: ValidationFinding[]): string {
  if (errors[0].rule !== RULE.UNKNOWN_FIELD) return errors[0].message;
  const prefix = 'strict decoding error: ';
  return prefix + errors.map((f) => f.message.slice(prefix.length)).join(', ');
}

// The generated name's random characters differ; the validator shows a placeholder for them.
function serverCause(cause: { field: string; message: string }): string {
  return `${cause.field}: ${cause.message.split(ORACLE_GENERATED_SUFFIX).join(GENERATED_SUFFIX)}`;
}

/** kubectl's error without its file name and advice, as the validator words it. */
function kubectlDetail(message: string): string {
  const validating = message.match(/^error validating "FILE": error validating data: (.*); if you choose to ignore these errors/s);
  if (validating) return validating[1];
  const mapping = message.match(/ from "FILE": (no matches for kind .*)\nensure CRDs are installed first$/s);
  if (mapping) return mapping[1];
  return message.replace(/^unable to decode "FILE": /, '');
}

function serverDetail(message: string): string {
  return message.replace(/^NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: /, '');
}

function warningsOf(findings: ValidationFinding[]): string[] {
  return findings.filter((f) => f.severity === FindingSeverity.WARNING).map((f) => NetworkPolicyValidator.format(f));
}

function sameText(actual: string, expected: string): string | undefined {
  return actual === expected ? undefined : `said\n  ${actual}\nthe server said\n  ${expected}`;
}

function sameSet(actual: string[], expected: readonly string[]): string | undefined {
  const missing = expected.filter((e) => !actual.includes(e));
  const extra = actual.filter((a) => !expected.includes(a));
  if (missing.length === 0 && extra.length === 0) return undefined;
  return [...missing.map((m) => `missing: ${m}`), ...extra.map((e) => `extra:   ${e}`)].join('\n');
}

function describe(findings: ValidationFinding[]): string {
  return findings.filter((f) => f.severity === FindingSeverity.ERROR).map((f) => `[${f.stage}] ${NetworkPolicyValidator.format(f)}`).join(' | ') || 'no errors';
}
