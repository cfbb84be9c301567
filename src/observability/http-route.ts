import { trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';

const CAPABILITY_IN_PATH = /:slug\b/;

/**
 * Names the HTTP server span after the route (`POST /v1/cvs/:id/exports`) and
 * records `http.route`; the http instrumentation alone knows only the method.
 * Paths whose parameters are secrets (share slugs) are replaced by the route.
 */
export function nameServerSpanByRoute(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    const span = trace.getActiveSpan();
    if (span && route) {
      span.setAttribute('http.route', route);
      span.updateName(`${request.method} ${route}`);
      // A share slug is the capability itself: keep it out of the trace.
      if (CAPABILITY_IN_PATH.test(route)) span.setAttribute('url.path', route);
    }
    done();
  });
}
