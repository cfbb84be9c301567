import { PLAN_CATALOG, TIERS, type PlanRateLimits, type Principal, type Tier } from '@lib/authz';

export type RateLimitPolicyName =
  | 'auth'
  | 'tokenRefresh'
  | 'passwordChange'
  | 'api'
  | 'uploads'
  | 'socialPosts'
  | 'ai'
  | 'browser'
  | 'publicCv'
  | 'jobSearch'
  | 'atsCheck'
  | 'pdfRender'
  | 'cvImport'
  | 'blogComments'
  | 'blogCommentsPerIp'
  | 'blogReactions'
  | 'dataExport'
  | 'clientEvents';

/** What to do when Redis cannot be reached: let the request through, or refuse it (503). */
export type WhenStoreDown = 'allow' | 'deny';

export interface RateLimitPolicy {
  windowMs: number;
  /** `user` counts per signed-in user and falls back to the client IP for anonymous callers. */
  keyBy: 'ip' | 'user';
  /** A fixed limit, or the caller's plan limit (anonymous callers get the free plan's). */
  limit: { fixed: number } | { fromPlan: keyof PlanRateLimits };
  whenStoreDown: WhenStoreDown;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Every named limit. `auth` and `passwordChange` fail closed: with Redis down,
 * guessing passwords without a limit is worse than refusing sign-ins for a moment; so do the
 * limits on paid work done on demand (forced renders, AI imports). Every other
 * policy fails open, so a Redis outage does not take the whole API down.
 */
/** Per user per hour, with the limit taken from the caller's plan. */
const hourlyFromPlan = (key: keyof PlanRateLimits): RateLimitPolicy => ({
  windowMs: HOUR_MS,
  keyBy: 'user',
  limit: { fromPlan: key },
  whenStoreDown: 'allow',
});

export const RATE_LIMIT_POLICIES: Readonly<Record<RateLimitPolicyName, RateLimitPolicy>> = {
  auth: { windowMs: 15 * MINUTE_MS, keyBy: 'ip', limit: { fixed: 5 }, whenStoreDown: 'deny' },
  // Refresh tokens are unguessable, so this only stops floods; it is generous for clients behind one NAT.
  tokenRefresh: {
    windowMs: 15 * MINUTE_MS,
    keyBy: 'ip',
    limit: { fixed: 60 },
    whenStoreDown: 'allow',
  },
  // Per account (a stolen access token may come from many IPs); fails closed like `auth`.
  passwordChange: {
    windowMs: 15 * MINUTE_MS,
    keyBy: 'user',
    limit: { fixed: 5 },
    whenStoreDown: 'deny',
  },
  api: hourlyFromPlan('apiPerHour'),
  uploads: hourlyFromPlan('uploadsPerHour'),
  socialPosts: hourlyFromPlan('socialPostsPerHour'),
  ai: hourlyFromPlan('aiPerHour'),
  browser: { windowMs: HOUR_MS, keyBy: 'user', limit: { fixed: 1000 }, whenStoreDown: 'allow' },
  // Anonymous reads of shared CVs; also bounds password guessing on protected links.
  publicCv: { windowMs: MINUTE_MS, keyBy: 'ip', limit: { fixed: 30 }, whenStoreDown: 'allow' },
  // Public job search: per IP (anonymous callers have no plan).
  jobSearch: { windowMs: MINUTE_MS, keyBy: 'ip', limit: { fixed: 120 }, whenStoreDown: 'allow' },
  // Each check renders a PDF and parses it back (~0.1–0.3 s of CPU): enough for editing, not for a flood.
  atsCheck: { windowMs: HOUR_MS, keyBy: 'user', limit: { fixed: 60 }, whenStoreDown: 'allow' },
  // Paid work on demand: a forced Chromium render, an AI parse. Unmetered while Redis is down would be a bill.
  pdfRender: { ...hourlyFromPlan('pdfRendersPerHour'), whenStoreDown: 'deny' },
  cvImport: { ...hourlyFromPlan('cvImportsPerHour'), whenStoreDown: 'deny' },
  // Blog comments: per account, and per IP (many accounts behind one address are one spammer).
  blogComments: {
    windowMs: 10 * MINUTE_MS,
    keyBy: 'user',
    limit: { fixed: 5 },
    whenStoreDown: 'allow',
  },
  blogCommentsPerIp: {
    windowMs: HOUR_MS,
    keyBy: 'ip',
    limit: { fixed: 30 },
    whenStoreDown: 'allow',
  },
  // Views, likes and shares: counters, so a flood only needs bounding.
  blogReactions: { windowMs: MINUTE_MS, keyBy: 'ip', limit: { fixed: 60 }, whenStoreDown: 'allow' },
  // A GDPR export reads every module's rows of the account and builds a ZIP: one an hour is plenty.
  // Redis down means the export queue is down too, so the request gets 503 anyway.
  dataExport: { windowMs: HOUR_MS, keyBy: 'user', limit: { fixed: 1 }, whenStoreDown: 'allow' },
  // Client analytics batches (≤ 25 events each): a busy page sends a few a minute.
  clientEvents: {
    windowMs: MINUTE_MS,
    keyBy: 'user',
    limit: { fixed: 60 },
    whenStoreDown: 'allow',
  },
};

/** Who is calling, as far as rate limits care. */
export interface Caller {
  ip: string;
  principal?: Pick<Principal, 'userId' | 'tier'>;
}

/** The counter a caller's request goes to within a policy's bucket. */
export function rateLimitKey(policy: RateLimitPolicy, caller: Caller): string {
  if (policy.keyBy === 'user' && caller.principal) return `user:${caller.principal.userId}`;
  return `ip:${caller.ip}`;
}

/** How many requests the caller may make per window under a policy. */
export function rateLimitFor(policy: RateLimitPolicy, caller: Caller): number {
  if ('fixed' in policy.limit) return policy.limit.fixed;
  return PLAN_CATALOG[caller.principal?.tier ?? 'free'].rateLimits[policy.limit.fromPlan];
}

/** For a plan-scaled limit: the cheapest plan with a higher one than the caller's (none for fixed limits). */
export function planLiftingLimit(policy: RateLimitPolicy, caller: Caller): Tier | undefined {
  if ('fixed' in policy.limit) return undefined;
  const key = policy.limit.fromPlan;
  const current = rateLimitFor(policy, caller);
  return TIERS.filter((tier) => PLAN_CATALOG[tier].rateLimits[key] > current).sort(
    (a, b) => PLAN_CATALOG[a].priceCents - PLAN_CATALOG[b].priceCents,
  )[0];
}
