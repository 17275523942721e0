import { error, forbidden, invalid, JsonValue, notSupported, required, stageError, tooLong, warning } from '../../src/validation/field-errors';
import { FindingSeverity, ValidationStage } from '../../src/validation/finding';

describe('error bodies match the API server', () => {
  test.each([
    [invalid('R', 'f', 0, 'must be between 1 and 65535, inclusive'), 'Invalid value: 0: must be between 1 and 65535, inclusive'],
    [invalid('R', 'f', -2147483648, 'bad'), 'Invalid value: -2147483648: bad'],
    [invalid('R', 'f', 'Allow-Web', 'bad'), 'Invalid value: "Allow-Web": bad'],
    // Go's %q, not JSON: control characters as \x, printable Unicode as it is, no HTML escaping.
    [invalid('R', 'f', 'say "hi"', 'bad'), 'Invalid value: "say \\"hi\\"": bad'],
    [invalid('R', 'f', 'ctl\tchars\u0001\u007f<é>', 'bad'), 'Invalid value: "ctl\\tchars\\x01\\x7f<é>": bad'],
    // A list, or a value of a named string type, is shown as Go's JSON: HTML characters escaped.
    [invalid('R', 'f', new JsonValue(['Ingress', 'Egress', 'Ingress']), 'too many'), 'Invalid value: ["Ingress","Egress","Ingress"]: too many'],
    [invalid('R', 'f', new JsonValue('in<'), 'bad'), 'Invalid value: "in\\u003c": bad'],
    [required('R', 'f'), 'Required value'],
    [required('R', 'f', 'must specify a peer'), 'Required value: must specify a peer'],
    [forbidden('R', 'f', 'may not'), 'Forbidden: may not'],
    [notSupported('R', 'f', 'tcp', ['TCP', 'UDP', 'SCTP']), 'Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"'],
    [notSupported('R', 'f', '<&>\u0001', ['TCP']), 'Unsupported value: "\\u003c\\u0026\\u003e\\u0001": supported values: "TCP"'],
    [tooLong('R', 'f', 262144), 'Too long: may not be more than 262144 bytes'],
    [error('R', 'f', 'anything'), 'anything'],
  ])('%j', (finding, message) => {
    expect(finding).toEqual({ field: 'f', message, severity: FindingSeverity.ERROR, rule: 'R', stage: ValidationStage.VALIDATE });
  });
});

test('warnings keep their text and come with the server\'s answer', () => {
  expect(warning('R', 'f', 'be careful')).toEqual({ field: 'f', message: 'be careful', severity: FindingSeverity.WARNING, rule: 'R', stage: ValidationStage.VALIDATE });
});

test('errors of the earlier stages say their stage', () => {
  expect(stageError(ValidationStage.CLIENT, 'R', 'f', 'apiVersion not set'))
    .toEqual({ field: 'f', message: 'apiVersion not set', severity: FindingSeverity.ERROR, rule: 'R', stage: ValidationStage.CLIENT });
});
