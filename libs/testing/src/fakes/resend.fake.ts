import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { closeNow, readRequestText, serveOnLoopback } from './loopback';

/** One HTTP request as the fake received it. `body` is the parsed JSON, or the raw text. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** When it arrived (ms since the epoch). */
  at: number;
  /** The status the fake answered (set once the answer is chosen). */
  status?: number;
}

/** The body of `POST /emails` in Resend's wire format (snake_case). */
export interface ResendEmailRequest {
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  reply_to?: string | string[];
  tags?: { name: string; value: string }[];
  [field: string]: unknown;
}

/** An email Resend accepted, i.e. one that would have gone out. */
export interface ResendDelivery {
  id: string;
  idempotencyKey?: string;
  email: ResendEmailRequest;
}

type Fault =
  { kind: 'status'; status: number } | { kind: 'delay'; ms: number } | { kind: 'malformed' };

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Ends the "in progress" state of an idempotency key; runs when the answer goes out. */
  settle?: () => void;
}

interface IdempotentRequest {
  /** The path too: one key used on /emails and on /emails/batch is two requests. */
  bodyFingerprint: string;
  /** Undefined while the first request with this key is still being processed. */
  answer?: object;
}

/** A 429 the fake answered, and the time before which it asked not to be called again. */
export interface RateLimitedRequest {
  at: number;
  retryAt: number;
}

const ERROR_NAMES: Record<number, string> = {
  400: 'validation_error',
  401: 'missing_api_key',
  403: 'invalid_api_key',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'concurrent_idempotent_requests',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
};

const ADDRESS = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;
const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;
const ADDRESS_FORMAT =
  'The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.';

/**
 * A Resend API on loopback that speaks its wire format: `POST /emails` with a
 * bearer key and a JSON body answers `{"id": …}`, `POST /emails/batch` with an
 * array of 1 to 100 emails answers `{"data": [{"id"}, …]}` (strict validation:
 * one invalid email refuses the batch), errors are Resend's error document
 * `{statusCode, name, message}`. Honours `Idempotency-Key` the way Resend
 * documents it: a replay returns the first answer and sends nothing; the same key
 * while the first request is in progress, or with another body, is a 409.
 * With `limitRate()`, requests beyond the limit get Resend's 429 with
 * `retry-after` and `ratelimit-*` headers; `rateLimited` records them and
 * `retriesTooEarly` counts requests that came before an announced retry time.
 * Status faults hit before the email is accepted; a delayed or malformed
 * answer comes after it was accepted, as with a slow or garbling network.
 */
export class ResendFake {
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: ResendDelivery[] = [];
  readonly rateLimited: RateLimitedRequest[] = [];
  /** Requests that arrived while a 429's retry-after had not yet passed. */
  retriesTooEarly = 0;

  private limit?: { requests: number; windowMs: number };
  private readonly admitted: number[] = [];
  private retryNotBefore = 0;

  private readonly faults: Fault[] = [];
  private readonly idempotency = new Map<string, IdempotentRequest>();
  private readonly heldReplies = new Set<NodeJS.Timeout>();
  private server?: Server;

  /** `apiKey` is the one key the fake accepts; change it to simulate a revoked key. */
  constructor(public apiKey = 're_test_123') {}

  async start(): Promise<{ url: string }> {
    const { server, url } = await serveOnLoopback((request, response) =>
      this.handle(request, response),
    );
    this.server = server;
    return { url };
  }

  async stop(): Promise<void> {
    for (const timer of this.heldReplies) clearTimeout(timer);
    this.heldReplies.clear();
    await closeNow(this.server);
    this.server = undefined;
  }

  /** Forgets recorded traffic, pending faults and idempotency keys. */
  reset(): void {
    this.requests.length = 0;
    this.deliveries.length = 0;
    this.faults.length = 0;
    this.idempotency.clear();
    this.rateLimited.length = 0;
    this.retriesTooEarly = 0;
    this.admitted.length = 0;
    this.retryNotBefore = 0;
    this.limit = undefined;
  }

  /** Like Resend's team limit (default 2 requests per second): `requests` per `windowMs`, sliding. */
  limitRate(requests = 2, windowMs = 1000): void {
    this.limit = { requests, windowMs };
  }

