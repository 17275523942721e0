import { RangeSet } from './range-set';
import { ParsedCidr, ParsedIp } from '../k8s/cidr';
import { isIpv4Mapped, unmapIpv4 } from '../k8s/ip-address';

/** A set of IPv4 and IPv6 addresses, such as an ipBlock (its CIDR minus each `except`). */
export class IpSet {
  /** No address. */
  public static readonly EMPTY = new IpSet(RangeSet.EMPTY, RangeSet.EMPTY);

  /** Every IPv4 and IPv6 address. */
  public static readonly ALL = new IpSet(RangeSet.of(0n, 2n ** 32n - 1n), RangeSet.of(0n, 2n ** 128n - 1n));

  /** An ipBlock: the CIDR minus every except entry. */
  public static fromIpBlock(cidr: ParsedCidr, excluded: readonly ParsedCidr[]): IpSet {
    return excluded.reduce((set, hole) => set.subtract(IpSet.fromCidr(hole)), IpSet.fromCidr(cidr));
  }

  /**
   * The addresses of one CIDR. Host bits beyond the prefix are ignored (the API server masks the
   * network), and an IPv4-mapped IPv6 network counts as IPv4, as Go's `IPNet.Contains` does.
   */
  public static fromCidr(cidr: ParsedCidr): IpSet {
    const mapped = cidr.prefixLength >= 96 && isIpv4Mapped({ family: cidr.family, value: cidr.network });
    const family = mapped ? 4 : cidr.family;
    const hostBits = (family === 4 ? 32 : 128) - (mapped ? cidr.prefixLength - 96 : cidr.prefixLength);
    const size = 2n ** BigInt(hostBits);
    const network = mapped ? cidr.network % 2n ** 32n : cidr.network;
    const first = network - (network % size);
    const range = RangeSet.of(first, first + size - 1n);
    return family === 4 ? new IpSet(range, RangeSet.EMPTY) : new IpSet(RangeSet.EMPTY, range);
  }

  /**
   * The addresses of any of the CIDRs, such as a ClusterNetworkPolicy `networks` peer (host bits
   * beyond the prefix ignored, as `isCIDR` accepts them).
   */
  public static fromCidrs(cidrs: readonly ParsedCidr[]): IpSet {
    return cidrs.reduce((set, cidr) => set.union(IpSet.fromCidr(cidr)), IpSet.EMPTY);
  }

  /** These addresses (an IPv4-mapped IPv6 address counts as IPv4), such as the addresses of some nodes. */
  public static fromIps(ips: readonly ParsedIp[]): IpSet {
    const singles = (family: number) => ips.map(unmapIpv4).filter((ip) => ip.family === family).map((ip) => ({ first: ip.value, last: ip.value }));
    return new IpSet(RangeSet.fromRanges(singles(4)), RangeSet.fromRanges(singles(6)));
  }

  private constructor(public readonly v4: RangeSet, public readonly v6: RangeSet) {}

  public contains(ip: ParsedIp): boolean {
    const address = unmapIpv4(ip);
    return (address.family === 4 ? this.v4 : this.v6).contains(address.value);
  }

  public union(other: IpSet): IpSet {
    return new IpSet(this.v4.union(other.v4), this.v6.union(other.v6));
  }

  public subtract(other: IpSet): IpSet {
    return new IpSet(this.v4.subtract(other.v4), this.v6.subtract(other.v6));
  }

  public intersect(other: IpSet): IpSet {
    return new IpSet(this.v4.intersect(other.v4), this.v6.intersect(other.v6));
  }

  public isEmpty(): boolean {
    return this.v4.isEmpty() && this.v6.isEmpty();
  }

  /** A canonical text form, also used as a cache key. */
  public toString(): string {
    return `v4[${this.v4}] v6[${this.v6}]`;
  }
}
