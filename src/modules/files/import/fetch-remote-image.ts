import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress } from '@lib/providers';
import type { FileType } from '../file-types';
import { sniffFileType } from '../upload/sniff-file-type';

export interface RemoteImageLimits {
  maxBytes: number;
  /** Formats accepted (from the magic bytes, never the Content-Type). */
  types: readonly FileType[];
  timeoutMs: number;
  /**
   * Hosts that may resolve to private or loopback addresses and be fetched
   * over plain http: only for tests pointing at a fake on 127.0.0.1.
   */
  allowPrivateHosts?: readonly string[];
}

export class RemoteImageRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RemoteImageRefused';
  }
}

export { isForbiddenAddress };

/**
 * Downloads an image from a URL a third party gave us (an OAuth provider's
 * profile picture) without letting that URL reach our own network:
 * - https only (http only for an allowed test host), no credentials in the URL,
 *   default ports only;
 * - the host is resolved once, every address must be public, and the
 *   connection goes to that vetted address (no DNS rebinding between check
 *   and connect);
 * - redirects are not followed; at most `maxBytes` are read, within `timeoutMs`;
 * - the bytes must be one of `types` by their magic numbers.
 */
export async function fetchRemoteImage(
  rawUrl: string,
  limits: RemoteImageLimits,
): Promise<{ content: Buffer; type: FileType }> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new RemoteImageRefused('not a URL');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const privateAllowed = (limits.allowPrivateHosts ?? []).includes(host);
  if (url.protocol !== 'https:' && !(privateAllowed && url.protocol === 'http:')) {
    throw new RemoteImageRefused(`scheme ${url.protocol} refused`);
  }
  if (url.username || url.password) throw new RemoteImageRefused('credentials in URL');
  if (url.port && !privateAllowed) throw new RemoteImageRefused('non-default port');

  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  if (!privateAllowed && addresses.some((a) => isForbiddenAddress(a.address))) {
    throw new RemoteImageRefused('host resolves to a private or reserved address');
  }
  const pinned = addresses[0];
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };

  const content = await new Promise<Buffer>((resolvePromise, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'GET',
        lookup: pinnedLookup,
        timeout: limits.timeoutMs,
        headers: { accept: 'image/*' },
      },
      (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new RemoteImageRefused(`answered ${res.statusCode} (redirects are not followed)`));
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (declared > limits.maxBytes) {
          res.destroy();
          reject(new RemoteImageRefused('too large'));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            res.destroy();
            reject(new RemoteImageRefused('too large'));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolvePromise(Buffer.concat(chunks)));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new RemoteImageRefused('timed out')));
    req.on('error', reject);
    req.end();
  });

  const type = sniffFileType(content.subarray(0, 8192));
  if (!type || !limits.types.includes(type)) throw new RemoteImageRefused('not an accepted image');
  return { content, type };
}

async function resolve(host: string): Promise<{ address: string; family: number }[]> {
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    if (found.length === 0) throw new RemoteImageRefused('host does not resolve');
    return found;
  } catch (error) {
    if (error instanceof RemoteImageRefused) throw error;
    throw new RemoteImageRefused('host does not resolve');
  }
}
