import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@lib/authz';
import { Problem } from '@lib/problems';
import {
  RATE_LIMIT_POLICIES,
  rateLimitFor,
  rateLimitKey,
  type RateLimitPolicyName,
} from './policies';
import { RATE_LIMIT_POLICY } from './rate-limit.decorator';
import { rateLimitHeaders } from './rate-limit-headers';
import { RateLimitAlarm } from './rate-limit-alarm';
import { RateLimiter } from './rate-limiter';

/**
 * Global guard for routes marked with @RateLimit. It must be registered after
 * the auth guard, which attaches `request.principal` that per-user limits key on.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly alarm: RateLimitAlarm,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const name = this.reflector.getAllAndOverride<RateLimitPolicyName | undefined>(
      RATE_LIMIT_POLICY,
      [context.getHandler(), context.getClass()],
    );
    if (!name) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const policy = RATE_LIMIT_POLICIES[name];
    const caller = { ip: request.ip, principal: request.principal };
    const key = rateLimitKey(policy, caller);
    const decision = await this.limiter.consume(
      name,
      key,
      rateLimitFor(policy, caller),
      policy.windowMs,
      policy.whenStoreDown,
    );
    // Uncounted (fail-open) decisions know nothing true to report.
    if (decision.counted) void http.getResponse<FastifyReply>().headers(rateLimitHeaders(decision));
    if (decision.allowed) return true;
    await this.alarm.raise(
      name,
      key,
      policy.windowMs,
      request.ip,
      request.routeOptions.url ?? request.url,
    );
    throw new Problem(
      429,
      'rate_limit.exceeded',
      'Too many requests',
      `Rate limit "${name}" exceeded; retry in ${decision.retryAfterSeconds} s`,
      { retryAfter: decision.retryAfterSeconds },
    );
  }
}
