import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { closeNow, listenOnLoopback } from './loopback';

/** One HTTP request as the fake received it. `body` is the parsed JSON, or the raw text. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
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
  bodyFingerprint: string;
  /** Undefined while the first request with this key is still being processed. */
  emailId?: string;
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
 * bearer key and a JSON body answers `{"id": …}` or Resend's error document
 * `{statusCode, name, message}`. Honours `Idempotency-Key` the way Resend
 * documents it: a replay returns the first id and sends nothing; the same key
 * while the first request is in progress, or with another body, is a 409.
 * Status faults hit before the email is accepted; a delayed or malformed
 * answer comes after it was accepted, as with a slow or garbling network.
 */
export class ResendFake {
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: ResendDelivery[] = [];

  private readonly faults: Fault[] = [];
  private readonly idempotency = new Map<string, IdempotentRequest>();
  private readonly heldReplies = new Set<NodeJS.Timeout>();
  private server?: Server;

  /** `apiKey` is the one key the fake accepts; change it to simulate a revoked key. */
  constructor(public apiKey = 're_test_123') {}

  async start(): Promise<{ url: string }> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch(() => response.destroy());
    });
    this.server = server;
    return { url: await listenOnLoopback(server) };
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
  }

  /** The next `times` requests fail with `status` and Resend's error document for it. */
  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.faults.push({ kind: 'status', status });
  }

  /** The next request is accepted but answered only after `ms`. */
  delayNext(ms: number): void {
    this.faults.push({ kind: 'delay', ms });
  }

  /** The next request is accepted but answered with a 200 whose body is not JSON. */
  malformedNext(): void {
    this.faults.push({ kind: 'malformed' });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const body = parseJson(raw);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    this.requests.push({ method: request.method ?? '', path, headers: request.headers, body });

    const fault = this.faults.shift();
    if (fault?.kind === 'status') return send(response, faultReply(fault.status));

    const reply = this.route(request, path, body);
    if (fault?.kind === 'malformed' && reply.status === 200) {
      return send(response, { ...reply, body: '<html>upstream garbled</html>' });
    }
    if (fault?.kind === 'delay') return this.holdReply(response, reply, fault.ms);
    send(response, reply);
  }

  private route(request: IncomingMessage, path: string, body: unknown): Reply {
    if (path !== '/emails') return errorReply(404, 'The requested endpoint does not exist.');
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
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return errorReply(422, 'The request body must be a JSON object.');
    }
    const problem = validateEmail(body);
    if (problem) return problem;
    return this.accept(body as ResendEmailRequest, request.headers['idempotency-key']);
  }

  private accept(email: ResendEmailRequest, key: string | string[] | undefined): Reply {
    if (key === undefined) return jsonReply(200, { id: this.deliver(email) });
    if (typeof key !== 'string' || key.length < 1 || key.length > 256) {
      return errorReply(400, 'The key must be between 1-256 chars.', 'invalid_idempotency_key');
    }
    const fingerprint = JSON.stringify(email);
    const earlier = this.idempotency.get(key);
    if (!earlier) {
      const entry: IdempotentRequest = { bodyFingerprint: fingerprint };
      this.idempotency.set(key, entry);
      const id = this.deliver(email, key);
      return { ...jsonReply(200, { id }), settle: () => (entry.emailId = id) };
    }
    if (earlier.bodyFingerprint !== fingerprint) {
      return errorReply(
        409,
        'Same idempotency key used with a different request payload.',
        'invalid_idempotent_request',
      );
    }
    if (!earlier.emailId) {
      return errorReply(
        409,
        'Same idempotency key used while original request is still in progress.',
        'concurrent_idempotent_requests',
      );
    }
    return jsonReply(200, { id: earlier.emailId });
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
  const messages: Record<number, string> = {
    429: 'Too many requests. You can only make 2 requests per second.',
    500: 'An unexpected error occurred.',
  };
  const reply = errorReply(status, messages[status] ?? `Injected failure ${status}.`);
  if (status !== 429) return reply;
  return {
    ...reply,
    headers: {
      'retry-after': '1',
      'ratelimit-limit': '2',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '1',
    },
  };
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

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
