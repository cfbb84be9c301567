import { createDecipheriv, createECDH, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { importJWK, jwtVerify } from 'jose';
import { closeNow, readRequestBody, serveOnLoopback } from './loopback';

/** `PushSubscription.toJSON()` as a browser hands it to the app. */
export interface BrowserSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

/** A push the service accepted, decrypted the way the browser would. */
export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted payload (UTF-8). */
  payload: string;
  ttl: number;
  urgency?: string;
  /** `sub` of the VAPID JWT. */
  subject: string;
  /** `k` of the VAPID Authorization header (the server's public key). */
  vapidPublicKey: string;
}

interface FakeSubscription {
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
  gone: boolean;
}

/**
 * A browser push service (RFC 8030) on loopback that checks what real ones
 * check: the VAPID `Authorization: vapid t=<jwt>, k=<key>` (ES256 signed by k,
 * `aud` = this origin, `exp` within 24 h, `sub` mailto:/https:), a TTL header and
 * `Content-Encoding: aes128gcm`; then decrypts the body with the subscription's
 * private key and auth secret (RFC 8291 / RFC 8188), so a test reads the payload
 * the browser would show. Unknown endpoints answer 404, expired ones 410.
 */
export class WebPushServiceFake {
  readonly received: ReceivedPush[] = [];
  /** Every request with its status, accepted or not. */
  readonly requests: { subscriptionId: string; status: number; reason?: string }[] = [];
  private readonly subscriptions = new Map<string, FakeSubscription>();
  private readonly faults: { status: number; retryAfter?: string }[] = [];
  private server?: Server;
  private url = '';

  async start(): Promise<{ url: string }> {
    const { server, url } = await serveOnLoopback((req, res) => this.handle(req, res));
    this.server = server;
    this.url = url;
    return { url };
  }

  async stop(): Promise<void> {
    await closeNow(this.server);
  }

  /** A new subscription, as `pushManager.subscribe()` would create it in a browser. */
  subscribe(): BrowserSubscription {
    const id = randomUUID();
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.subscriptions.set(id, { ecdh, auth, gone: false });
    return {
      endpoint: `${this.url}/push/${id}`,
      expirationTime: null,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    };
  }

  /** The browser dropped the subscription: the service answers 410 Gone from now on. */
  expire(endpoint: string): void {
    const sub = this.subscriptions.get(idOf(endpoint));
    if (sub) sub.gone = true;
  }

  /** The next `times` pushes answer `status` (e.g. 429 with Retry-After, 503). */
  failNext(status: number, options: { retryAfter?: string; times?: number } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i += 1) {
      this.faults.push({ status, retryAfter: options.retryAfter });
    }
  }

  receivedBy(endpoint: string): ReceivedPush[] {
    return this.received.filter((push) => push.subscriptionId === idOf(endpoint));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readRequestBody(request);
    const match = /^\/push\/([0-9a-f-]+)$/.exec(new URL(request.url ?? '/', 'http://f').pathname);
    const id = match?.[1] ?? '';
    const answer = (status: number, reason?: string, headers: Record<string, string> = {}) => {
      this.requests.push({ subscriptionId: id, status, reason });
      response.writeHead(status, headers);
      response.end(reason ?? '');
    };
    const sub = this.subscriptions.get(id);
    if (request.method !== 'POST' || !sub) return answer(404, 'no such subscription');
    if (sub.gone) return answer(410, 'push subscription has unsubscribed or expired');

    const vapid = await this.checkVapid(request.headers.authorization);
    if (typeof vapid === 'string') return answer(403, vapid);
    const ttl = Number(request.headers.ttl);
    if (request.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) {
      return answer(400, 'missing or invalid TTL header');
    }
    if (request.headers['content-encoding'] !== 'aes128gcm') {
      return answer(415, 'content-encoding must be aes128gcm');
    }
    let payload: string;
    try {
      payload = decrypt(body, sub).toString('utf8');
    } catch (error) {
      return answer(400, `cannot decrypt: ${(error as Error).message}`);
    }
    const fault = this.faults.shift();
    if (fault) {
      return answer(
        fault.status,
        'injected failure',
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    this.received.push({
      subscriptionId: id,
      payload,
      ttl,
      urgency: request.headers.urgency as string | undefined,
      ...vapid,
    });
    answer(201, undefined, { location: `${this.url}/messages/${randomUUID()}` });
  }

  /** Checks the VAPID header; returns the claims it vouches for, or why it is refused. */
  private async checkVapid(
    header: string | undefined,
  ): Promise<{ subject: string; vapidPublicKey: string } | string> {
    const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
    if (!match) return 'missing VAPID authorization';
    const [, token, k] = match;
    const point = Buffer.from(k, 'base64url');
    if (point.length !== 65 || point[0] !== 4) return 'k is not a P-256 public key';
    try {
      const key = await importJWK(
        {
          kty: 'EC',
          crv: 'P-256',
          x: point.subarray(1, 33).toString('base64url'),
          y: point.subarray(33).toString('base64url'),
        },
        'ES256',
      );
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['ES256'],
        audience: new URL(this.url).origin,
      });
      const now = Math.floor(Date.now() / 1000);
      if (!payload.exp || payload.exp > now + 24 * 3600) return 'exp more than 24 h ahead';
      if (!/^(mailto:|https:)/.test(payload.sub ?? '')) return 'sub must be mailto: or https:';
      return { subject: payload.sub!, vapidPublicKey: k };
    } catch (error) {
      return `VAPID JWT refused: ${(error as Error).message}`;
    }
  }
}

function idOf(endpoint: string): string {
  return endpoint.split('/').pop() ?? '';
}

/** RFC 8291 (Web Push message encryption) over RFC 8188 aes128gcm, one record. */
function decrypt(body: Buffer, sub: FakeSubscription): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const senderPublicKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error('keyid must be the sender’s 65-byte public key');
  if (record.length > recordSize) throw new Error('more than one record');

  const ecdhSecret = sub.ecdh.computeSecret(senderPublicKey);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    sub.ecdh.getPublicKey(),
    senderPublicKey,
  ]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, sub.auth, keyInfo, 32));
  const cek = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
  );
  const nonce = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12),
  );

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([
    decipher.update(record.subarray(0, record.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('missing last-record delimiter');
  return padded.subarray(0, end);
}
