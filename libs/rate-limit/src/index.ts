export {
  RATE_LIMIT_POLICIES,
  rateLimitFor,
  rateLimitKey,
  type Caller,
  type RateLimitPolicy,
  type RateLimitPolicyName,
  type WhenStoreDown,
} from './policies';
export {
  describePolicy,
  RateLimit,
  RATE_LIMIT_POLICY,
  type RateLimitCondition,
} from './rate-limit.decorator';
export { RateLimitGuard } from './rate-limit.guard';
export { type ApiKeyCaller } from './api-rate-limit-headers';
export { RATE_LIMIT_HEADER_NAMES, rateLimitHeaders } from './rate-limit-headers';
export { RateLimiter, type RateLimitDecision } from './rate-limiter';
export { RateLimitModule } from './rate-limit.module';
export { RateLimitExceeded } from './rate-limit-exceeded.event';
export { RATE_LIMIT_OVERAGE, type RateLimitOverage } from './rate-limit-overage';
