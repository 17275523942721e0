/**
 * IP address text, read the way Kubernetes reads it.
 *
 * Kubernetes parses CIDRs with a fork of Go's pre-1.17 `net.ParseIP` (leading zeros allowed and read
 * as decimal); the strict checks of 1.36+ refuse whatever Go's `netip` package refuses. Generic IP
 * libraries disagree with both on corner cases, so the grammar is written out here.
 */

/** The IP family of an address or CIDR. */
export type IpFamily = 4 | 6;

/** One address: 32 bits for IPv4, 128 bits for IPv6. */
export interface ParsedIp {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** An address as the legacy parser reads it, remembering whether `netip` would have refused its zeros. */
export interface LenientIp extends ParsedIp {
  /** An IPv4 octet with a leading 0, or an IPv6 group longer than four hex digits. */
  readonly leadingZeros: boolean;
}

const DECIMAL = /^[0-9]+$/;
const HEX = /^[0-9a-fA-F]+$/;
const MAPPED_PREFIX = 0xffffn;

/**
 * Reads IPv4 or IPv6 text as the legacy (sloppy) Go parser does.
 * @returns undefined when the legacy parser rejects the text too
 */
export function parseLenientIp(text: string): LenientIp | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/**
 * Reads a single address (a pod IP, a CLI argument) as current Go does: no leading zeros, no zone.
 * @returns undefined when the text is not an address
 */
export function parseIp(text: string): ParsedIp | undefined {
  const ip = parseLenientIp(text);
  return ip && !ip.leadingZeros ? { family: ip.family, value: ip.value } : undefined;
}

/** True for `::ffff:a.b.c.d`, which Go treats as the IPv4 address a.b.c.d when comparing. */
export function isIpv4Mapped(ip: ParsedIp): boolean {
  return ip.family === 6 && ip.value / 2n ** 32n === MAPPED_PREFIX;
}

/** The address as Go compares it: an IPv4-mapped IPv6 address is its IPv4 address. */
export function unmapIpv4(ip: ParsedIp): ParsedIp {
  return isIpv4Mapped(ip) ? { family: 4, value: ip.value % 2n ** 32n } : ip;
}

/** Dotted-quad text of a 32-bit value. */
export function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value / 2n ** shift) % 256n).toString()).join('.');
}

/** RFC 5952 text of a 128-bit value: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
export function formatIpv6(value: bigint): string {
  const groups = [...Array(8).keys()].map((i) => Number((value / 2n ** BigInt(112 - 16 * i)) % 0x10000n));
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function parseIpv4(text: string): LenientIp | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  let value = 0n;
  let leadingZeros = false;
  for (const octet of octets) {
    // Number() of an all-digit string is exact up to 255 whatever the number of leading zeros.
    if (!DECIMAL.test(octet) || Number(octet) > 255) return undefined;
    leadingZeros ||= octet.length > 1 && octet.startsWith('0');
    value = value * 256n + BigInt(Number(octet));
  }
  return { family: 4, value, leadingZeros };
}

function parseIpv6(text: string): LenientIp | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;
  // A dotted IPv4 tail may only end the address.
  const head = readGroups(halves[0], !compressed);
  const tail = compressed ? readGroups(halves[1], true) : { words: [], leadingZeros: false };
  if (!head || !tail) return undefined;
  const count = head.words.length + tail.words.length;
  // `::` must stand for at least one zero group.
  if (compressed ? count > 7 : count !== 8) return undefined;
  const words = [...head.words, ...Array(8 - count).fill(0), ...tail.words];
  const value = words.reduce((acc: bigint, word: number) => acc * 0x10000n + BigInt(word), 0n);
  return { family: 6, value, leadingZeros: head.leadingZeros || tail.leadingZeros };
}

function readGroups(text: string, dottedTailAllowed: boolean): { words: number[]; leadingZeros: boolean } | undefined {
  if (text === '') return { words: [], leadingZeros: false };
  const parts = text.split(':');
  const words: number[] = [];
  let leadingZeros = false;
  for (const [i, part] of parts.entries()) {
    if (dottedTailAllowed && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      words.push(Number(v4.value / 0x10000n), Number(v4.value % 0x10000n));
      leadingZeros ||= v4.leadingZeros;
      continue;
    }
    // Go's legacy parser reads any number of hex digits as long as the value fits 16 bits.
    if (!HEX.test(part) || parseInt(part, 16) > 0xffff) return undefined;
    leadingZeros ||= part.length > 4;
    words.push(parseInt(part, 16));
  }
  return { words, leadingZeros };
}
