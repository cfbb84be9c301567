import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PLAN_CATALOG, TIERS } from '@lib/authz';
import { RATE_LIMIT_POLICIES, type RateLimitPolicy, type RateLimitPolicyName } from './policies';

export const RATE_LIMIT_POLICY = 'rate-limit:policy';
export const RATE_LIMIT_CONDITION = 'rate-limit:condition';

/** Which requests of the route count, e.g. only those that force expensive work. */
export interface RateLimitCondition {
  /** Said in the OpenAPI `x-rate-limit`, e.g. `requests with Cache-Control: no-cache`. */
  description: string;
  applies(request: { headers: Record<string, string | string[] | undefined> }): boolean;
}

/**
 * Limits the route by the named policy (enforced by the global RateLimitGuard)
 * and documents it in OpenAPI as `x-rate-limit`; with `only`, just the requests it selects count.
 */
export function RateLimit(
  name: RateLimitPolicyName,
  only?: RateLimitCondition,
): MethodDecorator & ClassDecorator {
  const described = describePolicy(name, RATE_LIMIT_POLICIES[name]);
  return applyDecorators(
    SetMetadata(RATE_LIMIT_POLICY, name),
    SetMetadata(RATE_LIMIT_CONDITION, only),
    ApiExtension('x-rate-limit', only ? `${described} (${only.description} only)` : described),
  );
}

/** E.g. `auth: 5 per 15 minutes per IP` or `ai: free 0, pro 10, premium 30 per hour per user`. */
export function describePolicy(name: string, policy: RateLimitPolicy): string {
  const { limit } = policy;
  const count =
    'fixed' in limit
      ? String(limit.fixed)
      : TIERS.map((tier) => `${tier} ${PLAN_CATALOG[tier].rateLimits[limit.fromPlan]}`).join(', ');
  const per = policy.keyBy === 'ip' ? 'IP' : 'user';
  return `${name}: ${count} per ${describeWindow(policy.windowMs)} per ${per}`;
}

function describeWindow(ms: number): string {
  if (ms === 3_600_000) return 'hour';
  if (ms === 60_000) return 'minute';
  return ms % 60_000 === 0 ? `${ms / 60_000} minutes` : `${ms} ms`;
}
