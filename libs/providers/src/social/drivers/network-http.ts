import { SocialNetworkError } from '../social-network.port';

export interface NetworkResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or null for an empty or non-JSON body. */
  body: unknown;
}

/** Errors raised before a connection exists: the request never reached the network. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * One HTTP call to a network with a deadline. An answer that never comes (or is cut
 * off) is a `timeout`: for a create, the post may exist. Messages name the method
 * and path only: query strings can carry tokens and secrets (Graph API).
 */
export async function callNetwork(
  network: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<NetworkResponse> {
  const what = `${network} ${init.method ?? 'GET'} ${new URL(url).pathname}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code && NOT_SENT.has(code)) {
      throw new SocialNetworkError('unavailable', `${what}: ${code}`, true);
    }
    throw new SocialNetworkError('timeout', `${what}: no answer within ${timeoutMs} ms`, false);
  }
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export const json = (value: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

/** `base` without a trailing slash, joined to an absolute path. */
export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

/** The bytes of a media item: its reader when the caller gave one, else its URL. */
export async function mediaBytes(
  network: string,
  media: { url: string; read?: () => Promise<Buffer> },
  timeoutMs: number,
): Promise<Buffer> {
  if (media.read) return media.read();
  try {
    const response = await fetch(media.url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new SocialNetworkError(
      'rejected',
      `${network}: the media file could not be read (${(error as Error).message})`,
      true,
    );
  }
}

export const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The first string of a header that may repeat. */
export function headerOf(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const value = headers[name.toLowerCase()] ?? headers[name];
  return Array.isArray(value) ? value[0] : value;
}
