import { VersioningType, type INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import multipart from '@fastify/multipart';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { registerConditionalGet } from '@lib/cache';
import type { AppConfig } from '@lib/config';
import { RATE_LIMIT_HEADER_NAMES } from '@lib/rate-limit';
import { MAX_UPLOAD_BYTES } from '../modules/files';
import { MetricsService } from '../modules/health';
import { registerAuditContext } from './audit-context.hook';
import { registerAccessLog } from './logger';
import { registerRawBodyRoutes } from './raw-body';
import { createValidationPipe } from './validation';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const API_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline' https://js.stripe.com; style-src 'self' 'unsafe-inline'";
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'";

/**
 * The security headers of every answer, computed once (what @fastify/helmet sent with our
 * options, without its per-request work). Routes may override one, e.g. a stricter CSP.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': API_CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
};
const DOCS_HEADERS = { ...SECURITY_HEADERS, 'content-security-policy': DOCS_CSP };
/** Browser UIs served from npm packages (Swagger UI, the queues console): they need inline scripts. */
const UI_PATHS = /^\/(docs|admin\/queues(\/|\?|$))/;

/** The Fastify adapter with request ids from X-Request-Id (or new ones) and proxy trust from config. */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: config.env.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger: false,
  });
}

/** Everything every HTTP app needs: versioning, validation, headers, request ids, metrics. */
export async function configureHttpApp(
  app: NestFastifyApplication,
  config: AppConfig,
  logger: Logger,
): Promise<void> {
  applyVersioning(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Uploads stream through (never buffered); the files module enforces each kind's own limit.
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 2, parts: 3, fieldSize: 256 },
  });
  const origins = config.env.CORS_ORIGINS;
  app.enableCors({
    origin: origins.length > 0 ? origins : [config.env.FRONTEND_URL],
    credentials: true,
    // ETag for If-Match (optimistic concurrency); Content-Disposition for download names.
    exposedHeaders: ['X-Request-Id', 'ETag', 'Content-Disposition', ...RATE_LIMIT_HEADER_NAMES],
  });

  // JSON Merge Patch bodies (RFC 7386) are JSON, parsed with the same protections.
  fastify.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );
  registerAuditContext(fastify);
  registerRawBodyRoutes(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(UI_PATHS.test(request.url) ? DOCS_HEADERS : SECURITY_HEADERS);
    void reply.header('x-request-id', request.id);
    done();
  });
  registerConditionalGet(fastify);
  registerAccessLog(fastify, logger);

  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeHttp(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}

/** Every route lives under /v1 unless it declares VERSION_NEUTRAL (health, JWKS). */
export function applyVersioning(app: INestApplication): void {
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
