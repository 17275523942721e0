import {
  cidrContainsIp, formatCidr, isCelCidr, HOST_BITS, INVALID_CIDR, IPV4_MAPPED, isStrictSubset, LEADING_ZEROS, ParsedCidr, parseCidr, parseIp,
} from '../../src/k8s/cidr';

function cidr(text: string): ParsedCidr {
  const parsed = parseCidr(text, false).cidr;
  if (!parsed) throw new Error(`test setup: ${text} does not parse`);
  return parsed;
}

describe('parseCidr accepts', () => {
  test.each([
    // text, family, network (hex), prefix
    ['10.0.0.0/8', 4, 'a000000', 8],
    ['0.0.0.0/0', 4, '0', 0],
    ['192.168.1.7/32', 4, 'c0a80107', 32],
    ['::/0', 6, '0', 0],
    ['2001:db8::/32', 6, '20010db8000000000000000000000000', 32],
    ['2001:db8::1/128', 6, '20010db8000000000000000000000001', 128],
    ['2001:DB8::/32', 6, '20010db8000000000000000000000000', 32],
    ['2001:db8:0::/48', 6, '20010db8000000000000000000000000', 48],
    ['::1.2.3.0/120', 6, '1020300', 120],
  ])('%s in both modes', (text, family, network, prefixLength) => {
    for (const strict of [true, false]) {
      const result = parseCidr(text, strict);
      expect(result.errors).toEqual([]);
      expect(result.cidr).toEqual({ family, network: BigInt(`0x${network}`), prefixLength, text });
    }
  });
});

describe('parseCidr rejects in both modes', () => {
  test.each([
    '10.0.0.1', '', '/8', '10.0.0.0/', '10.0.0.0/33', '::/129', '10.0.0.0/-1', '10.0.0.0/+8', '10.0.0.0/8/8',
    ' 10.0.0.0/8', '10.0.0.0/8 ', '10.0.0.0 /8', 'not-a-cidr', '10.0.0/8', '256.0.0.0/8', 'fe80::%eth0/64',
    'fe80::1%eth0/64', '1::2::3/64', '10.0.0.0/0x8', '2001:db8::/1e2',
  ])('%j', (text) => {
    for (const strict of [true, false]) {
      expect(parseCidr(text, strict)).toEqual({ errors: [INVALID_CIDR], warnings: [] });
    }
  });

  test('the message gives valid examples', () => {
    expect(INVALID_CIDR).toBe('must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)');
  });
});

describe('strict mode (Kubernetes >= 1.36)', () => {
  test.each([
    ['010.0.0.0/8', LEADING_ZEROS],
    ['10.0.0.0/08', LEADING_ZEROS],
    ['10.0.0.0/008', LEADING_ZEROS],
    ['::ffff:010.0.0.0/104', LEADING_ZEROS], // only the first reason is reported
    ['2001:db8:00000::/48', LEADING_ZEROS],
    ['::ffff:10.0.0.0/104', IPV4_MAPPED],
    ['::ffff:10.0.0.1/104', IPV4_MAPPED],
    ['::ffff:0:0/96', IPV4_MAPPED],
    ['10.0.0.1/24', HOST_BITS],
    ['11.0.0.0/7', HOST_BITS],
    ['2001:db8::1/32', HOST_BITS],
    ['1::/0', HOST_BITS],
  ])('%s: %s', (text, message) => {
    const result = parseCidr(text, true);
    expect(result.errors).toEqual([message]);
    expect(result.cidr).toBeDefined(); // the legacy parser still reads it, so except entries are checked
  });

  test.each(['0.0.0.0/0', '10.0.0.0/8', '0.0.0.0/32', '10.0.0.1/32', '2001:db8::/32', '::1.2.3.4/128', '::/0'])('%s has no error', (text) => {
    expect(parseCidr(text, true).errors).toEqual([]);
  });

  test('a non-canonical IPv6 CIDR is valid and warned about', () => {
    expect(parseCidr('2001:DB8::/32', true)).toMatchObject({
      errors: [],
      warnings: ['IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")'],
    });
  });

  test('the canonical suggestion keeps the host bits as written', () => {
    expect(parseCidr('2001:DB8::1/32', true)).toMatchObject({
      errors: [HOST_BITS],
      warnings: ['IPv6 CIDR value "2001:DB8::1/32" should be in RFC 5952 canonical format ("2001:db8::1/32")'],
    });
  });

  test.each(['2001:db8::/32', '::/0', '::102:304/128', '10.0.0.0/8'])('canonical %s has no warning', (text) => {
    expect(parseCidr(text, true).warnings).toEqual([]);
  });
});