  /** The next `times` requests fail with `status` and Resend's error document for it. */
  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ kind: 'status', status });
  }

  /** The next request is accepted but answered only after `ms`. */
  delayNext(ms: number): void {
    this.faults.push({ kind: 'delay', ms });
  }

  /** Answers accepted but held back by `delayNext` and not sent yet. */
  get heldReplyCount(): number {
    return this.heldReplies.size;
  }

  /** The next request is accepted but answered with a 200 whose body is not JSON. */
  malformedNext(): void {
    this.faults.push({ kind: 'malformed' });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readRequestText(request);
    const body = parseJson(raw);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path,
      headers: request.headers,
      body,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const answer = (reply: Reply) => {
      recorded.status = reply.status;
      return reply;
    };

    const limited = this.overLimit(recorded.at);
    if (limited) return send(response, answer(limited));
    const fault = this.faults.shift();
    if (fault?.kind === 'status') return send(response, answer(faultReply(fault.status)));

    const reply = answer(this.route(request, path, body));
    if (fault?.kind === 'malformed' && reply.status === 200) {
      return send(response, { ...reply, body: '<html>upstream garbled</html>' });
    }
    if (fault?.kind === 'delay') return this.holdReply(response, reply, fault.ms);
    send(response, reply);
  }

  /** A 429 when the sliding window is full; otherwise the request counts against it. */
  private overLimit(now: number): Reply | undefined {
    if (now < this.retryNotBefore) this.retriesTooEarly += 1;
    if (!this.limit) return undefined;
    const { requests, windowMs } = this.limit;
    while (this.admitted.length > 0 && this.admitted[0] <= now - windowMs) this.admitted.shift();
    if (this.admitted.length < requests) {
      this.admitted.push(now);
      return undefined;
    }
    const seconds = Math.max(1, Math.ceil((this.admitted[0] + windowMs - now) / 1000));
    const retryAt = now + seconds * 1000;
    this.retryNotBefore = Math.max(this.retryNotBefore, retryAt);
    this.rateLimited.push({ at: now, retryAt });
    return rateLimitReply(requests, seconds);
  }

  private route(request: IncomingMessage, path: string, body: unknown): Reply {
    if (path !== '/emails' && path !== '/emails/batch') {
      return errorReply(404, 'The requested endpoint does not exist.');
    }
    if (request.method !== 'POST') {
      return errorReply(405, 'Method is not allowed for the requested path.');
    }
    const authorization = request.headers.authorization;
    if (!authorization?.startsWith('Bearer ')) {
      return errorReply(401, 'Missing API key in the authorization header.');
    }
    if (authorization.slice('Bearer '.length) !== this.apiKey) {
      return errorReply(403, 'API key is invalid');
    }
    if (path === '/emails/batch') return this.routeBatch(request, body);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return errorReply(422, 'The request body must be a JSON object.');
    }
    const problem = validateEmail(body);
    if (problem) return problem;
    const email = body as ResendEmailRequest;
    return this.accept(
      `/emails ${JSON.stringify(email)}`,
      request.headers['idempotency-key'],
      (key) => ({
        id: this.deliver(email, key),
      }),
    );
  }

  private routeBatch(request: IncomingMessage, body: unknown): Reply {
    if (!Array.isArray(body)) return errorReply(422, 'The request body must be a JSON array.');
    if (body.length === 0 || body.length > 100) {
      return errorReply(422, 'A batch holds between 1 and 100 emails.');
    }
    for (const [index, email] of body.entries()) {
      if (typeof email !== 'object' || email === null || Array.isArray(email)) {
        return errorReply(422, `emails[${index}]: must be an object.`);
      }
      const problem = validateEmail(email as Partial<ResendEmailRequest>);
      if (problem) return { ...problem, body: withIndex(problem.body, index) };
      if ((email as { attachments?: unknown }).attachments !== undefined) {
        return errorReply(422, `emails[${index}]: attachments are not supported in batch.`);
      }
    }
    const emails = body as ResendEmailRequest[];
    const fingerprint = `/emails/batch ${JSON.stringify(emails)}`;
    return this.accept(fingerprint, request.headers['idempotency-key'], (key) => ({
      data: emails.map((email) => ({ id: this.deliver(email, key) })),
    }));
  }

  /** Sends (through `deliver`) once per idempotency key and replays the first answer. */
  private accept(
    fingerprint: string,
    key: string | string[] | undefined,
    deliver: (key?: string) => object,
  ): Reply {
    if (key === undefined) return jsonReply(200, deliver());
    if (typeof key !== 'string' || key.length < 1 || key.length > 256) {
      return errorReply(400, 'The key must be between 1-256 chars.', 'invalid_idempotency_key');
    }
    const earlier = this.idempotency.get(key);
    if (!earlier) {
      const entry: IdempotentRequest = { bodyFingerprint: fingerprint };
      this.idempotency.set(key, entry);
      const answer = deliver(key);
      return { ...jsonReply(200, answer), settle: () => (entry.answer = answer) };
    }
    if (earlier.bodyFingerprint !== fingerprint) {
      return errorReply(
        409,
        'Same idempotency key used with a different request payload.',
        'invalid_idempotent_request',
      );
    }
    if (!earlier.answer) {
      return errorReply(
        409,
        'Same idempotency key used while original request is still in progress.',
        'concurrent_idempotent_requests',
      );
    }
    return jsonReply(200, earlier.answer);
  }

  private deliver(email: ResendEmailRequest, idempotencyKey?: string): string {
    const id = randomUUID();
    this.deliveries.push({ id, idempotencyKey, email });
    return id;
  }

  /** Answers late; an idempotency key accepted by this request stays "in progress" until then. */
  private holdReply(response: ServerResponse, reply: Reply, ms: number): void {
    const timer = setTimeout(() => {
      this.heldReplies.delete(timer);
      send(response, reply);
    }, ms);
    this.heldReplies.add(timer);
  }
}

