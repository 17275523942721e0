import { IntentResult } from '../intents/intent-result';
import { IntentStatus } from '../intents/intent-status';

/** How many intents have each status, and the sentence the reports print. */
export interface IntentCounts {
  readonly total: number;
  readonly ok: number;
  readonly broken: number;
  readonly acknowledged: number;
  readonly errors: number;
}

export function countIntents(results: readonly IntentResult[]): IntentCounts {
  const count = (status: IntentStatus) => results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    ok: count(IntentStatus.OK),
    broken: count(IntentStatus.BROKEN),
    acknowledged: count(IntentStatus.ACKNOWLEDGED),
    errors: count(IntentStatus.ERROR),
  };
}

/** e.g. `10 intents: 9 ok, 1 acknowledged, 0 broken, 0 errors`. */
export function intentSummary(results: readonly IntentResult[]): string {
  const c = countIntents(results);
  return `${c.total} intent${c.total === 1 ? '' : 's'}: ${c.ok} ok, ${c.acknowledged} acknowledged, ${c.broken} broken, `
    + `${c.errors} error${c.errors === 1 ? '' : 's'}`;
}
