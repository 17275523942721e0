import { IntentInputError, inputReason } from '../../src/intents/intent-input-error';
import { InputError } from '../../src/k8s/input-error';
import { thrown } from '../thrown';

test('an intent input error is its own reason', () => {
  expect(inputReason(new IntentInputError('unknown workload "x/y"'))).toBe('unknown workload "x/y"');
});

test('the evaluator\'s input errors give their problems without code and subject', () => {
  expect(inputReason(new InputError('port', ['data/db has no TCP container port named "http"']))).toBe('data/db has no TCP container port named "http"');
});

test('anything else is a defect and is thrown again, whatever its message says', () => {
  expect(thrown(() => inputReason(new TypeError('x is undefined')))).toBe('x is undefined');
  expect(thrown(() => inputReason(new Error('NP-INPUT[port]: looks like input')))).toBe('NP-INPUT[port]: looks like input');
});
