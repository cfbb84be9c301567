import type { FastifyRequest } from 'fastify';
import type { ClientContext } from './session.service';

/** The device a request comes from, as sessions record it. */
export const clientOf = (request: FastifyRequest): ClientContext & { ip: string } => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});
