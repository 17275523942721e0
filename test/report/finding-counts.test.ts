import { countFindings } from '../../src/report/finding-counts';
import { FindingSeverity } from '../../src/validation/finding';

test('errors and warnings are counted apart', () => {
  const finding = (severity: FindingSeverity) => ({ severity, origin: 'o', subject: 's', field: '', message: 'm', rule: 'r' });
  expect(countFindings([])).toEqual({ errors: 0, warnings: 0 });
  expect(countFindings([finding(FindingSeverity.ERROR), finding(FindingSeverity.WARNING), finding(FindingSeverity.WARNING)]))
    .toEqual({ errors: 1, warnings: 2 });
});
