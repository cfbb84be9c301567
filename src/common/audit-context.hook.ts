import type { FastifyInstance } from 'fastify';
import { auditContext } from '@lib/event-store';

/**
 * Runs each request inside an audit context, so events appended while serving
 * it record the IP, user agent and request/correlation ids (the auth guard adds
 * the actor). Fastify calls the rest of the request lifecycle from `done`, so
 * the context follows every async step of the handler.
 */
export function registerAuditContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const correlation = request.headers['x-correlation-id'];
    auditContext.run(
      {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: String(request.id),
        correlationId:
          typeof correlation === 'string' ? correlation.slice(0, 128) : String(request.id),
      },
      done,
    );
  });
}
