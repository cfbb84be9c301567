import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest, preParsingHookHandler } from 'fastify';
import { Readable } from 'node:stream';

/** Route config flag set by `@KeepRawBody()`. */
const RAW_BODY = 'keepRawBody';
const RAW_BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** The body bytes exactly as received, on routes marked `@KeepRawBody()`. */
    rawBody?: Buffer;
  }
}

/**
 * Keeps the exact request bytes of this route in `request.rawBody` (read them
 * with `@RawBody()`), for signature checks over the body (Stripe, svix/Resend).
 * The body is still parsed as usual. Only marked routes pay for it: the hook is
 * attached to them alone when they are registered.
 */
export const KeepRawBody = (): MethodDecorator => RouteConfig({ [RAW_BODY]: true });

/** The raw body of a `@KeepRawBody()` route (an empty buffer when the request had none). */
export const RawBody = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Buffer =>
    ctx.switchToHttp().getRequest<FastifyRequest>().rawBody ?? Buffer.alloc(0),
);

/**
 * Adds the buffering hook to routes marked `@KeepRawBody()`. Call before the
 * routes are registered (i.e. before `app.init()`).
 */
export function registerRawBodyRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if ((route.config as Record<string, unknown> | undefined)?.[RAW_BODY] !== true) return;
    const existing = route.preParsing;
    route.preParsing = [
      ...(Array.isArray(existing) ? existing : existing ? [existing] : []),
      keepRawBody,
    ];
  });
}

const keepRawBody: preParsingHookHandler = (request, _reply, payload, done) => {
  readAll(payload).then(
    (body) => {
      request.rawBody = body;
      // The parser reads the same bytes again from a fresh stream.
      done(null, Readable.from([body], { objectMode: false }));
    },
    (error: Error) => done(error),
  );
};

async function readAll(payload: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > RAW_BODY_LIMIT) {
      throw Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
