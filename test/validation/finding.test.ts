import { FindingSeverity } from '../../src/validation';

test('severities serialize as the lower-case words reports and the CLI print', () => {
  expect(Object.entries(FindingSeverity)).toEqual([['ERROR', 'error'], ['WARNING', 'warning']]);
});
