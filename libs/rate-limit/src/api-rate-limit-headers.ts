import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@lib/authz';
import { RATE_LIMIT_POLICIES, rateLimitFor, rateLimitKey } from './policies';
import { rateLimitHeaders } from './rate-limit-headers';
import { RateLimiter } from './rate-limiter';

/**
 * Set on the request by authentication when it refuses a known key (its owner's plan no
 * longer has API access): whose budget the answer reports. Never an identity to act as.
 */
export interface ApiKeyCaller {
  apiKeyCaller?: Pick<Principal, 'userId' | 'tier'>;
}

/**
 * `RateLimit-*` headers on every answer to an API key. The rate-limit guard sets them when it
 * counts a call, but an earlier refusal (authentication's 403 for an owner without the plan,
 * the policies guard's 403 for a missing scope or plan) ends the request before it runs: such
 * answers get the key's current `api` budget, read without spending any of it. Calls refused
 * before the key is known (401) belong to no key.
 */
@Injectable()
export class ApiRateLimitHeaders implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly limiter: RateLimiter,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
      const { principal: signedIn, apiKeyCaller } = request as FastifyRequest &
        ApiKeyCaller & { principal?: Principal };
      const principal = signedIn?.authMethod === 'api-key' ? signedIn : apiKeyCaller;
      if (!principal || reply.hasHeader('RateLimit-Limit')) return payload;
      const policy = RATE_LIMIT_POLICIES.api;
      const caller = { ip: request.ip, principal };
      const decision = await this.limiter.peek(
        'api',
        rateLimitKey(policy, caller),
        rateLimitFor(policy, caller),
        policy.windowMs,
      );
      if (decision) void reply.headers(rateLimitHeaders(decision));
      return payload;
    });
  }
}
