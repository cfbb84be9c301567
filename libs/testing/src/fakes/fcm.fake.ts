import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { importSPKI, jwtVerify } from 'jose';
import { closeNow, readRequestBody, sendJson, serveOnLoopback } from './loopback';

/** A message FCM accepted (the HTTP v1 `message` object). */
export interface FcmMessage {
  token?: string;
  topic?: string;
  condition?: string;
  notification?: { title?: string; body?: string; image?: string };
  data?: Record<string, string>;
  android?: unknown;
  apns?: unknown;
  webpush?: { fcm_options?: { link?: string } };
}

/** A service account the fake trusts, in the shape of the service account JSON. */
export interface FakeServiceAccount {
  projectId: string;
  clientEmail: string;
  privateKey: string;
  tokenUri: string;
}

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';
const FCM_ERROR_TYPE = 'type.googleapis.com/google.firebase.fcm.v1.FcmError';
const STATUS_OF: Record<string, number> = {
  UNREGISTERED: 404,
  SENDER_ID_MISMATCH: 403,
  INVALID_ARGUMENT: 400,
  QUOTA_EXCEEDED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  THIRD_PARTY_AUTH_ERROR: 401,
};
const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/**
 * Google's OAuth token endpoint and FCM HTTP v1 on loopback. The token endpoint
 * takes the RFC 7523 jwt-bearer grant, checks the assertion's RS256 signature
 * against the service account's key, its issuer, audience, scope and lifetime,
 * and issues an access token. `messages:send` needs that token, validates the
 * message (exactly one of token/topic/condition, string data, 4 KB limit) and
 * answers `{name}` or Google's error document with an FcmError `errorCode`
 * (UNREGISTERED for tokens marked with `unregister()`).
 */
export class FcmFake {
  readonly messages: FcmMessage[] = [];
  /** Every messages:send request, accepted or not. */
  readonly attempts: FcmMessage[] = [];
  tokenExchanges = 0;
  readonly account: FakeServiceAccount;

  private readonly publicKeyPem: string;
  private readonly accessTokens = new Map<string, number>();
  private readonly unregistered = new Set<string>();
  private readonly faults: { errorCode: string; retryAfter?: string }[] = [];
  private server?: Server;
  private url = '';

  constructor(projectId = 'career-tools-test') {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    this.publicKeyPem = publicKey;
    this.account = {
      projectId,
      clientEmail: `firebase-adminsdk@${projectId}.iam.gserviceaccount.com`,
      privateKey,
      tokenUri: '',
    };
  }

  async start(): Promise<{ url: string; tokenUri: string }> {
    const { server, url } = await serveOnLoopback((req, res) => this.handle(req, res));
    this.server = server;
    this.url = url;
    this.account.tokenUri = `${url}/token`;
    return { url, tokenUri: this.account.tokenUri };
  }

  async stop(): Promise<void> {
    await closeNow(this.server);
  }

  /** Environment that points the app's FCM driver here. */
  env(): Record<string, string> {
    return {
      FIREBASE_PROJECT_ID: this.account.projectId,
      FIREBASE_CLIENT_EMAIL: this.account.clientEmail,
      FIREBASE_PRIVATE_KEY: this.account.privateKey.replace(/\n/g, '\\n'),
      FIREBASE_TOKEN_URI: this.account.tokenUri,
      FCM_BASE_URL: this.url,
    };
  }

  /** A new registration token, as a device would get from the FCM SDK. */
  newToken(): string {
    return `${randomBytes(16).toString('base64url')}:APA91b${randomBytes(90).toString('base64url')}`;
  }

  /** Sends to `token` now answer 404 UNREGISTERED (the app was uninstalled). */
  unregister(token: string): void {
    this.unregistered.add(token);
  }

  /** The next send answers with this FcmError code (e.g. QUOTA_EXCEEDED, UNAVAILABLE). */
  failNext(errorCode: string, options: { retryAfter?: string; times?: number } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i += 1) {
      this.faults.push({ errorCode, retryAfter: options.retryAfter });
    }
  }

  /** Revokes every access token issued so far (the next send gets 401). */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  reset(): void {
    this.messages.length = 0;
    this.attempts.length = 0;
    this.faults.length = 0;
    this.unregistered.clear();
    this.tokenExchanges = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = (await readRequestBody(request)).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (request.method === 'POST' && path === '/token') return this.token(raw, response);
    const send = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(path);
    if (request.method === 'POST' && send) return this.send(request, send[1], raw, response);
    return googleError(response, 404, 'NOT_FOUND', 'Requested entity was not found.');
  }

  private async token(raw: string, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(raw);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return sendJson(response, 400, { error: 'unsupported_grant_type' });
    }
    try {
      const key = await importSPKI(this.publicKeyPem, 'RS256');
      const { payload } = await jwtVerify(form.get('assertion') ?? '', key, {
        issuer: this.account.clientEmail,
        audience: this.account.tokenUri,
        algorithms: ['RS256'],
      });
      const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
      if (lifetime <= 0 || lifetime > 3600) throw new Error('bad lifetime');
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
      if (!scopes.includes(SCOPE)) throw new Error('bad scope');
    } catch {
      return sendJson(response, 400, {
        error: 'invalid_grant',
        error_description: 'Invalid JWT Signature.',
      });
    }
    this.tokenExchanges += 1;
    const accessToken = `ya29.${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(accessToken, Date.now() + 3600_000);
    sendJson(response, 200, { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' });
  }

  private send(
    request: IncomingMessage,
    projectId: string,
    raw: string,
    response: ServerResponse,
  ): void {
    const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const expiry = this.accessTokens.get(bearer);
    if (!expiry || expiry < Date.now()) {
      return googleError(
        response,
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials.',
      );
    }
    if (projectId !== this.account.projectId) {
      return fcmError(response, 'SENDER_ID_MISMATCH', 'SenderId mismatch');
    }
    let message: FcmMessage;
    try {
      message = (JSON.parse(raw) as { message: FcmMessage }).message;
    } catch {
      return googleError(response, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    }
    this.attempts.push(message);
    const fault = this.faults.shift();
    if (fault) return fcmError(response, fault.errorCode, 'Injected failure', fault.retryAfter);
    const targets = [message?.token, message?.topic, message?.condition].filter(Boolean);
    if (targets.length !== 1) {
      return fcmError(response, 'INVALID_ARGUMENT', 'Exactly one of token, topic or condition.');
    }
    const data = message.data ?? {};
    if (!Object.values(data).every((v) => typeof v === 'string')) {
      return fcmError(response, 'INVALID_ARGUMENT', 'data values must be strings');
    }
    if (Buffer.byteLength(raw) > 4096 + 200) {
      return fcmError(response, 'INVALID_ARGUMENT', 'Message is too big');
    }
    if (message.token && this.unregistered.has(message.token)) {
      return fcmError(response, 'UNREGISTERED', 'Requested entity was not found.');
    }
    this.messages.push(message);
    sendJson(response, 200, { name: `projects/${projectId}/messages/${randomUUID()}` });
  }
}

function googleError(response: ServerResponse, code: number, status: string, message: string) {
  sendJson(response, code, { error: { code, message, status } });
}

function fcmError(
  response: ServerResponse,
  errorCode: string,
  message: string,
  retryAfter?: string,
): void {
  const code = STATUS_OF[errorCode] ?? 500;
  if (retryAfter) response.setHeader('retry-after', retryAfter);
  sendJson(response, code, {
    error: {
      code,
      message,
      status: GOOGLE_STATUS[code] ?? 'UNKNOWN',
      details: [{ '@type': FCM_ERROR_TYPE, errorCode }],
    },
  });
}
