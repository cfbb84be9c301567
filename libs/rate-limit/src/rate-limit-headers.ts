import type { RateLimitDecision } from './rate-limiter';

/**
 * Response headers describing a decision: the IETF `RateLimit-*` fields and
 * the older `X-RateLimit-*` ones many clients still read (both with the reset
 * as seconds from now), plus `Retry-After` when the request was refused.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const values = {
    Limit: String(decision.limit),
    Remaining: String(decision.remaining),
    Reset: String(decision.retryAfterSeconds),
  };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    headers[`RateLimit-${name}`] = value;
    headers[`X-RateLimit-${name}`] = value;
  }
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