function validateEmail(email: Partial<ResendEmailRequest>): Reply | undefined {
  for (const field of ['from', 'to', 'subject'] as const) {
    if (email[field] === undefined || email[field] === '') {
      return errorReply(422, `Missing \`${field}\` field.`, 'missing_required_field');
    }
  }
  if (typeof email.from !== 'string' || !ADDRESS.test(email.from)) {
    return errorReply(422, `Invalid \`from\` field. ${ADDRESS_FORMAT}`);
  }
  const to = Array.isArray(email.to) ? email.to : [email.to];
  if (
    to.length === 0 ||
    to.length > 50 ||
    !to.every((a) => typeof a === 'string' && ADDRESS.test(a))
  ) {
    return errorReply(422, `Invalid \`to\` field. ${ADDRESS_FORMAT}`);
  }
  const tags = email.tags ?? [];
  if (
    !Array.isArray(tags) ||
    !tags.every((t) => TAG_PART.test(t?.name) && TAG_PART.test(t?.value))
  ) {
    return errorReply(
      422,
      'Invalid `tags` field. Tag names and values can only contain ASCII letters, numbers, ' +
        'underscores, or dashes.',
    );
  }
  return undefined;
}

function faultReply(status: number): Reply {
  if (status === 429) return rateLimitReply(2, 1);
  const messages: Record<number, string> = { 500: 'An unexpected error occurred.' };
  return errorReply(status, messages[status] ?? `Injected failure ${status}.`);
}

function rateLimitReply(limit: number, seconds: number): Reply {
  const reply = errorReply(
    429,
    `Too many requests. You can only make ${limit} requests per second.`,
  );
  return {
    ...reply,
    headers: {
      ...reply.headers,
      'retry-after': String(seconds),
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(seconds),
    },
  };
}

/** Resend names the failing email of a refused batch. */
function withIndex(body: string, index: number): string {
  const error = JSON.parse(body) as { message: string };
  return JSON.stringify({ ...error, message: `emails[${index}]: ${error.message}` });
}

function errorReply(status: number, message: string, name = ERROR_NAMES[status]): Reply {
  return jsonReply(status, { statusCode: status, name: name ?? 'application_error', message });
}

function jsonReply(status: number, body: object): Reply {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

function send(response: ServerResponse, reply: Reply): void {
  reply.settle?.();
  if (response.destroyed) return;
  response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  response.end(reply.body);
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** A webhook as Resend sends it: svix headers and the exact body bytes they sign. */
export interface SignedWebhook {
  headers: {
    'svix-id': string;
    'svix-timestamp': string;
    'svix-signature': string;
    'content-type': string;
  };
  payload: string;
}

export type ResendWebhookType =
  | 'email.sent'
  | 'email.delivered'
  | 'email.delivery_delayed'
  | 'email.bounced'
  | 'email.complained';

/** A new signing secret in Resend's format (`whsec_` + base64 of 24 random bytes). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * Resend's webhook event for an email it accepted (`{type, created_at, data}`),
 * signed the svix way with `secret` (svix-id `msg_…`, unix timestamp,
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`).
 */
export function signedResendWebhook(
  secret: string,
  type: ResendWebhookType,
  email: { id: string; from?: string; to: string[]; subject?: string },
  options: {
    bounce?: {
      type: 'Permanent' | 'Transient' | 'Undetermined';
      subType?: string;
      message?: string;
    };
    messageId?: string;
    timestamp?: Date;
  } = {},
): SignedWebhook {
  const createdAt = new Date().toISOString();
  const body = {
    type,
    created_at: createdAt,
    data: {
      created_at: createdAt,
      email_id: email.id,
      from: email.from ?? 'Career Tools <noreply@career-tools.test>',
      to: email.to,
      subject: email.subject ?? 'Hello',
      ...(options.bounce
        ? {
            bounce: {
              type: options.bounce.type,
              subType: options.bounce.subType ?? 'General',
              message:
                options.bounce.message ?? "The recipient's email provider sent a bounce message.",
            },
          }
        : {}),
    },
  };
  const payload = JSON.stringify(body);
  const id = options.messageId ?? `msg_${randomBytes(16).toString('hex')}`;
  const timestamp = options.timestamp ?? new Date();
  return {
    headers: {
      'svix-id': id,
      'svix-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, timestamp, payload),
      'content-type': 'application/json',
    },
    payload,
  };
}