describe('legacy mode (Kubernetes <= 1.35)', () => {
  test.each([
    ['010.0.0.0/8', '10.0.0.0/8', ['non-standard CIDR value "010.0.0.0/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"']],
    ['10.0.0.0/010', '10.0.0.0/10', ['non-standard CIDR value "10.0.0.0/010" will be considered invalid in a future Kubernetes release: use "10.0.0.0/10"']],
    ['10.0.0.1/24', '10.0.0.0/24', ['CIDR value "10.0.0.1/24" is ambiguous in this context (should be "10.0.0.0/24" or "10.0.0.1/32"?)']],
    ['2001:db8::1/32', '2001:db8::/32', ['CIDR value "2001:db8::1/32" is ambiguous in this context (should be "2001:db8::/32" or "2001:db8::1/128"?)']],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8', [
      'non-standard CIDR value "::ffff:10.0.0.0/104" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]],
    ['010.0.0.1/8', '10.0.0.0/8', [
      'CIDR value "010.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
      'non-standard CIDR value "010.0.0.1/8" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"',
    ]],
    ['2001:DB8::/32', '2001:db8::/32', ['IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")']],
  ])('%s is read as %s with warnings', (text, network, warnings) => {
    const result = parseCidr(text, false);
    expect(result.errors).toEqual([]);
    expect(formatCidr(result.cidr!)).toBe(network);
    expect(result.warnings).toEqual(warnings);
  });

  test('leading zeros are decimal, not octal', () => {
    expect(parseCidr('010.0.0.0/8', false).cidr?.network).toBe(0x0a000000n);
  });

  test('a standard CIDR has no warning', () => {
    expect(parseCidr('10.0.0.0/8', false)).toMatchObject({ errors: [], warnings: [] });
  });
});

describe('cidrContainsIp', () => {
  test.each([
    ['10.0.0.0/8', '10.255.0.1', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['0.0.0.0/0', '1.2.3.4', true],
    ['10.0.0.1/32', '10.0.0.1', true],
    ['10.0.0.1/32', '10.0.0.2', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::', false],
    // never across families
    ['::/0', '10.0.0.1', false],
    ['0.0.0.0/0', '::1', false],
    // an IPv4-mapped address is IPv4 to Go, and so is a masked IPv4-mapped network
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['::ffff:10.0.0.0/104', '10.1.2.3', true],
    ['::ffff:10.0.0.0/104', '11.0.0.0', false],
    ['::ffff:0:0/96', '::ffff:1.2.3.4', true],
    ['::/0', '::ffff:1.2.3.4', false],
    ['::/64', '::ffff:1.2.3.4', false],
  ])('%s contains %s: %s', (net, ip, expected) => {
    expect(cidrContainsIp(cidr(net), parseIp(ip)!)).toBe(expected);
  });
});

describe('isStrictSubset', () => {
  test.each([
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.0.0.0/8', '10.0.0.1/32', true],
    ['0.0.0.0/0', '192.168.0.0/16', true],
    ['2001:db8::/32', '2001:db8:1::/48', true],
    ['::/0', '2001:db8::/32', true],
    ['10.0.0.0/8', '10.0.0.0/8', false], // equal
    ['10.0.0.1/32', '10.0.0.1/32', false],
    ['10.0.0.0/16', '10.0.0.0/8', false], // a superset
    ['10.0.0.0/16', '11.0.0.0/24', false], // outside
    ['10.0.0.0/8', '2001:db8::/32', false], // mixed families
    ['::/0', '10.0.0.0/8', false],
    ['10.0.0.0/16', '10.0.0.5/24', true], // compared on masked networks
    ['10.0.0.5/16', '10.0.1.0/24', true],
    // prefix lengths are compared as written: a mapped /104 is longer than an IPv4 /16
    ['::ffff:10.0.0.0/104', '10.1.0.0/16', false],
    ['10.0.0.0/8', '::ffff:10.1.0.0/112', true],
  ])('%s ⊃ %s: %s', (outer, inner, expected) => {
    expect(isStrictSubset(cidr(outer), cidr(inner))).toBe(expected);
  });
});

describe('formatCidr', () => {
  test.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['2001:0DB8:0000::/32', '2001:db8::/32'],
    ['2001:db8::ff/120', '2001:db8::/120'],
    ['::/0', '::/0'],
    ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
    ['::ffff:10.0.0.0/64', '::/64'],
  ])('%s → %s', (text, expected) => {
    expect(formatCidr(cidr(text))).toBe(expected);
  });
});

describe('isCelCidr (the CEL isCIDR of CRD validation rules)', () => {
  test.each([
    '10.0.0.0/8', '10.0.0.1/8', '0.0.0.0/0', '192.168.1.1/32', '::/0', 'fd00::1/8', 'FD00::/8',
    '2001:0db8:0000:0000:0000:0000:0000:0000/32', '::1.2.3.4/128', '64:ff9b::1.2.3.4/128',
  ])('accepts %j', (text) => {
    expect(isCelCidr(text)).toBe(true);
  });

  test.each([
    '10.0.0.0', '10.0.0.0/33', '10.0.0.0/08', '010.0.0.0/8', '10.0.0.0/-1', ' 10.0.0.0/8', '2001:db8::/129',
    'fe80::1%eth0/64', '::ffff:10.0.0.0/104', '::ffff:1.2.3.4/128', '::ffff:0:0/96', '2001:db8::/032', '', '[::]/0',
  ])('rejects %j', (text) => {
    expect(isCelCidr(text)).toBe(false);
  });
});
