import { IpSet } from './ip-set';
import { lowerBound } from './lower-bound';
import { RangeSet } from './range-set';
import { IpFamily, ParsedIp } from '../k8s/cidr';
import { formatIpv4, formatIpv6, unmapIpv4 } from '../k8s/ip-address';

/** Addresses that the same rules of a list match, and one of them. */
export interface AddressPart {
  /** Positions in the rule list of the rules whose peers match these addresses, increasing. */
  readonly rules: readonly number[];
  /** One such address, as text. */
  readonly sample: string;
}

/** Something whose peers may be addresses: a `LayerRule`. */
export interface AddressRule {
  readonly peers?: unknown;
  /** With `peers` defined: the addresses it matches (none when absent). */
  readonly addresses?: IpSet;
}

const LAST = { 4: 2n ** 32n - 1n, 6: 2n ** 128n - 1n } as const;
/** `::ffff:0:0/96`: an IPv4-mapped IPv6 address is its IPv4 address, so this range holds no address of its own. */
const MAPPED = { first: 0xffffn * 2n ** 32n, last: 0xffffn * 2n ** 32n + 2n ** 32n - 1n };

/**
 * Every IP address that is no known pod's, split by which rules of a list match it: the peers
 * that lints and exposure must consider besides the model's pods. An address of a pod on the
 * pod network is that pod, a class of the model; node addresses, and hostNetwork pods' with
 * them, are addresses.
 */
export class AddressUniverse {
  private readonly podIps: { readonly 4: bigint[]; readonly 6: bigint[] } = { 4: [], 6: [] };

  /** @param podIps the IPs of the model's pods on the pod network */
  constructor(podIps: readonly ParsedIp[]) {
    for (const ip of podIps) {
      const address = unmapIpv4(ip);
      this.podIps[address.family].push(address.value);
    }
    for (const family of [4, 6] as const) {
      const sorted = [...new Set(this.podIps[family])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.podIps[family].splice(0, this.podIps[family].length, ...sorted);
    }
  }

  /**
   * The parts of the address space some rule matches, one per distinct set of matching rules.
   * With `unknownAddress`, a source of unknown address (a node, when node traffic is not always
   * allowed) is a part too: only the rules without peers match it.
   */
  public parts(rules: readonly AddressRule[], unknownAddress: boolean = false): AddressPart[] {
    const parts = new Map<string, AddressPart>();

    for (const family of [4, 6] as const) {
      const sets = rules.map((rule) => (rule.peers === undefined ? RangeSet.of(0n, LAST[family])
        : (family === 4 ? rule.addresses?.v4 : rule.addresses?.v6) ?? RangeSet.EMPTY));
      if (sets.every((set) => set.isEmpty())) {
        continue;
      }
      const points = new Set<bigint>([0n, LAST[family] + 1n]);
      sets.forEach((set) => set.ranges.forEach((range) => {
        points.add(range.first);
        points.add(range.last + 1n);
      }));
      if (family === 6) {
        points.add(MAPPED.first);
        points.add(MAPPED.last + 1n);
      }
      const sorted = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (let k = 0; k + 1 < sorted.length; k++) {
        const [first, last] = [sorted[k], sorted[k + 1] - 1n];
        if (family === 6 && first >= MAPPED.first && last <= MAPPED.last) {
          continue;
        }
        const matching = sets.flatMap((set, i) => (set.contains(first) ? [i] : []));
        const key = matching.join(',');
        if (matching.length === 0 || parts.has(key)) {
          continue;
        }
        const sample = this.freeAddress(family, first, last);
        if (sample !== undefined) {
          parts.set(key, { rules: matching, sample: family === 4 ? formatIpv4(sample) : formatIpv6(sample) });
        }
      }
    }
    const everyPeer = rules.flatMap((rule, i) => (rule.peers === undefined ? [i] : []));
    if (unknownAddress && everyPeer.length > 0 && !parts.has(everyPeer.join(','))) {
      parts.set(everyPeer.join(','), { rules: everyPeer, sample: 'node' });
    }
    return [...parts.values()];
  }

  /** An address of the set that is no pod's, as text; undefined when every address of it is a pod's. */
  public holdsOtherThanPods(set: IpSet): string | undefined {
    for (const range of set.v4.ranges) {
      const free = this.freeAddress(4, range.first, range.last);
      if (free !== undefined) {
        return formatIpv4(free);
      }
    }
    for (const range of set.v6.subtract(RangeSet.of(MAPPED.first, MAPPED.last)).ranges) {
      const free = this.freeAddress(6, range.first, range.last);
      if (free !== undefined) {
        return formatIpv6(free);
      }
    }
    return undefined;
  }

  /** The first address of first..last that is no pod's. */
  private freeAddress(family: IpFamily, first: bigint, last: bigint): bigint | undefined {
    const pods = this.podIps[family];
    let candidate = first;
    for (let i = lowerBound(pods.length, (j) => pods[j] < first); i < pods.length && pods[i] === candidate && candidate <= last; i++) {
      candidate++;
    }
    return candidate <= last ? candidate : undefined;
  }
}
