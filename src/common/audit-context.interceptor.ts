import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { Principal } from '@lib/authz';
import { auditContext } from '@lib/event-store';

/**
 * Runs each request handler inside an audit context, so events appended while
 * serving it record the actor, IP, user agent and request/correlation ids.
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const correlation = request.headers['x-correlation-id'];
    const metadata = {
      actor: request.principal
        ? { type: 'user' as const, id: request.principal.userId }
        : undefined,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      requestId: String(request.id),
      correlationId:
        typeof correlation === 'string' ? correlation.slice(0, 128) : String(request.id),
    };
    return new Observable((subscriber) =>
      auditContext.run(metadata, () => next.handle().subscribe(subscriber)),
    );
  }
}
