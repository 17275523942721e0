import { InputError } from '../k8s/input-error';

/**
 * An intent that cannot be checked against the app (unknown endpoint, missing port): reported
 * as an `NP-INPUT` synthesis error for that intent rather than thrown. The intent supplies the
 * subject when it reports it.
 */
export class IntentInputError extends InputError {
  constructor(problem: string) {
    super('intent', [problem]);
    this.name = 'IntentInputError';
  }
}

/**
 * The reason of an input error (ours or the evaluator's), without its code and subject. Any
 * other error is a defect and is thrown again.
 */
export function inputReason(error: unknown): string {
  if (error instanceof InputError) {
    return error.reason;
  }
  throw error;
}
