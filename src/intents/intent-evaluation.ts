import { AppModel } from './app-model';
import { firstFew } from './first-few';
import { Intent } from './intent';
import { checkIntent } from './intent-check';
import { inputReason } from './intent-input-error';
import { IntentResult } from './intent-result';
import { IntentStatus } from './intent-status';
import { LINT_PREFIX } from './lint-evaluation';

/** The results of one `ReachabilityIntents`, and its synthesis errors. */
export interface IntentEvaluation {
  readonly results: IntentResult[];
  readonly errors: string[];
}

/**
 * Checks each intent and applies the acknowledgements: a broken intent acknowledged with a
 * reason is not an error. An acknowledgement naming no intent is an error, so a renamed or
 * removed intent does not leave a stale one behind (acknowledgements of lint findings are
 * `evaluateLints`' to judge).
 */
export function evaluateIntents(
  intents: readonly Intent[],
  acknowledgements: ReadonlyMap<string, string>,
  constructPath: string,
  app: AppModel,
): IntentEvaluation {
  const results: IntentResult[] = [];
  const errors: string[] = [];
  for (const intent of intents) {
    const base = { id: intent.id, kind: intent.kind, description: intent.description, constructPath };
    let outcome;
    try {
      outcome = checkIntent(intent, app);
    } catch (e) {
      const reason = inputReason(e);
      errors.push(`NP-INPUT[${intent.subject}]: ${reason}`);
      results.push({ ...base, status: IntentStatus.ERROR, message: reason, connections: [] });
      continue;
    }
    const acknowledgement = acknowledgements.get(intent.id);
    const status = outcome.holds ? IntentStatus.OK : acknowledgement === undefined ? IntentStatus.BROKEN : IntentStatus.ACKNOWLEDGED;
    if (status === IntentStatus.BROKEN) {
      errors.push(`${intent.id}: ${outcome.message}. ${outcome.fix}`);
    }
    results.push({ ...base, status, message: outcome.message, acknowledgement, connections: outcome.connections });
  }
  const ids = intents.map((i) => i.id);
  for (const id of acknowledgements.keys()) {
    if (!ids.includes(id) && !id.startsWith(LINT_PREFIX)) {
      const known = ids.length === 0 ? 'none are declared'
        : `they are: ${firstFew(ids)}`;
      errors.push(`NP-INPUT[acknowledge]: "${id}" is not the id of an intent of this construct (${known}); copy the id from the error or the report`);
    }
  }
  return { results, errors };
}
