import { FindingSeverity, ValidationStage } from '../../src/validation/finding';
import { ipBlockFindings } from '../../src/validation/ip-block';

const P = 'spec.ingress[0].from[0].ipBlock';
const summary = (block: unknown, strict = true) => ipBlockFindings(block, P, strict).map((f) => [f.field, f.rule, f.severity, f.message]);
const E = FindingSeverity.ERROR;
const W = FindingSeverity.WARNING;

describe('valid ipBlocks', () => {
  test.each([
    [{ cidr: '0.0.0.0/0' }], [{ cidr: '::/0' }], [{ cidr: '10.0.0.1/32' }], [{ cidr: '2001:db8::1/128' }],
    [{ cidr: '10.0.0.0/8', except: [] }], [{ cidr: '10.0.0.0/8', except: null }],
    [{ cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.1.0.0/16', '10.1.2.0/24'] }], // duplicates and overlaps are fine
    [{ cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] }],
    [{ cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] }],
  ])('%j', (block) => {
    expect(ipBlockFindings(block, P, true)).toEqual([]);
  });
});

describe('R24: cidr is required', () => {
  test.each([[{}], [{ cidr: '' }], [{ cidr: null }], [null], [{ except: ['not-a-cidr'] }]])('%j (except is not checked)', (block) => {
    expect(ipBlockFindings(block, P, true)).toEqual([{ field: `${P}.cidr`, message: 'Required value', severity: E, rule: 'NP-VAL-CIDR-REQUIRED', stage: ValidationStage.VALIDATE }]);
  });
});

describe('R25: cidr must parse', () => {
  test.each(['10.0.0.1', '10.0.0.0/33', 'not-a-cidr', ' 10.0.0.0/8', 'fe80::/64%eth0'])('%j stops the ipBlock checks', (cidr) => {
    expect(summary({ cidr, except: ['bogus'] })).toEqual([
      [`${P}.cidr`, 'NP-VAL-CIDR', E, `Invalid value: ${JSON.stringify(cidr)}: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`],
    ]);
  });
});

describe('R26: strict CIDR form', () => {
  test.each([
    ['010.0.0.0/8', 'must not have leading 0s in IP or prefix length'],
    ['::ffff:10.0.0.0/104', 'must not have an IPv4-mapped IPv6 address'],
    ['10.0.0.1/24', 'must not have bits set beyond the prefix length'],
  ])('%j is an error by default', (cidr, message) => {
    expect(summary({ cidr })).toEqual([[`${P}.cidr`, 'NP-VAL-CIDR-STRICT', E, `Invalid value: "${cidr}": ${message}`]]);
  });

  test.each([
    ['010.0.0.0/8', 'non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"'],
    ['10.0.0.1/24', 'CIDR value "10.0.0.1/24" is ambiguous in this context (should be "10.0.0.0/24" or "10.0.0.1/32"?)'],
  ])('%j is a warning with strictCidr: false', (cidr, message) => {
    expect(summary({ cidr }, false)).toEqual([[`${P}.cidr`, 'NP-VAL-CIDR-WARNING', W, message]]);
  });

  test('a non-canonical IPv6 cidr is only a warning, in both modes', () => {
    for (const strict of [true, false]) {
      expect(summary({ cidr: '2001:DB8::/32' }, strict)).toEqual([
        [`${P}.cidr`, 'NP-VAL-CIDR-WARNING', W, 'IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")'],
      ]);
    }
  });

  test('a cidr with host bits still has its except entries checked against the masked network', () => {
    expect(summary({ cidr: '10.0.0.1/16', except: ['10.0.5.0/24', '10.1.0.0/24'] }).map(([field, rule]) => [field, rule])).toEqual([
      [`${P}.cidr`, 'NP-VAL-CIDR-STRICT'],
      [`${P}.except[1]`, 'NP-VAL-EXCEPT-SUBSET'],
    ]);
  });
});

describe('R27: each except entry must parse', () => {
  test('every entry is checked on its own', () => {
    expect(summary({ cidr: '10.0.0.0/8', except: ['10.0.0.0/40', '10.1.0.0/16', 'x', '10.2.0.1/16'] })).toEqual([
      [`${P}.except[0]`, 'NP-VAL-CIDR', E, 'Invalid value: "10.0.0.0/40": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
      [`${P}.except[2]`, 'NP-VAL-CIDR', E, 'Invalid value: "x": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
      [`${P}.except[3]`, 'NP-VAL-CIDR-STRICT', E, 'Invalid value: "10.2.0.1/16": must not have bits set beyond the prefix length'],
    ]);
  });

  test('a null entry is "" and does not parse', () => {
    expect(summary({ cidr: '10.0.0.0/8', except: [null] }).map(([field, rule]) => [field, rule])).toEqual([[`${P}.except[0]`, 'NP-VAL-CIDR']]);
  });
});

describe('R28: except is a strict subset of cidr', () => {
  test.each([
    ['10.0.0.0/16', '10.0.0.0/16'], // equal
    ['10.0.0.1/32', '10.0.0.1/32'],
    ['10.0.0.0/16', '10.0.0.0/8'], // superset
    ['10.0.0.0/16', '192.168.0.0/24'], // outside
    ['10.0.0.0/8', '2001:db8::/64'], // mixed families
    ['::/0', '10.0.0.0/8'],
  ])('cidr %s, except %s', (cidr, except) => {
    expect(summary({ cidr, except: [except] })).toEqual([
      [`${P}.except[0]`, 'NP-VAL-EXCEPT-SUBSET', E, `Invalid value: "${except}": must be a strict subset of \`cidr\``],
    ]);
  });

  test('legacy mode compares masked networks', () => {
    expect(summary({ cidr: '10.0.0.0/16', except: ['10.0.0.1/24'] }, false).map(([field, rule]) => [field, rule])).toEqual([
      [`${P}.except[0]`, 'NP-VAL-CIDR-WARNING'],
    ]);
  });
});

test('a cidr of the wrong type is left to the decoding check', () => {
  expect(ipBlockFindings({ cidr: 10 }, P, true)).toEqual([]);
  expect(ipBlockFindings({ cidr: '10.0.0.0/8', except: [1] }, P, true)).toEqual([]);
  expect(ipBlockFindings('10.0.0.0/8', P, true)).toEqual([]);
});
