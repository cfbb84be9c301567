import type WebPush from 'web-push';
import {
  retryAfterMs,
  type PushDriver,
  type PushMessage,
  type PushOutcome,
  type PushTarget,
} from '../push.port';

export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url (what browsers take as applicationServerKey). */
  publicKey: string;
  /** P-256 private key, base64url. */
  privateKey: string;
  /** `mailto:` or `https:` contact the push services may use. */
  subject: string;
}

export interface WebPushDriverOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption
 * (RFC 8291). The `web-push` library builds the request (VAPID JWT, encrypted
 * body, headers); it is sent with fetch, so timeouts and errors are ours to read.
 * 404/410 mean the subscription is gone; 429 and 5xx are worth a later retry.
 */
export class WebPushDriver implements PushDriver {
  readonly platform = 'webpush' as const;
  private readonly fetch: typeof fetch;

  constructor(
    private readonly vapid: VapidKeys,
    private readonly options: WebPushDriverOptions,
  ) {
    this.fetch = options.fetch ?? fetch;
  }

  get publicKey(): string {
    return this.vapid.publicKey;
  }

  async send(
    target: PushTarget,
    message: PushMessage,
    options: { ttlSeconds?: number } = {},
  ): Promise<PushOutcome> {
    if (target.platform !== 'webpush') throw new Error('WebPushDriver sends to subscriptions only');
    let request: ReturnType<typeof WebPush.generateRequestDetails>;
    try {
      request = webPush().generateRequestDetails(
        { endpoint: target.endpoint, keys: target.keys },
        JSON.stringify({
          title: message.title,
          body: message.body,
          url: message.url,
          data: message.data,
        }),
        {
          vapidDetails: this.vapid,
          TTL: options.ttlSeconds ?? 86400,
          contentEncoding: 'aes128gcm',
          urgency: 'normal',
        },
      );
    } catch (error) {
      // Bad keys in the stored subscription: it can never be delivered to.
      return { status: 'gone', reason: `unusable subscription: ${(error as Error).message}` };
    }
    let response: Response;
    try {
      response = await this.fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ? new Uint8Array(request.body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      return { status: 'retry', reason: `push service unreachable: ${(error as Error).message}` };
    }
    const reason = `push service ${response.status}`;
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) {
      return { status: 'sent', providerMessageId: response.headers.get('location') ?? undefined };
    }
    if (response.status === 404 || response.status === 410) return { status: 'gone', reason };
    if (response.status === 429 || response.status >= 500) {
      return {
        status: 'retry',
        reason,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      };
    }
    return { status: 'failed', reason };
  }
}

/** A new VAPID key pair (base64url), as `web-push generate-vapid-keys` makes. */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webPush().generateVAPIDKeys();
}

let loaded: typeof WebPush | undefined;

/** web-push (about 10 MiB), loaded on the first push or key generation rather than at boot. */
function webPush(): typeof WebPush {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
  return (loaded ??= require('web-push') as typeof WebPush);
}
