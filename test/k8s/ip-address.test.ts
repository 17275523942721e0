import { formatIpv4, formatIpv6, isIpv4Mapped, parseIp, parseLenientIp, unmapIpv4 } from '../../src/k8s/ip-address';

const hex = (value: bigint | undefined) => value?.toString(16);

describe('parseLenientIp', () => {
  test.each([
    // text, family, value in hex, leading zeros
    ['0.0.0.0', 4, '0', false],
    ['255.255.255.255', 4, 'ffffffff', false],
    ['10.1.2.3', 4, 'a010203', false],
    ['010.001.0.0', 4, 'a010000', true], // read as decimal, not octal
    ['0000000010.0.0.1', 4, 'a000001', true],
    ['::', 6, '0', false],
    ['::1', 6, '1', false],
    ['1::', 6, '10000000000000000000000000000', false],
    ['2001:DB8::1', 6, '20010db8000000000000000000000001', false],
    ['1:2:3:4:5:6:7:8', 6, '10002000300040005000600070008', false],
    ['1:2:3:4:5:6::8', 6, '10002000300040005000600000008', false],
    ['::ffff:10.0.0.1', 6, 'ffff0a000001', false],
    ['1:2:3:4:5:6:1.2.3.4', 6, '10002000300040005000601020304', false],
    ['::1.2.3.4', 6, '1020304', false],
    ['::010.0.0.1', 6, 'a000001', true],
    ['2001:db8:00000::', 6, '20010db8000000000000000000000000', true], // more than four hex digits
    ['0000ffff::', 6, 'ffff0000000000000000000000000000', true],
  ])('%s reads as IPv%d %s', (text, family, value, leadingZeros) => {
    const ip = parseLenientIp(text);
    expect(ip?.family).toBe(family);
    expect(hex(ip?.value)).toBe(value);
    expect(ip?.leadingZeros).toBe(leadingZeros);
  });

  test.each([
    '', '1.2.3', '1.2.3.4.5', '256.0.0.0', '1.2.3.-1', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.a', '0x1.2.3.4', '1..2.3',
    ':', ':::', '1:::2', '1::2::3', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::8', '10000::', 'g::', 'fe80::1%eth0',
    '1.2.3.4::', '::1.2.3.4:5', '1:2:3:4:5:6:7:1.2.3.4', '::1:2:3:4:5:6:1.2.3.4', '::256.0.0.0', '1.2.3.4:5::',
  ])('rejects %j', (text) => {
    expect(parseLenientIp(text)).toBeUndefined();
  });
});

describe('parseIp', () => {
  test.each([
    ['10.0.0.1', 4],
    ['2001:db8::1', 6],
    ['::ffff:10.0.0.1', 6],
  ])('accepts %s', (text, family) => {
    expect(parseIp(text)?.family).toBe(family);
  });

  test.each(['010.0.0.1', '::00001', 'fe80::1%eth0', '10.0.0.0/8', 'localhost', ''])('rejects %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});

describe('isIpv4Mapped', () => {
  test.each([
    ['::ffff:1.2.3.4', true],
    ['::ffff:0:0', true],
    ['::1.2.3.4', false],
    ['1::ffff:1.2.3.4', false],
    ['1.2.3.4', false],
  ])('%s: %s', (text, expected) => {
    expect(isIpv4Mapped(parseLenientIp(text)!)).toBe(expected);
  });
});

describe('formatting', () => {
  test('IPv4 is dotted decimal without leading zeros', () => {
    expect(formatIpv4(0x0a000001n)).toBe('10.0.0.1');
    expect(formatIpv4(0xffffffffn)).toBe('255.255.255.255');
  });

  test.each([
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8::0001', '2001:db8::1'],
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'], // the longest run of zeros
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:0:0:1:0:0:1:1', '2001::1:0:0:1:1'], // the first of equal runs
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group stays
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
  ])('IPv6 %s is written %s (RFC 5952)', (text, canonical) => {
    expect(formatIpv6(parseLenientIp(text)!.value)).toBe(canonical);
  });
});

describe('unmapIpv4', () => {
  test.each([
    ['::ffff:10.1.2.3', { family: 4, value: 0x0a010203n }],
    ['10.1.2.3', { family: 4, value: 0x0a010203n }],
    ['fd00::1', { family: 6, value: parseIp('fd00::1')!.value }],
  ])('%s', (text, expected) => {
    expect(unmapIpv4(parseIp(text)!)).toEqual(expected);
  });
});
