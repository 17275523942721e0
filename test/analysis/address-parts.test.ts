import * as fc from 'fast-check';
import { AddressRule, AddressUniverse } from '../../src/analysis/address-parts';
import { IpSet } from '../../src/analysis/ip-set';
import { parseCidr } from '../../src/k8s/cidr';
import { parseIp } from '../../src/k8s/ip-address';

const CIDRS = ['10.0.0.0/8', '10.0.0.0/30', '10.0.0.4/30', '10.0.0.5/32', '192.168.0.0/16', '0.0.0.0/0', 'fd00::/64', 'fd00::/126', '::/0'];
const POD_IPS = ['10.0.0.1', '10.0.0.5', '192.168.1.10', 'fd00::1'];
const cidr = (text: string) => parseCidr(text, true).cidr!;

const block = fc.tuple(fc.constantFrom(...CIDRS), fc.uniqueArray(fc.constantFrom(...CIDRS), { maxLength: 2 }))
  .map(([c, except]) => IpSet.fromIpBlock(cidr(c), except.map(cidr)));
const rule = fc.oneof(
  fc.constant<AddressRule>({}),
  fc.constant<AddressRule>({ peers: [] }),
  fc.array(block, { minLength: 1, maxLength: 2 }).map((sets): AddressRule => ({ peers: [], addresses: sets.reduce((a, b) => a.union(b)) })),
);

describe('AddressUniverse', () => {
  const universe = new AddressUniverse(POD_IPS.map((ip) => parseIp(ip)!));
  const matches = (r: AddressRule, ip: string) => r.peers === undefined || (r.addresses?.contains(parseIp(ip)!) ?? false);

  test('each part\'s sample is no pod\'s, and exactly the part\'s rules match it; no two parts share their rules', () => {
    fc.assert(fc.property(fc.array(rule, { maxLength: 4 }), (rules) => {
      const parts = universe.parts(rules);
      expect(new Set(parts.map((p) => p.rules.join(','))).size).toBe(parts.length);
      for (const part of parts) {
        expect(POD_IPS).not.toContain(part.sample);
        expect(rules.flatMap((r, i) => (matches(r, part.sample) ? [i] : []))).toEqual(part.rules);
      }
    }));
  });

  test('every set of rules some free address is matched by has its part', () => {
    const probes = ['0.0.0.0', '10.0.0.0', '10.0.0.2', '10.0.0.4', '10.0.0.6', '10.0.0.8', '10.1.0.0', '192.168.0.0', '192.168.1.11', '8.8.8.8', 'fd00::', 'fd00::2', 'fd00::4', 'fd00:0:0:1::', '2001:db8::1'];
    fc.assert(fc.property(fc.array(rule, { maxLength: 4 }), (rules) => {
      const keys = new Set(universe.parts(rules).map((p) => p.rules.join(',')));
      for (const ip of probes) {
        const matched = rules.flatMap((r, i) => (matches(r, ip) ? [i] : []));
        if (matched.length > 0) {
          expect(keys).toContain(matched.join(','));
        }
      }
    }));
  });

  test('a source of unknown address (a node) is a part matched by the rules without peers only, unless an address is', () => {
    const everyAddress: AddressRule = { peers: [], addresses: IpSet.ALL };
    expect(universe.parts([{}, everyAddress], true).map((p) => [p.rules, p.sample])).toEqual([[[0, 1], '0.0.0.0'], [[0], 'node']]);
    expect(universe.parts([{}, everyAddress], false).map((p) => p.sample)).toEqual(['0.0.0.0']);
    expect(universe.parts([{}, { peers: [], addresses: IpSet.fromCidr(cidr('10.0.0.0/8')) }], true).map((p) => p.sample)).toEqual(['0.0.0.0', '10.0.0.0']);
  });

  test('holdsOtherThanPods: an address of the set that is no pod\'s', () => {
    expect(universe.holdsOtherThanPods(IpSet.fromCidr(cidr('10.0.0.5/32')))).toBeUndefined();
    expect(universe.holdsOtherThanPods(IpSet.fromCidr(cidr('10.0.0.4/30')))).toBe('10.0.0.4');
    expect(universe.holdsOtherThanPods(IpSet.fromCidr(cidr('fd00::/126')))).toBe('fd00::');
  });
});
