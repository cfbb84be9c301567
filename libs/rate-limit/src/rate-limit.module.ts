import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiRateLimitHeaders } from './api-rate-limit-headers';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter';

/**
 * Redis-backed rate limits shared by every replica. Needs the global REDIS
 * client (QueueModule). Import it after the module that provides the auth
 * guard: Nest runs global guards in registration order.
 */
@Global()
@Module({
  providers: [RateLimiter, ApiRateLimitHeaders, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [RateLimiter],
})
export class RateLimitModule {}
