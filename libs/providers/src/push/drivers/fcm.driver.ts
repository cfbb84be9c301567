import { importPKCS8, SignJWT } from 'jose';
import {
  retryAfterMs,
  type PushDriver,
  type PushMessage,
  type PushOutcome,
  type PushTarget,
} from '../push.port';

export const FCM_SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
export const FCM_DEFAULT_BASE_URL = 'https://fcm.googleapis.com';

export interface FcmServiceAccount {
  projectId: string;
  clientEmail: string;
  /** PEM (PKCS#8), as in the service account JSON's `private_key`. */
  privateKey: string;
  /** The service account's `token_uri`. */
  tokenUri: string;
}

export interface FcmDriverOptions {
  baseUrl?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** FCM error codes (`google.firebase.fcm.v1.FcmError`) that mean the token is dead. */
const GONE_CODES = new Set(['UNREGISTERED', 'SENDER_ID_MISMATCH']);

interface CachedToken {
  value: string;
  expiresAt: number;
}

interface FcmErrorBody {
  error?: {
    code?: number;
    status?: string;
    message?: string;
    details?: { '@type'?: string; errorCode?: string }[];
  };
}

/**
 * FCM HTTP v1 (`POST /v1/projects/{id}/messages:send`). The OAuth2 access token
 * comes from the service account: a JWT signed with its key (RS256, scope
 * firebase.messaging) exchanged at its token URI (RFC 7523 jwt-bearer grant),
 * cached until a minute before it expires and shared by concurrent sends.
 */
export class FcmPushDriver implements PushDriver {
  readonly platform = 'fcm' as const;
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private token?: CachedToken;
  private pendingToken?: Promise<CachedToken>;

  constructor(
    private readonly account: FcmServiceAccount,
    private readonly options: FcmDriverOptions,
  ) {
    this.baseUrl = (options.baseUrl ?? FCM_DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.fetch = options.fetch ?? fetch;
  }

  async send(
    target: PushTarget,
    message: PushMessage,
    options: { ttlSeconds?: number } = {},
  ): Promise<PushOutcome> {
    if (target.platform !== 'fcm') throw new Error('FcmPushDriver sends to FCM tokens only');
    const body = JSON.stringify({ message: fcmMessage(target.token, message, options.ttlSeconds) });
    let response: Response;
    try {
      response = await this.post(body);
      if (response.status === 401) {
        // The cached token was revoked or expired early: one fresh token, one more try.
        this.token = undefined;
        response = await this.post(body);
      }
    } catch (error) {
      return { status: 'retry', reason: `FCM unreachable: ${(error as Error).message}` };
    }
    if (response.ok) {
      const sent = (await response.json().catch(() => ({}))) as { name?: string };
      return { status: 'sent', providerMessageId: sent.name };
    }
    return this.outcomeOfError(response);
  }

  private async post(body: string): Promise<Response> {
    const token = await this.accessToken();
    return this.fetch(
      `${this.baseUrl}/v1/projects/${encodeURIComponent(this.account.projectId)}/messages:send`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      },
    );
  }

  private async outcomeOfError(response: Response): Promise<PushOutcome> {
    const body = (await response.json().catch(() => ({}))) as FcmErrorBody;
    const errorCode =
      body.error?.details?.find((d) => d['@type']?.endsWith('google.firebase.fcm.v1.FcmError'))
        ?.errorCode ?? body.error?.status;
    const reason = `FCM ${response.status} ${errorCode ?? ''}`.trim();
    if ((errorCode && GONE_CODES.has(errorCode)) || response.status === 404) {
      return { status: 'gone', reason };
    }
    if (response.status === 429 || response.status >= 500) {
      return {
        status: 'retry',
        reason,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      };
    }
    return { status: 'failed', reason: `${reason}: ${body.error?.message ?? ''}`.trim() };
  }

  /** The cached access token, or a new one (one exchange at a time). */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value;
    this.pendingToken ??= this.exchange().finally(() => (this.pendingToken = undefined));
    this.token = await this.pendingToken;
    return this.token.value;
  }

  private async exchange(): Promise<CachedToken> {
    const now = Math.floor(Date.now() / 1000);
    const key = await importPKCS8(this.account.privateKey, 'RS256');
    const assertion = await new SignJWT({ scope: FCM_SCOPE })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(this.account.clientEmail)
      .setSubject(this.account.clientEmail)
      .setAudience(this.account.tokenUri)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key);
    const response = await this.fetch(this.account.tokenUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
    };
    if (!response.ok || !body.access_token) {
      throw new Error(`token exchange failed (${response.status} ${body.error ?? ''})`.trim());
    }
    return {
      value: body.access_token,
      expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
    };
  }
}

/** The HTTP v1 `message`: notification for display, data as strings, the click link for browsers. */
function fcmMessage(token: string, message: PushMessage, ttlSeconds?: number) {
  const data = { ...(message.data ?? {}), ...(message.url ? { url: message.url } : {}) };
  return {
    token,
    notification: { title: message.title, body: message.body },
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(ttlSeconds !== undefined ? { android: { ttl: `${ttlSeconds}s` } } : {}),
    // FCM accepts only HTTPS links for browsers.
    ...(message.url?.startsWith('https://')
      ? { webpush: { fcm_options: { link: message.url } } }
      : {}),
  };
}
