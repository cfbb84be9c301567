import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { closeNow, serveOnLoopback, readRequestBody, sendJson as reply } from './loopback';

/** One item of an envelope: its header and its payload (parsed JSON, or the raw text). */
export interface EnvelopeItem {
  header: { type: string; length?: number; [field: string]: unknown };
  payload: unknown;
}

/** An envelope as Sentry's ingest received it; `raw` is the whole decoded body. */
export interface ReceivedEnvelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
  raw: string;
}

/** The parts of a Sentry error event the tests look at. */
export interface SentryEvent {
  event_id: string;
  exception?: { values?: { type?: string; value?: string }[] };
  tags?: Record<string, string>;
  user?: { id?: string };
  request?: { method?: string; url?: string; headers?: Record<string, string> };
  contexts?: Record<string, Record<string, unknown>>;
  [field: string]: unknown;
}

/**
 * Sentry's ingest on loopback: `POST /api/<project>/envelope/` with the key in
 * `sentry_key` (query) or `X-Sentry-Auth`, an envelope body (newline-delimited
 * JSON headers, item payloads sized by `length` when given), gzip or not.
 * `dsn` is what the SDK is configured with.
 */
export class SentryFake {
  readonly envelopes: ReceivedEnvelope[] = [];
  private server?: Server;
  private baseUrl = '';

  constructor(
    readonly publicKey = 'fakepublickey0123456789abcdef',
    readonly projectId = '4242',
  ) {}

  get dsn(): string {
    const url = new URL(this.baseUrl);
    return `${url.protocol}//${this.publicKey}@${url.host}/${this.projectId}`;
  }

  async start(): Promise<{ url: string; dsn: string }> {
    const { server, url } = await serveOnLoopback((request, response) =>
      this.handle(request, response),
    );
    this.server = server;
    this.baseUrl = url;
    return { url: this.baseUrl, dsn: this.dsn };
  }

  async stop(): Promise<void> {
    await closeNow(this.server);
    this.server = undefined;
  }

  reset(): void {
    this.envelopes.length = 0;
  }

  /** Error events of every envelope received so far. */
  get events(): SentryEvent[] {
    return this.envelopes.flatMap((envelope) =>
      envelope.items
        .filter((item) => item.header.type === 'event')
        .map((item) => item.payload as SentryEvent),
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = await readRequestBody(request);
    const url = new URL(request.url ?? '/', 'http://fake');
    if (request.method !== 'POST' || url.pathname !== `/api/${this.projectId}/envelope/`) {
      return reply(response, 404, { detail: 'not found' });
    }
    const auth = String(request.headers['x-sentry-auth'] ?? '');
    const key = url.searchParams.get('sentry_key') ?? /sentry_key=([^,\s]+)/.exec(auth)?.[1];
    if (key !== this.publicKey) return reply(response, 401, { detail: 'invalid api key' });
    if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    let envelope: ReceivedEnvelope;
    try {
      envelope = parseEnvelope(body);
    } catch {
      return reply(response, 400, { detail: 'invalid envelope' });
    }
    this.envelopes.push(envelope);
    reply(response, 200, { id: envelope.header.event_id ?? null });
  }
}

/** https://develop.sentry.dev/sdk/data-model/envelopes/ */
export function parseEnvelope(body: Buffer): ReceivedEnvelope {
  let offset = 0;
  const line = (): Buffer => {
    const end = body.indexOf(0x0a, offset);
    const slice = body.subarray(offset, end === -1 ? body.length : end);
    offset = end === -1 ? body.length : end + 1;
    return slice;
  };
  const header = JSON.parse(line().toString('utf8')) as Record<string, unknown>;
  const items: EnvelopeItem[] = [];
  while (offset < body.length) {
    const headerLine = line().toString('utf8');
    if (headerLine.trim() === '') continue;
    const itemHeader = JSON.parse(headerLine) as EnvelopeItem['header'];
    let payload: Buffer;
    if (typeof itemHeader.length === 'number') {
      payload = body.subarray(offset, offset + itemHeader.length);
      offset += itemHeader.length;
      if (body[offset] === 0x0a) offset += 1;
    } else {
      payload = line();
    }
    const text = payload.toString('utf8');
    items.push({ header: itemHeader, payload: parseJson(text) });
  }
  return { header, items, raw: body.toString('utf8') };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
