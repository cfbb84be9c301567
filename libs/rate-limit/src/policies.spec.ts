import { PLAN_CATALOG } from '@lib/authz';
import { planLiftingLimit, RATE_LIMIT_POLICIES, rateLimitFor, rateLimitKey } from './policies';

const anonymous = { ip: '203.0.113.7' };
const proUser = { ip: '203.0.113.7', principal: { userId: 'u-1', tier: 'pro' as const } };
const premiumUser = { ip: '198.51.100.1', principal: { userId: 'u-2', tier: 'premium' as const } };

describe('rateLimitKey', () => {
  it('keys auth by client IP even for a signed-in caller', () => {
    expect(rateLimitKey(RATE_LIMIT_POLICIES.auth, anonymous)).toBe('ip:203.0.113.7');
    expect(rateLimitKey(RATE_LIMIT_POLICIES.auth, proUser)).toBe('ip:203.0.113.7');
  });

  it.each(['api', 'uploads', 'socialPosts', 'ai', 'browser'] as const)(
    'keys %s by user, falling back to IP when anonymous',
    (name) => {
      expect(rateLimitKey(RATE_LIMIT_POLICIES[name], proUser)).toBe('user:u-1');
      expect(rateLimitKey(RATE_LIMIT_POLICIES[name], anonymous)).toBe('ip:203.0.113.7');
    },
  );
});

describe('passwordChange', () => {
  it('limits password changes to 5 per 15 minutes per account, closed when Redis is down', () => {
    expect(rateLimitKey(RATE_LIMIT_POLICIES.passwordChange, proUser)).toBe('user:u-1');
    expect(rateLimitFor(RATE_LIMIT_POLICIES.passwordChange, proUser)).toBe(5);
    expect(RATE_LIMIT_POLICIES.passwordChange.whenStoreDown).toBe('deny');
  });
});

describe('rateLimitFor', () => {
  it('gives auth a fixed 5 per 15 minutes', () => {
    expect(rateLimitFor(RATE_LIMIT_POLICIES.auth, premiumUser)).toBe(5);
    expect(RATE_LIMIT_POLICIES.auth.windowMs).toBe(15 * 60_000);
  });

  it('gives shared-CV visitors a fixed per-IP limit per minute, signed in or not', () => {
    expect(rateLimitFor(RATE_LIMIT_POLICIES.publicCv, premiumUser)).toBe(30);
    expect(RATE_LIMIT_POLICIES.publicCv.windowMs).toBe(60_000);
    expect(rateLimitKey(RATE_LIMIT_POLICIES.publicCv, proUser)).toBe('ip:203.0.113.7');
  });

  it('gives browser traffic a fixed generous hourly limit', () => {
    expect(rateLimitFor(RATE_LIMIT_POLICIES.browser, proUser)).toBe(1000);
    expect(RATE_LIMIT_POLICIES.browser.windowMs).toBe(3_600_000);
  });

  it.each([
    ['api', 'apiPerHour'],
    ['uploads', 'uploadsPerHour'],
    ['socialPosts', 'socialPostsPerHour'],
    ['ai', 'aiPerHour'],
  ] as const)('takes %s from the caller’s plan (%s)', (name, field) => {
    const policy = RATE_LIMIT_POLICIES[name];
    expect(policy.windowMs).toBe(3_600_000);
    expect(rateLimitFor(policy, proUser)).toBe(PLAN_CATALOG.pro.rateLimits[field]);
    expect(rateLimitFor(policy, premiumUser)).toBe(PLAN_CATALOG.premium.rateLimits[field]);
    expect(rateLimitFor(policy, anonymous)).toBe(PLAN_CATALOG.free.rateLimits[field]);
  });

  it('scales with the plan as the brief asks (premium AI 30/h, API 100/h)', () => {
    expect(rateLimitFor(RATE_LIMIT_POLICIES.ai, premiumUser)).toBe(30);
    expect(rateLimitFor(RATE_LIMIT_POLICIES.api, premiumUser)).toBe(100);
  });
});

describe('failure mode', () => {
  it('fails closed for auth, password changes and paid work done on demand', () => {
    const closed = Object.entries(RATE_LIMIT_POLICIES)
      .filter(([, policy]) => policy.whenStoreDown === 'deny')
      .map(([name]) => name);
    expect(closed).toEqual(['auth', 'passwordChange', 'pdfRender', 'cvImport']);
  });
});

describe('the plan that lifts a limit', () => {
  it('names the cheapest plan with a higher plan-scaled limit, and none for fixed limits', () => {
    const freeUser = { ip: '203.0.113.7', principal: { userId: 'u-3', tier: 'free' as const } };
    expect(planLiftingLimit(RATE_LIMIT_POLICIES.socialPosts, freeUser)).toBe('pro');
    expect(planLiftingLimit(RATE_LIMIT_POLICIES.socialPosts, proUser)).toBe('premium');
    expect(planLiftingLimit(RATE_LIMIT_POLICIES.socialPosts, premiumUser)).toBeUndefined();
    expect(planLiftingLimit(RATE_LIMIT_POLICIES.auth, freeUser)).toBeUndefined();
  });
});
