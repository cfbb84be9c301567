import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { cacheControl, CACHEABLE_ROUTE_CONFIG, type CacheableOptions } from './cacheable';
import { matchesIfNoneMatch, weakEtag } from './etag';
import { addVary } from './vary';

/**
 * 304 Not Modified, without a body, for a successful GET or HEAD whose ETag
 * matches the request's If-None-Match (RFC 9110 §13.1.2), whichever route set it.
 * Also wires the cache headers of `@Cacheable` routes without `store` (see {@link cacheHeadersHook}).
 */
export function registerConditionalGet(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const options = (route.config as Record<string, unknown> | undefined)?.[
      CACHEABLE_ROUTE_CONFIG
    ] as CacheableOptions | undefined;
    if (!options) return;
    // A route-level hook: routes that are not cacheable pay nothing for it.
    const existing = route.preSerialization;
    const hook = cacheHeadersHook(options);
    route.preSerialization = existing
      ? [...(Array.isArray(existing) ? existing : [existing]), hook]
      : [hook];
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const header = request.headers['if-none-match'];
    if (header === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return done(null, payload);
    }
    const etag = reply.getHeader('etag');
    if (reply.statusCode !== 200 || typeof etag !== 'string' || !matchesIfNoneMatch(header, etag)) {
      return done(null, payload);
    }
    void reply.code(304);
    reply.removeHeader('content-length');
    reply.removeHeader('content-type');
    done(null, '');
  });
}

interface Serialized {
  body: string;
  etag: string;
}

/** Serializations of frozen answers (static catalogs): computed once per object. */
const frozenAnswers = new WeakMap<object, Serialized>();

/**
 * Cache headers for a `@Cacheable` route without `store`, in Fastify's preSerialization step
 * (no Nest interceptor, no rxjs): the answer is serialized here, once, and hashed for the
 * ETag. A handler that returns a frozen object (`Object.freeze`, e.g. an in-memory catalog
 * built at load time) promises it never changes: its body and ETag are computed on first use
 * and reused, so such a read costs a WeakMap lookup.
 */
function cacheHeadersHook(options: CacheableOptions) {
  const control = cacheControl(options);
  return (
    request: FastifyRequest & { principal?: unknown },
    reply: FastifyReply,
    payload: unknown,
    done: (error: Error | null, payload?: unknown) => void,
  ): void => {
    if (
      reply.statusCode !== 200 ||
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      typeof payload !== 'object' ||
      payload === null ||
      (options.scope === 'private' && !request.principal)
    ) {
      return done(null, payload);
    }
    let answer = frozenAnswers.get(payload);
    if (!answer) {
      const body = JSON.stringify(payload);
      answer = { body, etag: weakEtag(body) };
      if (Object.isFrozen(payload)) frozenAnswers.set(payload, answer);
    }
    const { body } = answer;
    void reply.serializer(() => body);
    void reply.header('etag', answer.etag).header('cache-control', control);
    if (options.scope === 'private') addVary(reply, 'Authorization');
    done(null, payload);
  };
}
