import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `/metrics` names routes, queues and load: with METRICS_TOKEN set (always in
 * production) it answers only `Authorization: Bearer <METRICS_TOKEN>`.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(config: AppConfig) {
    const token = config.env.METRICS_TOKEN;
    if (token) this.expected = digest(token);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
    // Comparing digests keeps the comparison constant-time whatever the lengths.
    if (given !== undefined && timingSafeEqual(digest(given), this.expected)) return true;
    throw Problem.unauthorized(
      'metrics.unauthorized',
      'Send Authorization: Bearer <METRICS_TOKEN>',
    );
  }
}
