/**
 * CIDR text as the API server reads it in `ipBlock.cidr` and `ipBlock.except`.
 *
 * Acceptance follows the legacy parser (`ParseCIDRSloppy`); the strict mode adds the errors of the
 * StrictIPCIDRValidation feature gate (on by default from Kubernetes 1.36, locked on from 1.38).
 * Containment follows Go's `IPNet.Contains`, which the subset rule uses.
 */
import { goQuote } from './go-text';
import { formatIpv4, formatIpv6, IpFamily, isIpv4Mapped, ParsedIp, parseLenientIp } from './ip-address';

export { type IpFamily, type ParsedIp, parseIp } from './ip-address';

/** A CIDR after parsing: the network address (host bits cleared) and the prefix length. */
export interface ParsedCidr {
  readonly family: IpFamily;
  /** The address after masking. */
  readonly network: bigint;
  readonly prefixLength: number;
  /** The text as written. */
  readonly text: string;
}

/** The outcome of parsing: `cidr` is set whenever the legacy parser accepts the text, even if strict mode reports errors. */
export interface CidrParseResult {
  readonly cidr?: ParsedCidr;
  /** Details in the API server's wording, without the field path or value. */
  readonly errors: string[];
  /** Full warning texts, as the API server returns them after the field path. */
  readonly warnings: string[];
}

export const INVALID_CIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
export const LEADING_ZEROS = 'must not have leading 0s in IP or prefix length';
export const IPV4_MAPPED = 'must not have an IPv4-mapped IPv6 address';
export const HOST_BITS = 'must not have bits set beyond the prefix length';

const DECIMAL = /^[0-9]+$/;
/** The number of IPv4 addresses: the low 32 bits of a value are `value % IPV4_SPACE`. */
const IPV4_SPACE = 2n ** 32n;

/**
 * Parses `<address>/<prefix>`.
 *
 * @param strict Kubernetes >= 1.36 (StrictIPCIDRValidation): leading zeros, IPv4-mapped IPv6 and host bits
 *   are errors. Otherwise the legacy reading applies (leading zeros are decimal, the address is masked)
 *   and those forms produce the warnings of Kubernetes 1.33-1.35.
 */
export function parseCidr(text: string, strict: boolean): CidrParseResult {
  if (typeof text !== 'string') {
    return { errors: [INVALID_CIDR], warnings: [] };
  }
  const slash = text.indexOf('/');
  const address = slash < 0 ? undefined : parseLenientIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !DECIMAL.test(prefixText) || Number(prefixText) > bitsOf(address.family)) {
    return { errors: [INVALID_CIDR], warnings: [] };
  }
  const prefixLength = Number(prefixText);
  const cidr: ParsedCidr = { family: address.family, network: maskValue(address.value, address.family, prefixLength), prefixLength, text };

  // What Go's netip.ParsePrefix refuses, beyond the legacy grammar.
  const leadingZeros = address.leadingZeros || (prefixText.length > 1 && prefixText.startsWith('0'));
  const mapped = isIpv4Mapped(address);
  const hostBits = cidr.network !== address.value;
  const canonical = `${formatIpv6(address.value)}/${prefixLength}`;
  const nonCanonical = address.family === 6 && !mapped && !leadingZeros && canonical !== text;

  const errors: string[] = [];
  const warnings: string[] = [];
  if (strict) {
    // The server reports only the first of these reasons.
    if (leadingZeros) errors.push(LEADING_ZEROS);
    else if (mapped) errors.push(IPV4_MAPPED);
    else if (hostBits) errors.push(HOST_BITS);
  } else {
    if (hostBits) {
      const single = mapped || address.family === 4
        ? `${formatIpv4(address.value % IPV4_SPACE)}/32`
        : `${formatIpv6(address.value)}/128`;
      warnings.push(`CIDR value ${quote(text)} is ambiguous in this context (should be ${quote(formatCidr(cidr))} or ${quote(single)}?)`);
    }
    if (leadingZeros || mapped) {
      warnings.push(`non-standard CIDR value ${quote(text)} will be considered invalid in a future Kubernetes release: use ${quote(formatCidr(cidr))}`);
    }
  }
  if (nonCanonical) {
    warnings.push(`IPv6 CIDR value ${quote(text)} should be in RFC 5952 canonical format (${quote(canonical)})`);
  }
  return { cidr, errors, warnings };
}

/**
 * Whether the Kubernetes CEL function `isCIDR` accepts the text, as CRDs use it: Go's
 * `netip.ParsePrefix` (no leading zeros, no zone, a decimal prefix length within the family)
 * without IPv4-mapped IPv6 addresses. Bits set beyond the prefix are accepted (`10.0.0.1/8`).
 */
export function isCelCidr(text: string): boolean {
  const parsed = parseCidr(text, true);
  return parsed.cidr !== undefined && parsed.errors.every((error) => error === HOST_BITS);
}

/** Whether the CIDR contains the address, as Go's `IPNet.Contains` decides (IPv4-mapped IPv6 counts as IPv4). */
export function cidrContainsIp(cidr: ParsedCidr, ip: ParsedIp): boolean {
  const net = goNetwork(cidr);
  const address = isIpv4Mapped(ip) ? { family: 4 as const, value: ip.value % IPV4_SPACE } : ip;
  return net.family === address.family && maskValue(address.value, address.family, net.prefixLength) === net.network;
}

/**
 * The `except` rule: `outer` contains the network address of `inner` and has a shorter prefix.
 * Prefix lengths are compared as written, as the server does.
 */
export function isStrictSubset(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return cidrContainsIp(outer, { family: inner.family, value: inner.network }) && outer.prefixLength < inner.prefixLength;
}

/** The network as Go's `IPNet.String` prints it: RFC 5952 for IPv6, dotted IPv4 for an IPv4-mapped network. */
export function formatCidr(cidr: ParsedCidr): string {
  const net = goNetwork(cidr);
  const address = net.family === 4 ? formatIpv4(net.network) : formatIpv6(net.network);
  return `${address}/${net.prefixLength}`;
}

// Go handles a masked IPv4-mapped network (prefix >= 96) as the IPv4 network of its last 32 bits.
function goNetwork(cidr: ParsedCidr): { family: IpFamily; network: bigint; prefixLength: number } {
  if (isIpv4Mapped({ family: cidr.family, value: cidr.network })) {
    return { family: 4, network: cidr.network % IPV4_SPACE, prefixLength: cidr.prefixLength - 96 };
  }
  return cidr;
}

function bitsOf(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

function maskValue(value: bigint, family: IpFamily, prefixLength: number): bigint {
  return value - (value % 2n ** BigInt(bitsOf(family) - prefixLength));
}

function quote(text: string): string {
  return goQuote(text);
}
