/**
 * An intent that cannot be checked against the app (unknown endpoint, missing port): reported
 * as an `NP-INPUT` synthesis error for that intent rather than thrown.
 */
export class IntentInputError extends Error {}

/**
 * The reason of an input error: our own, or the evaluator's `NP-INPUT[...]` error without its
 * prefix. Any other error is a defect and is thrown again.
 */
export function inputReason(error: unknown): string {
  if (error instanceof IntentInputError) {
    return error.message;
  }
  if (error instanceof Error && error.message.startsWith('NP-INPUT')) {
    return error.message.replace(/^NP-INPUT\[[^\]]*\]: /, '');
  }
  throw error;
}
