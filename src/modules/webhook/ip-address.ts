/**
 * IP addresses as bytes, and what kind of network an address belongs to — enough to tell whether
 * a webhook may be sent there. Only the canonical text forms are parsed (dotted decimal IPv4,
 * RFC 4291 IPv6): URL host names arrive normalised by the WHATWG URL parser (which already turns
 * `2130706433`, `0x7f.1` or `017700000001` into `127.0.0.1`), and DNS answers are canonical.
 */
export interface IpAddress {
  version: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
}

/**
 * What an address is. Only `public` addresses may be reached without the operator's consent;
 * the others are refused unless WEBHOOK_ALLOWED_HOSTS names them (or, for `unspecified`,
 * `multicast` and `broadcast`, always).
 */
export type AddressKind = 'public' | 'unspecified' | 'loopback' | 'private' | 'shared' | 'link-local' | 'unique-local' | 'multicast' | 'broadcast' | 'documentation' | 'reserved';

/** Kinds no allow-list can open: they are never a receiver (and 0.0.0.0 or :: reaches this very machine). */
export const NEVER_ALLOWED: ReadonlySet<AddressKind> = new Set(['unspecified', 'multicast', 'broadcast']);

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): Uint8Array | null {
  const match = IPV4.exec(text);
  if (!match) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = match[i + 1];
    // A leading zero means octal to some parsers and decimal to others: refuse the ambiguity.
    if (part.length > 1 && part.startsWith('0')) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | null {
  if (!/^[0-9a-f:.]+$/i.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return null;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(piece)) return null;
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return null;
  // A dotted IPv4 part may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return bytes;
}

/**
 * Parses `192.0.2.1`, `2001:db8::1`, `[2001:db8::1]` (as URL host names write it) or
 * `fe80::1%eth0` (a zone, ignored); null for anything else, host names included.
 */
export function parseIp(text: string): IpAddress | null {
  let value = text.trim();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  const zone = value.indexOf('%');
  if (zone >= 0 && value.includes(':')) value = value.slice(0, zone);
  const v4 = parseIpv4(value);
  if (v4) return { version: 4, bytes: v4 };
  if (!value.includes(':')) return null;
  const v6 = parseIpv6(value);
  return v6 ? { version: 6, bytes: v6 } : null;
}

/** An address block: a network address and the number of leading bits that name it. */
export interface IpRange {
  address: IpAddress;
  prefix: number;
}

/** Parses `10.20.0.0/16` or `fd12:3456::/48`; host bits are cleared. Null when malformed. */
export function parseRange(text: string): IpRange | null {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return null;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > address.bytes.length * 8) return null;
  const bytes = address.bytes.map((byte, i) => {
    const bits = Math.min(8, Math.max(0, prefix - 8 * i));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
  return { address: { version: address.version, bytes }, prefix };
}

/** The block holding this one address alone. */
export function singleAddressRange(address: IpAddress): IpRange {
  return { address, prefix: address.bytes.length * 8 };
}

function startsWith(bytes: Uint8Array, network: Uint8Array, prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const bits = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((bytes[bit / 8] & mask) !== (network[bit / 8] & mask)) return false;
  }
  return true;
}

/** Whether the range holds the address; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts as its IPv4 address. */
export function rangeContains(range: IpRange, address: IpAddress): boolean {
  const effective = embeddedIpv4(address, false) ?? address;
  return effective.version === range.address.version && startsWith(effective.bytes, range.address.bytes, range.prefix);
}

function range(text: string): IpRange {
  const parsed = parseRange(text);
  if (!parsed) throw new Error(`bad range ${text}`);
  return parsed;
}

/** IANA's special-purpose IPv4 blocks (RFC 6890 and successors), most specific first. */
const IPV4_KINDS: [IpRange, AddressKind][] = [
  [range('0.0.0.0/8'), 'unspecified'],
  [range('10.0.0.0/8'), 'private'],
  [range('100.64.0.0/10'), 'shared'],
  [range('127.0.0.0/8'), 'loopback'],
  [range('169.254.0.0/16'), 'link-local'],
  [range('172.16.0.0/12'), 'private'],
  [range('192.0.0.0/24'), 'reserved'],
  [range('192.0.2.0/24'), 'documentation'],
  [range('192.88.99.0/24'), 'reserved'],
  [range('192.168.0.0/16'), 'private'],
  [range('198.18.0.0/15'), 'reserved'],
  [range('198.51.100.0/24'), 'documentation'],
  [range('203.0.113.0/24'), 'documentation'],
  [range('224.0.0.0/4'), 'multicast'],
  [range('255.255.255.255/32'), 'broadcast'],
  [range('240.0.0.0/4'), 'reserved'],
];

/**
 * IPv6 blocks that are not ordinary global unicast. Anything outside 2000::/3 is refused as well,
 * which covers IPv4-compatible (::/96), IPv4-translated (::ffff:0:0:0/96) and unassigned space.
 */
const IPV6_KINDS: [IpRange, AddressKind][] = [
  [range('::/128'), 'unspecified'],
  [range('::1/128'), 'loopback'],
  [range('64:ff9b:1::/48'), 'private'],
  [range('100::/64'), 'reserved'],
  // IETF protocol assignments: Teredo (2001::/32, an IPv4 address in disguise), benchmarking, ORCHID.
  [range('2001::/23'), 'reserved'],
  [range('2001:db8::/32'), 'documentation'],
  [range('3fff::/20'), 'documentation'],
  [range('fc00::/7'), 'unique-local'],
  [range('fe80::/10'), 'link-local'],
  [range('fec0::/10'), 'private'],
  [range('ff00::/8'), 'multicast'],
];
const GLOBAL_UNICAST = range('2000::/3');
const IPV4_MAPPED = range('::ffff:0:0/96');
const NAT64 = range('64:ff9b::/96');
const SIX_TO_FOUR = range('2002::/16');

/**
 * The IPv4 address an IPv6 address carries and would reach: IPv4-mapped (::ffff:a.b.c.d) always;
 * with `translated`, also the NAT64 well-known prefix (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 */
function embeddedIpv4(address: IpAddress, translated: boolean): IpAddress | null {
  if (address.version !== 6) return null;
  const { bytes } = address;
  if (startsWith(bytes, IPV4_MAPPED.address.bytes, 96) || (translated && startsWith(bytes, NAT64.address.bytes, 96))) {
    return { version: 4, bytes: bytes.slice(12, 16) };
  }
  if (translated && startsWith(bytes, SIX_TO_FOUR.address.bytes, 16)) return { version: 4, bytes: bytes.slice(2, 6) };
  return null;
}

/** The kind of network an address belongs to; an IPv6 form of an IPv4 address is judged by that IPv4 address. */
export function classifyIp(address: IpAddress): AddressKind {
  const v4 = address.version === 4 ? address : embeddedIpv4(address, true);
  if (v4) return IPV4_KINDS.find(([block]) => startsWith(v4.bytes, block.address.bytes, block.prefix))?.[1] ?? 'public';
  const special = IPV6_KINDS.find(([block]) => startsWith(address.bytes, block.address.bytes, block.prefix));
  if (special) return special[1];
  return startsWith(address.bytes, GLOBAL_UNICAST.address.bytes, GLOBAL_UNICAST.prefix) ? 'public' : 'reserved';
}
