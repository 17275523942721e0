import { FindingSeverity, ValidationStage } from '../../src/validation/finding';
import { portFindings } from '../../src/validation/port';

const P = 'spec.ingress[0].ports[0]';
const summary = (port: unknown) => portFindings(port, P).map((f) => [f.field, f.rule, f.message]);

describe('valid ports', () => {
  test.each([
    [{}], [null], [{ protocol: 'UDP' }], [{ port: 443 }], [{ port: 1 }], [{ port: 65535 }], [{ protocol: 'SCTP', port: 443 }],
    [{ protocol: 'UDP', port: 443 }], [{ port: 'http' }], [{ port: '8080-tcp' }], [{ port: 'grpc-web-health' }],
    [{ port: 80, endPort: 80 }], [{ port: 80, endPort: 65535 }], [{ protocol: 'UDP', port: 1000, endPort: 2000 }],
    [{ protocol: 'SCTP', port: 1000, endPort: 2000 }], [{ protocol: null, port: null, endPort: null }],
  ])('%j', (port) => {
    expect(portFindings(port, P)).toEqual([]);
  });
});

describe('R15: protocol', () => {
  test.each(['tcp', 'ICMP', '', 'Tcp'])('%j', (protocol) => {
    expect(portFindings({ protocol, port: 80 }, P)).toEqual([{
      field: `${P}.protocol`, message: `Unsupported value: "${protocol}": supported values: "TCP", "UDP", "SCTP"`, severity: FindingSeverity.ERROR, rule: 'NP-VAL-PROTOCOL', stage: ValidationStage.VALIDATE,
    }]);
  });
});

describe('R16: numeric port', () => {
  test.each([0, -1, 65536])('%d', (port) => {
    expect(summary({ port })).toEqual([[`${P}.port`, 'NP-VAL-PORT', `Invalid value: ${port}: must be between 1 and 65535, inclusive`]]);
  });
});

describe('R17: named port', () => {
  test.each([
    ['8080', ['must contain at least one letter (a-z)']],
    ['', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['grpc-web-healths', ['must be no more than 15 characters']],
    ['web--http', ['must not contain consecutive hyphens']],
    ['http-', ['must not begin or end with a hyphen']],
  ])('%j', (port, messages) => {
    expect(summary({ port })).toEqual(messages.map((msg) => [`${P}.port`, 'NP-VAL-PORT-NAME', `Invalid value: ${JSON.stringify(port)}: ${msg}`]));
  });
});

describe('R18: endPort >= port', () => {
  test('endPort below port shows the endPort value (Kubernetes 1.37)', () => {
    expect(portFindings({ port: 9000, endPort: 8000 }, P)).toEqual([{
      field: `${P}.endPort`, message: 'Invalid value: 8000: must be greater than or equal to `port`', severity: FindingSeverity.ERROR, rule: 'NP-VAL-PORT-RANGE', stage: ValidationStage.VALIDATE,
    }]);
  });
});

describe('R19: endPort in 1-65535', () => {
  test('endPort: 70000', () => {
    expect(summary({ port: 80, endPort: 70000 })).toEqual([
      [`${P}.endPort`, 'NP-VAL-END-PORT', 'Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ]);
  });

  test('endPort: 0 gives two errors (0 is not "absent")', () => {
    expect(summary({ port: 80, endPort: 0 })).toEqual([
      [`${P}.endPort`, 'NP-VAL-PORT-RANGE', 'Invalid value: 0: must be greater than or equal to `port`'],
      [`${P}.endPort`, 'NP-VAL-END-PORT', 'Invalid value: 0: must be between 1 and 65535, inclusive'],
    ]);
  });

  test('port: 0 with endPort: 0', () => {
    expect(summary({ port: 0, endPort: 0 }).map(([field, rule]) => [field, rule])).toEqual([
      [`${P}.port`, 'NP-VAL-PORT'], [`${P}.endPort`, 'NP-VAL-END-PORT'],
    ]);
  });
});

describe('R20: endPort needs a numeric port', () => {
  test('reported before the port-name errors', () => {
    expect(summary({ port: '8080', endPort: 8090 })).toEqual([
      [`${P}.endPort`, 'NP-VAL-END-PORT-NAMED', 'Invalid value: 8090: may not be specified when `port` is non-numeric'],
      [`${P}.port`, 'NP-VAL-PORT-NAME', 'Invalid value: "8080": must contain at least one letter (a-z)'],
    ]);
  });

  test('with a valid name', () => {
    expect(summary({ port: 'http', endPort: 8090 })).toEqual([
      [`${P}.endPort`, 'NP-VAL-END-PORT-NAMED', 'Invalid value: 8090: may not be specified when `port` is non-numeric'],
    ]);
  });
});

describe('R21: endPort needs a port', () => {
  test.each([[{ endPort: 8080 }], [{ port: null, endPort: 8080 }], [{ protocol: 'UDP', endPort: 8080 }]])('%j', (port) => {
    expect(summary(port)).toEqual([
      [`${P}.endPort`, 'NP-VAL-END-PORT-WITHOUT-PORT', 'Invalid value: 8080: may not be specified when `port` is not specified'],
    ]);
  });
});

test('order: protocol, port, endPort', () => {
  expect(summary({ endPort: 0, port: 70000, protocol: 'icmp' }).map(([field, rule]) => [field, rule])).toEqual([
    [`${P}.protocol`, 'NP-VAL-PROTOCOL'], [`${P}.port`, 'NP-VAL-PORT'], [`${P}.endPort`, 'NP-VAL-PORT-RANGE'], [`${P}.endPort`, 'NP-VAL-END-PORT'],
  ]);
});

test.each([
  [{ port: 8000, endPort: '9000' }],
  [{ port: 8080.5, endPort: 1 }],
  [{ port: true, endPort: 1 }],
  [{ protocol: 6 }],
  ['80'],
])('values of the wrong JSON type are left to the decoding check: %j', (port) => {
  expect(portFindings(port, P)).toEqual([]);
});
