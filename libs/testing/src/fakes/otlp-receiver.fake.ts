import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { closeNow, serveOnLoopback, readRequestBody, sendJson as reply } from './loopback';

/** One span as an OTLP exporter sent it, flattened out of its resource and scope. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  serviceName?: string;
  scope: string;
  attributes: Record<string, unknown>;
  status: { code?: number; message?: string };
}

interface KeyValue {
  key: string;
  value: AnyValue;
}
interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
}
interface ExportTraceServiceRequest {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: {
      scope?: { name?: string };
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind?: number;
        attributes?: KeyValue[];
        status?: { code?: number; message?: string };
      }[];
    }[];
  }[];
}

/**
 * An OpenTelemetry collector on loopback speaking OTLP/HTTP with JSON bodies
 * (what `@opentelemetry/exporter-trace-otlp-http` sends): `POST /v1/traces`
 * with an `ExportTraceServiceRequest`, gzip or not, answered with an empty
 * `partialSuccess`. Protobuf bodies get 415: point a JSON exporter at it.
 */
export class OtlpReceiverFake {
  readonly spans: ReceivedSpan[] = [];
  /** Spans received, kept or not. */
  received = 0;
  private server?: Server;

  /** `keepSpans: false` only counts them (for load runs that would fill the memory). */
  constructor(private readonly keepSpans = true) {}

  async start(): Promise<{ url: string }> {
    const { server, url } = await serveOnLoopback((request, response) =>
      this.handle(request, response),
    );
    this.server = server;
    return { url };
  }

  async stop(): Promise<void> {
    await closeNow(this.server);
    this.server = undefined;
  }

  /** Lets a process whose only remaining work is this server exit. */
  unref(): void {
    this.server?.unref();
  }

  reset(): void {
    this.spans.length = 0;
    this.received = 0;
  }

  /** Every span of one trace. */
  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = await readRequestBody(request);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (request.method !== 'POST' || path !== '/v1/traces') return reply(response, 404, {});
    if (!String(request.headers['content-type']).startsWith('application/json')) {
      return reply(response, 415, { message: 'only OTLP/JSON is supported' });
    }
    if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    let parsed: ExportTraceServiceRequest;
    try {
      parsed = JSON.parse(body.toString('utf8')) as ExportTraceServiceRequest;
    } catch {
      return reply(response, 400, { message: 'body is not JSON' });
    }
    const spans = flatten(parsed);
    this.received += spans.length;
    if (this.keepSpans) this.spans.push(...spans);
    reply(response, 200, { partialSuccess: {} });
  }
}

function flatten(request: ExportTraceServiceRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    const serviceName = resource['service.name'] as string | undefined;
    return (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span) => ({
        traceId: hexId(span.traceId),
        spanId: hexId(span.spanId),
        parentSpanId: span.parentSpanId ? hexId(span.parentSpanId) : undefined,
        name: span.name,
        kind: span.kind ?? 0,
        serviceName,
        scope: scopeSpans.scope?.name ?? '',
        attributes: attributesOf(span.attributes),
        status: span.status ?? {},
      })),
    );
  });
}

function attributesOf(list: KeyValue[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));
}

function valueOf(value: AnyValue): unknown {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.boolValue ?? value.doubleValue;
}

/** OTLP/JSON ids are hex; some encoders send base64 (the protobuf JSON mapping). */
function hexId(id: string): string {
  return /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}
