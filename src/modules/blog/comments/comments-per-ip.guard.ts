import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { commonProblems } from '@lib/problems';
import { RATE_LIMIT_POLICIES, RateLimiter, rateLimitFor, rateLimitKey } from '@lib/rate-limit';

/**
 * The second comment limit, per IP (the route's `@RateLimit('blogComments')` is per
 * account): one policy per route is all the global guard counts.
 */
@Injectable()
export class CommentsPerIpGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = RATE_LIMIT_POLICIES.blogCommentsPerIp;
    const caller = { ip: request.ip };
    const decision = await this.limiter.consume(
      'blogCommentsPerIp',
      rateLimitKey(policy, caller),
      rateLimitFor(policy, caller),
      policy.windowMs,
      policy.whenStoreDown,
    );
    if (decision.allowed) return true;
    throw commonProblems.problem(
      'rate_limit.exceeded',
      `Rate limit "blogCommentsPerIp" exceeded; retry in ${decision.retryAfterSeconds} s`,
      { retryAfter: decision.retryAfterSeconds },
    );
  }
}
