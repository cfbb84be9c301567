import {
  Inject,
  Injectable,
  Optional,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@lib/authz';
import { commonProblems } from '@lib/problems';
import {
  RATE_LIMIT_POLICIES,
  planLiftingLimit,
  rateLimitFor,
  rateLimitKey,
  type RateLimitPolicyName,
} from './policies';
import {
  RATE_LIMIT_CONDITION,
  RATE_LIMIT_POLICY,
  type RateLimitCondition,
} from './rate-limit.decorator';
import { rateLimitHeaders } from './rate-limit-headers';
import { SecurityEvents } from '@lib/event-store';
import { RateLimitExceeded } from './rate-limit-exceeded.event';
import { RateLimiter } from './rate-limiter';
import { RATE_LIMIT_OVERAGE, type RateLimitOverage } from './rate-limit-overage';

type Request = FastifyRequest & { principal?: Principal };

/**
 * Global guard for routes marked with @RateLimit, and for every request made
 * with an API key (the `api` policy, on top of the route's own). It must be
 * registered after the auth guard, which attaches `request.principal` that
 * per-user limits key on.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly securityEvents: SecurityEvents,
    @Optional() @Inject(RATE_LIMIT_OVERAGE) private readonly overage?: RateLimitOverage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const name = this.reflector.getAllAndOverride<RateLimitPolicyName | undefined>(
      RATE_LIMIT_POLICY,
      [context.getHandler(), context.getClass()],
    );
    const only = this.reflector.getAllAndOverride<RateLimitCondition | undefined>(
      RATE_LIMIT_CONDITION,
      [context.getHandler(), context.getClass()],
    );
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const names: RateLimitPolicyName[] = [];
    if (request.principal?.authMethod === 'api-key') names.push('api');
    if (name && (!only || only.applies(request))) names.push(name);
    for (const each of names) await this.enforce(each, request, http.getResponse<FastifyReply>());
    return true;
  }

  private async enforce(
    name: RateLimitPolicyName,
    request: Request,
    reply: FastifyReply,
  ): Promise<void> {
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
    if (decision.counted) void reply.headers(rateLimitHeaders(decision));
    if (decision.allowed) return;
    // Beyond the plan's limit a call may still go ahead when paid for (AI credits).
    const userId = request.principal?.userId;
    if (userId && decision.counted && (await this.overage?.trySpend(name, userId))) return;
    const route = request.routeOptions.url ?? request.url;
    // Recorded once per limited key and window, however many requests were refused.
    await this.securityEvents.recordOncePer(
      `rate-limit:${name}:${key}`,
      policy.windowMs,
      new RateLimitExceeded(request.ip, { policy: name, key, route }),
    );
    const requiredPlan = planLiftingLimit(policy, caller);
    throw commonProblems.problem(
      'rate_limit.exceeded',
      `Rate limit "${name}" exceeded; retry in ${decision.retryAfterSeconds} s`,
      { retryAfter: decision.retryAfterSeconds, ...(requiredPlan ? { requiredPlan } : {}) },
    );
  }
}
