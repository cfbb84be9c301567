import type { RateLimitPolicyName } from './policies';

/**
 * Lets a caller past an exhausted limit by paying for the call another way
 * (purchased AI credits). Provided by the application under RATE_LIMIT_OVERAGE;
 * without a provider a limit is simply a limit.
 */
export interface RateLimitOverage {
  /** True when one unit was spent for this call (it goes ahead). */
  trySpend(policy: RateLimitPolicyName, userId: string): Promise<boolean>;
}

export const RATE_LIMIT_OVERAGE = Symbol('RATE_LIMIT_OVERAGE');
