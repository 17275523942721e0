import { error, forbidden, invalid, notSupported, required, tooLong, warning } from '../../src/validation/field-errors';
import { FindingSeverity } from '../../src/validation/finding';

describe('error bodies match the API server', () => {
  test.each([
    [invalid('R', 'f', 0, 'must be between 1 and 65535, inclusive'), 'Invalid value: 0: must be between 1 and 65535, inclusive'],
    [invalid('R', 'f', 'Allow-Web', 'bad'), 'Invalid value: "Allow-Web": bad'],
    [invalid('R', 'f', 'say "hi"', 'bad'), 'Invalid value: "say \\"hi\\"": bad'],
    [invalid('R', 'f', ['Ingress', 'Egress', 'Ingress'], 'too many'), 'Invalid value: ["Ingress","Egress","Ingress"]: too many'],
    [invalid('R', 'f', NaN, 'bad'), 'Invalid value: NaN: bad'],
    [required('R', 'f'), 'Required value'],
    [required('R', 'f', 'must specify a peer'), 'Required value: must specify a peer'],
    [forbidden('R', 'f', 'may not'), 'Forbidden: may not'],
    [notSupported('R', 'f', 'tcp', ['TCP', 'UDP', 'SCTP']), 'Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"'],
    [tooLong('R', 'f', 262144), 'Too long: may not be more than 262144 bytes'],
    [error('R', 'f', 'anything'), 'anything'],
  ])('%j', (finding, message) => {
    expect(finding).toEqual({ field: 'f', message, severity: FindingSeverity.ERROR, rule: 'R' });
  });
});

test('warnings keep their text', () => {
  expect(warning('R', 'f', 'be careful')).toEqual({ field: 'f', message: 'be careful', severity: FindingSeverity.WARNING, rule: 'R' });
});
