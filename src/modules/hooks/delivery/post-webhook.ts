import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkOutboundTarget, UnsafeTargetError, type HostResolver } from '@lib/providers';

export interface PostWebhookOptions {
  production: boolean;
  /** For the whole attempt, redirects included. */
  timeoutMs: number;
  resolve?: HostResolver;
}

/**
 * `answered`: the target's final HTTP status; `unreachable`: timeout or network
 * error (worth retrying); `refused`: the target (or a redirect) failed the SSRF
 * guard, or redirected too often (not worth retrying).
 */
export type PostWebhookResult =
  | { kind: 'answered'; status: number; retryAfterMs?: number; durationMs: number }
  | { kind: 'unreachable' | 'refused'; error: string; durationMs: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 3;

/**
 * POSTs `body` to a user-given URL without letting it reach our network: every
 * hop (the target, then up to three redirects, followed by hand with the same
 * POST) passes the SSRF guard, and the connection goes to the address checked.
 */
export async function postWebhook(
  targetUrl: string,
  body: string,
  headers: Record<string, string>,
  options: PostWebhookOptions,
): Promise<PostWebhookResult> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  let url = targetUrl;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    let response: { status: number; location?: string; retryAfter?: string };
    try {
      const target = await checkOutboundTarget(url, options);
      const remaining = Math.max(1, options.timeoutMs - elapsed());
      response = await send(target.url, target.lookup, body, headers, remaining);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const kind = error instanceof UnsafeTargetError ? 'refused' : 'unreachable';
      return { kind, error: hop > 0 ? `redirect: ${message}` : message, durationMs: elapsed() };
    }
    if (REDIRECTS.has(response.status) && response.location) {
      url = new URL(response.location, url).href;
      continue;
    }
    return {
      kind: 'answered',
      status: response.status,
      retryAfterMs: parseRetryAfter(response.retryAfter),
      durationMs: elapsed(),
    };
  }
  return { kind: 'refused', error: `more than ${MAX_REDIRECTS} redirects`, durationMs: elapsed() };
}

function send(
  url: URL,
  lookup: NonNullable<Parameters<typeof httpRequest>[1]>['lookup'],
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; location?: string; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = transport(
      url,
      {
        method: 'POST',
        lookup,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'CareerTools-Webhooks/1',
        },
      },
      (res: IncomingMessage) => {
        res.resume(); // the answer's body is not used
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          retryAfter: res.headers['retry-after'],
        });
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
