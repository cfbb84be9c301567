import type { RateLimitDecision } from './rate-limiter';

const FIELDS = ['Limit', 'Remaining', 'Reset'] as const;
const PREFIXES = ['RateLimit-', 'X-RateLimit-'] as const;

/** Every header a rate-limited response may carry (browsers must be allowed to read them). */
export const RATE_LIMIT_HEADER_NAMES: string[] = [
  ...PREFIXES.flatMap((prefix) => FIELDS.map((field) => `${prefix}${field}`)),
  'Retry-After',
];

/**
 * Response headers describing a decision: the IETF `RateLimit-*` fields and
 * the older `X-RateLimit-*` ones many clients still read (both with the reset
 * as seconds from now), plus `Retry-After` when the request was refused.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const values: Record<(typeof FIELDS)[number], string> = {
    Limit: String(decision.limit),
    Remaining: String(decision.remaining),
    Reset: String(decision.retryAfterSeconds),
  };
  const headers: Record<string, string> = {};
  for (const prefix of PREFIXES) {
    for (const field of FIELDS) headers[`${prefix}${field}`] = values[field];
  }
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
