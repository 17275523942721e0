import { IpSet } from '../../src/analysis/ip-set';
import { parseCidr, parseIp } from '../../src/k8s/cidr';

const cidr = (text: string) => parseCidr(text, false).cidr!;
const ip = (text: string) => parseIp(text)!;

describe('IpSet', () => {
  test.each([
    ['10.0.0.0/8', [], '10.255.255.255', true],
    ['10.0.0.0/8', [], '11.0.0.0', false],
    ['10.0.0.0/8', ['10.1.0.0/16'], '10.1.2.3', false],
    ['10.0.0.0/8', ['10.1.0.0/16'], '10.2.0.0', true],
    ['0.0.0.0/0', [], '255.255.255.255', true],
    ['0.0.0.0/0', [], '::1', false],
    ['fd00::/64', ['fd00::/126'], 'fd00::3', false],
    ['fd00::/64', ['fd00::/126'], 'fd00::4', true],
    ['::/0', [], '10.0.0.1', false],
    ['10.0.0.1/24', [], '10.0.0.200', true],
    ['::ffff:10.0.0.0/104', [], '10.1.1.1', true],
    ['10.0.0.0/8', [], '::ffff:10.1.1.1', true],
  ])('%s except %j contains %s: %s', (block, excluded, address, expected) => {
    expect(IpSet.fromIpBlock(cidr(block), excluded.map(cidr)).contains(ip(address))).toBe(expected);
  });

  test.each([
    ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.3', false],
    ['10.0.0.0/8', '192.168.0.0/16', undefined, true],
    ['10.0.0.0/8', '::/0', undefined, true],
    ['fd00::/64', '::/0', 'fd00::9', false],
  ])('%s intersected with %s holds %s (empty: %s)', (a, b, address, empty) => {
    const both = IpSet.fromCidr(cidr(a)).intersect(IpSet.fromCidr(cidr(b)));
    expect(both.isEmpty()).toBe(empty);
    if (address !== undefined) {
      expect(both.contains(ip(address))).toBe(true);
    }
    expect(IpSet.EMPTY.isEmpty()).toBe(true);
  });

  test('subtraction works per family, and the text form is canonical', () => {
    const v4 = IpSet.fromCidr(cidr('10.0.0.0/8'));
    const v6 = IpSet.fromCidr(cidr('fd00::/8'));
    expect(v6.subtract(v4).toString()).toBe(v6.toString());
    expect(v4.subtract(IpSet.fromCidr(cidr('10.0.0.0/9'))).contains(ip('10.0.0.1'))).toBe(false);
    expect(v4.subtract(IpSet.fromCidr(cidr('10.0.0.0/9'))).contains(ip('10.128.0.1'))).toBe(true);
    expect(IpSet.fromIpBlock(cidr('10.0.0.0/30'), [cidr('10.0.0.0/31')]).toString()).toBe('v4[167772162-167772163] v6[]');
  });
});

test('fromCidrs: the union of several CIDRs of both families', () => {
  const set = IpSet.fromCidrs([cidr('10.0.0.0/24'), cidr('10.0.1.0/24'), cidr('fd00::/120')]);
  expect(['10.0.0.1', '10.0.1.255', '10.0.2.0', 'fd00::ff', 'fd00::100'].map((a) => set.contains(ip(a)))).toEqual([true, true, false, true, false]);
  expect(set.toString()).toBe(IpSet.fromCidr(cidr('10.0.0.0/23')).union(IpSet.fromCidr(cidr('fd00::/120'))).toString());
  expect(IpSet.fromCidrs([]).contains(ip('10.0.0.1'))).toBe(false);
});
