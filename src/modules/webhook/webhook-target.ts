import { lookup } from 'node:dns/promises';
import { classifyIp, NEVER_ALLOWED, parseIp, parseRange, rangeContains, singleAddressRange, type AddressKind, type IpRange } from './ip-address';

/**
 * Where webhooks may be sent. Public addresses always; internal ones (loopback, private,
 * link-local, …) only when the operator names their host or range in WEBHOOK_ALLOWED_HOSTS —
 * otherwise any API client could make this server probe the networks it sits in.
 */
export interface WebhookTargetPolicy {
  /** Host names allowed to resolve to internal addresses, lower case, without a trailing dot. */
  names: ReadonlySet<string>;
  /** From `*.intranet.example` entries: `.intranet.example`. */
  suffixes: readonly string[];
  /** Internal address ranges allowed whatever the host name. */
  ranges: readonly IpRange[];
}

/** An address a host name resolved to, as the resolver wrote it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (rejects when it has none). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (the hosts file, then DNS), as connections would use it. */
export const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/** Why a target is refused: the kind of address it is or resolves to. */
export type TargetRefusal = Exclude<AddressKind, 'public'>;

export type TargetCheck = { allowed: true; addresses: ResolvedAddress[] } | { allowed: false; reason: TargetRefusal };

/** Each refusal in words a partner's developer and an office administrator can act on. */
export const REFUSAL_LABELS: Record<TargetRefusal, { zh: string; en: string }> = {
  loopback: { zh: '本机回环地址（如 127.0.0.1、localhost）', en: 'a loopback address (such as 127.0.0.1 or localhost)' },
  private: { zh: '内网私有地址（如 10.x、172.16–31.x、192.168.x）', en: 'a private network address (such as 10.x, 172.16–31.x or 192.168.x)' },
  shared: { zh: '运营商共享地址（100.64.0.0/10）', en: 'a carrier-grade NAT address (100.64.0.0/10)' },
  'link-local': { zh: '链路本地地址（如云服务器元数据地址 169.254.169.254）', en: 'a link-local address (such as the cloud metadata address 169.254.169.254)' },
  'unique-local': { zh: 'IPv6 内网地址（fc00::/7）', en: 'a private IPv6 address (fc00::/7)' },
  unspecified: { zh: '未指定地址（0.0.0.0 或 ::）', en: 'an unspecified address (0.0.0.0 or ::)' },
  multicast: { zh: '组播地址', en: 'a multicast address' },
  broadcast: { zh: '广播地址', en: 'a broadcast address' },
  documentation: { zh: '文档示例专用地址', en: 'an address reserved for documentation' },
  reserved: { zh: '保留地址', en: 'a reserved address' },
};

/** A URL host name as compared with the allow-list: lower case, without brackets or a trailing dot. */
function hostKey(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

const HOST_NAME = /^(?!-)[a-z0-9_-]{1,63}(?<!-)(\.(?!-)[a-z0-9_-]{1,63}(?<!-))*$/;

type AllowedHost = { name: string } | { suffix: string } | { range: IpRange };

/**
 * One WEBHOOK_ALLOWED_HOSTS entry: a host name (`partner.intranet.example`), every name under a
 * domain (`*.intranet.example`), an IP address or a CIDR range (`10.20.0.0/16`, `fd00:1::/48`).
 * Host names are normalised as URLs write them (international names in punycode). Null when malformed.
 */
export function parseAllowedHost(entry: string): AllowedHost | null {
  const text = entry.trim();
  if (text.includes('/')) {
    const range = parseRange(text);
    return range ? { range } : null;
  }
  const address = parseIp(text);
  if (address) return { range: singleAddressRange(address) };
  const wildcard = text.startsWith('*.');
  const name = wildcard ? text.slice(2) : text;
  if (!name || /[\s:/?#@[\]\\]/.test(name)) return null;
  let normalised: string;
  try {
    normalised = hostKey(new URL(`http://${name}/`).hostname);
  } catch {
    return null;
  }
  const numeric = parseIp(normalised);
  if (numeric) return wildcard ? null : { range: singleAddressRange(numeric) };
  if (!HOST_NAME.test(normalised)) return null;
  return wildcard ? { suffix: `.${normalised}` } : { name: normalised };
}

/** The policy for WEBHOOK_ALLOWED_HOSTS' entries; throws naming the first malformed one. */
export function webhookTargetPolicy(entries: readonly string[]): WebhookTargetPolicy {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const ranges: IpRange[] = [];
  for (const entry of entries) {
    const allowed = parseAllowedHost(entry);
    if (!allowed) throw new Error(`"${entry}" is not a host name, *.domain, IP address or CIDR range`);
    if ('name' in allowed) names.add(allowed.name);
    else if ('suffix' in allowed) suffixes.push(allowed.suffix);
    else ranges.push(allowed.range);
  }
  return { names, suffixes, ranges };
}

const policies = new WeakMap<readonly string[], WebhookTargetPolicy>();

/** The policy of a configuration's (already validated) allow-list, parsed once. */
export function targetPolicyOf(allowedHosts: readonly string[]): WebhookTargetPolicy {
  let policy = policies.get(allowedHosts);
  if (!policy) {
    policy = webhookTargetPolicy(allowedHosts);
    policies.set(allowedHosts, policy);
  }
  return policy;
}

/**
 * Whether webhooks may go to this URL host name (as `new URL(…).hostname` gives it), and if so
 * the addresses it resolved to — connect to one of these, never resolve the name again, or a DNS
 * answer that changes in between (rebinding) would slip past the check. Every address is checked:
 * one internal address among public ones refuses the host. `localhost` and `*.localhost` are
 * loopback by definition (RFC 6761) and refused without asking the resolver. Rejects when the name
 * does not resolve.
 */
export async function checkTarget(hostname: string, policy: WebhookTargetPolicy, resolve: Resolve = systemResolve): Promise<TargetCheck> {
  const key = hostKey(hostname);
  const literal = parseIp(key);
  const nameAllowed = !literal && (policy.names.has(key) || policy.suffixes.some((suffix) => key.endsWith(suffix)));
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: key, family: literal.version }];
  } else if ((key === 'localhost' || key.endsWith('.localhost')) && !nameAllowed) {
    return { allowed: false, reason: 'loopback' };
  } else {
    addresses = await resolve(hostname);
    if (!addresses.length) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
  }
  for (const { address } of addresses) {
    const ip = parseIp(address);
    if (!ip) return { allowed: false, reason: 'reserved' };
    const kind = classifyIp(ip);
    if (kind === 'public') continue;
    if (NEVER_ALLOWED.has(kind)) return { allowed: false, reason: kind };
    if (nameAllowed || policy.ranges.some((range) => rangeContains(range, ip))) continue;
    return { allowed: false, reason: kind };
  }
  return { allowed: true, addresses };
}
