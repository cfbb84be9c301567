import type { FastifyInstance } from 'fastify';
import { matchesIfNoneMatch } from './etag';

/**
 * 304 Not Modified, without a body, for a successful GET or HEAD whose ETag
 * matches the request's If-None-Match (RFC 9110 §13.1.2), whichever route set it.
 */
export function registerConditionalGet(fastify: FastifyInstance): void {
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
