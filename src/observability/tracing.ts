import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { withoutSqlLiterals } from './scrub';

export interface TracingOptions {
  /** OTLP/HTTP base URL; spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  serviceName: string;
  /** Share of new traces kept; a caller's sampling decision (traceparent) is honoured. */
  sampleRatio: number;
}

export interface Tracing {
  /** Exports what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

// Probes and scrapes would be most of the traces and tell nothing.
const UNTRACED_PATHS = /^\/(health\/|metrics)/;
// Query parameters whose values are credentials (signed links, OAuth, S3 presigning).
const REDACTED_QUERY_PARAMS = [
  ...['sig', 'signature', 'Signature', 'AWSAccessKeyId', 'X-Amz-Signature', 'X-Amz-Credential'],
  ...['X-Amz-Security-Token', 'token', 'access_token', 'refresh_token', 'code', 'state'],
  ...['password', 'secret', 'key', 'api_key'],
];

/**
 * Registers the tracer provider and patches http, pg and ioredis. Must run
 * before those modules are first required (src/instrumentation.ts does it).
 * Bull jobs get their spans from `@lib/queue` (job-tracing.ts), through the API.
 */
export function startTracing(options: TracingOptions): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(options.sampleRatio),
    }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` }),
      ),
    ],
  });
  provider.register(); // AsyncLocalStorage context, W3C traceparent + baggage propagation

  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) =>
          UNTRACED_PATHS.test(request.url ?? ''),
        // Outgoing calls (mail, S3, AI, Sentry) only as part of a request or job.
        requireParentforOutgoingSpans: true,
        redactedQueryParams: REDACTED_QUERY_PARAMS,
      }),
      // Statements without their values (parameter values are not recorded either).
      new PgInstrumentation({
        requireParentSpan: true,
        requestHook: (span, { query }) =>
          span.setAttribute('db.query.text', withoutSqlLiterals(query.text)),
      }),
      // Only the command: keys and arguments hold ids, IPs, token ids and job payloads.
      // Bull's own polling outside any request or job is left out.
      new IORedisInstrumentation({
        requireParentSpan: true,
        dbStatementSerializer: (command) => command,
      }),
    ],
  });

  return { shutdown: () => provider.shutdown() };
}
