import { IntentInputError, inputReason } from '../../src/assertions/intent-input-error';
import { thrown } from '../thrown';

test('an intent input error is its own reason', () => {
  expect(inputReason(new IntentInputError('unknown workload "x/y"'))).toBe('unknown workload "x/y"');
});

test('the evaluator\'s NP-INPUT errors lose their prefix', () => {
  expect(inputReason(new Error('NP-INPUT[port]: data/db has no TCP container port named "http"'))).toBe('data/db has no TCP container port named "http"');
});

test('anything else is a defect and is thrown again', () => {
  expect(thrown(() => inputReason(new TypeError('x is undefined')))).toBe('x is undefined');
});
