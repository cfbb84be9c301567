import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a server-side request must never reach (SSRF): private, loopback, link-local, metadata... */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv4');
}
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 rules by BlockList.
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local, AWS metadata (fd00:ec2::254)
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const familyName = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** True for anything that is not a public unicast address (unparsable input included). */
export function isForbiddenAddress(address: string): boolean {
  if (isIP(address) === 0) return true;
  return FORBIDDEN.check(address, familyName(address));
}

function isLoopback(address: string): boolean {
  return isIP(address) !== 0 && LOOPBACK.check(address, familyName(address));
}

export class UnsafeTargetError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnsafeTargetError';
  }
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type HostResolver = (host: string) => Promise<ResolvedAddress[]>;

export interface TargetPolicy {
  /** Production: https only, every resolved address public. */
  production: boolean;
  /** DNS resolution (all addresses); `dns.lookup` by default, a fake in tests. */
  resolve?: HostResolver;
}

/** A URL that passed the guard, with the vetted address to connect to. */
export interface CheckedTarget {
  url: URL;
  address: ResolvedAddress;
  /** For `http(s).request({ lookup })`: connects to the vetted address only (no DNS rebinding). */
  lookup: LookupFunction;
}

const resolveAll: HostResolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Checks a URL the server is about to call on a user's behalf (webhook targets):
 * http(s) only, https only in production, no credentials, and every address the
 * host resolves to must be public; outside production loopback (and plain http)
 * is allowed for local receivers, never private, link-local or metadata
 * addresses. Call it again for every redirect, and connect with the returned
 * `lookup` so the connection goes to the address that was checked.
 */
export async function checkOutboundTarget(
  rawUrl: string,
  policy: TargetPolicy,
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UnsafeTargetError('not a URL');
  }
  const allowed = policy.production ? ['https:'] : ['https:', 'http:'];
  if (!allowed.includes(url.protocol)) {
    throw new UnsafeTargetError(
      policy.production ? 'the URL must use https' : 'the URL must use http or https',
    );
  }
  if (url.username || url.password) throw new UnsafeTargetError('credentials in the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await resolveHost(host, policy.resolve ?? resolveAll);
  for (const { address } of addresses) {
    const permitted = !policy.production && isLoopback(address);
    if (isForbiddenAddress(address) && !permitted) {
      throw new UnsafeTargetError(
        `${host} resolves to ${address}, a private, loopback, link-local or reserved address`,
      );
    }
  }
  const pinned = addresses[0];
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return { url, address: pinned, lookup };
}

async function resolveHost(host: string, resolve: HostResolver): Promise<ResolvedAddress[]> {
  let found: ResolvedAddress[];
  try {
    found = await resolve(host);
  } catch {
    throw new UnsafeTargetError(`${host} does not resolve`);
  }
  if (found.length === 0) throw new UnsafeTargetError(`${host} does not resolve`);
  return found;
}
