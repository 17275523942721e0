import { firstFew } from './first-few';
import { IntentStatus } from './intent-status';
import { LintResult } from './lint-result';
import { ClusterModel } from '../analysis/cluster-model';
import { LintId } from '../analysis/lint-id';
import { lintKey } from '../analysis/lint-report';
import { Linter } from '../analysis/linter';

/** The prefix of every lint id, and so of every acknowledgement of a lint finding. */
export const LINT_PREFIX = 'NP-LINT-';

/** What one `ReachabilityIntents` asks of the lints. */
export interface LintMember {
  readonly path: string;
  /** The lints it runs. */
  readonly lints: readonly LintId[];
  /** Its acknowledgements, intents' and lints' alike. */
  readonly acknowledgements: ReadonlyMap<string, string>;
}

/** The lint results and synthesis errors of each member, in the members' order. */
export interface LintEvaluation {
  readonly results: LintResult[][];
  readonly errors: string[][];
}

/**
 * Runs the lints the members ask for, once for the app, and gives each finding to the first
 * member that runs its lint: a finding fails synthesis there unless some member acknowledged
 * its id (`NP-LINT-...[namespace/name]`). An acknowledgement of a lint finding the app does not
 * have fails synthesis in the member that made it, so it does not outlive the finding.
 */
export function evaluateLints(members: readonly LintMember[], model: ClusterModel): LintEvaluation {
  const checks = [...new Set(members.flatMap((m) => m.lints))];
  const findings = checks.length === 0 ? [] : Linter.lint(model, { checks });
  const results: LintResult[][] = members.map(() => []);
  const errors: string[][] = members.map(() => []);
  for (const finding of findings) {
    const owner = members.findIndex((m) => m.lints.includes(finding.id));
    const id = lintKey(finding);
    const acknowledgement = members.map((m) => m.acknowledgements.get(id)).find((reason) => reason !== undefined);
    const status = acknowledgement === undefined ? IntentStatus.BROKEN : IntentStatus.ACKNOWLEDGED;
    results[owner].push({ id, finding, status, acknowledgement, constructPath: members[owner].path });
    if (status === IntentStatus.BROKEN) {
      errors[owner].push(`${id}: ${finding.field ? `${finding.field}: ` : ''}${finding.message} (${finding.origin}). `
        + `If it is deliberate, acknowledge it: acknowledge('${id}', '<why>')`);
    }
  }
  const ids = new Set(results.flat().map((r) => r.id));
  members.forEach((member, i) => {
    for (const id of member.acknowledgements.keys()) {
      if (id.startsWith(LINT_PREFIX) && !ids.has(id)) {
        const known = ids.size === 0 ? `the app has none (lints run: ${checks.length === 0 ? 'none' : checks.join(', ')})` : `they are: ${firstFew([...ids])}`;
        errors[i].push(`NP-INPUT[acknowledge]: "${id}" is not the id of a lint finding of the app (${known}); `
          + 'remove the acknowledgement if the finding is gone, or copy the id from the error or the report');
      }
    }
  });
  return { results, errors };
}
