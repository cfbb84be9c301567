import { PLAN_CATALOG } from '@lib/authz';
import { RATE_LIMIT_POLICIES, RateLimiter } from '@lib/rate-limit';
import { eventually, TestApp } from '@lib/testing';
import { createUser, signIn } from './support/accounts';

interface Usage {
  apiKeyId: string;
  days: { date: string; requests: number; errors: number; rateLimited: number }[];
  totals: { requests: number; errors: number; rateLimited: number };
}

describe('API-key usage and rate-limit headers', () => {
  let t: TestApp;
  let ada: string;
  let adaId: string;
  let bob: string;

  const usage = (authorization: string, id: string, query = '') =>
    t.inject({
      method: 'GET',
      url: `/v1/me/api-keys/${id}/usage${query}`,
      headers: { authorization },
    });

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    adaId = await createUser(t, {
      email: 'ada@usage.test',
      password: 'pw-usage-123',
      tier: 'premium',
    });
    await createUser(t, { email: 'bob@usage.test', password: 'pw-usage-123', tier: 'premium' });
    ada = (await signIn(t, 'ada@usage.test', 'pw-usage-123')).authorization;
    bob = (await signIn(t, 'bob@usage.test', 'pw-usage-123')).authorization;
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts requests, errors and 429s per key per day, and sends RateLimit-* on every key response', async () => {
    const minted = await t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { authorization: ada },
      payload: { name: 'metered', scopes: ['me:read'] },
    });
    const { id, secret } = minted.json<{ id: string; secret: string }>();
    const limit = PLAN_CATALOG.premium.rateLimits.apiPerHour;

    for (let i = 0; i < 3; i += 1) {
      const ok = await t.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': secret } });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['ratelimit-limit']).toBe(String(limit));
      expect(ok.headers['ratelimit-remaining']).toBe(String(limit - 1 - i));
      expect(Number(ok.headers['ratelimit-reset'])).toBeGreaterThan(0);
    }
    const refused = await t.inject({
      method: 'GET',
      url: '/v1/me/sessions',
      headers: { 'x-api-key': secret },
    });
    expect(refused.statusCode).toBe(403);

    // Spend the hour's budget, then one refused call.
    await Promise.all(
      Array.from({ length: limit }, () =>
        t.get(RateLimiter).consume('api', `user:${adaId}`, limit, RATE_LIMIT_POLICIES.api.windowMs),
      ),
    );
    const limited = await t.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { 'x-api-key': secret },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(limited.headers['retry-after']).toBeDefined();

    const today = new Date().toISOString().slice(0, 10);
    const body = await eventually(async () => {
      const response = await usage(ada, id, '?days=7');
      expect(response.statusCode).toBe(200);
      const counted = response.json<Usage>();
      return counted.totals.requests === 5 ? counted : undefined;
    });
    expect(body.apiKeyId).toBe(id);
    expect(body.days).toHaveLength(7);
    expect(body.days[6]).toEqual({ date: today, requests: 5, errors: 2, rateLimited: 1 });
    expect(body.totals).toEqual({ requests: 5, errors: 2, rateLimited: 1 });
    expect(body.days.slice(0, 6).every((d) => d.requests === 0)).toBe(true);

    // Signed-in (JWT) calls are not the key's.
    await t.inject({ method: 'GET', url: '/v1/me', headers: { authorization: ada } });
    expect((await usage(ada, id)).json<Usage>().totals.requests).toBe(5);
    expect((await usage(ada, id)).json<Usage>().days).toHaveLength(30);
  });

  it('answers 404 for another user’s key and 400 for a bad range', async () => {
    const minted = await t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { authorization: ada },
      payload: { name: 'private', scopes: ['me:read'] },
    });
    const { id } = minted.json<{ id: string }>();
    const stolen = await usage(bob, id);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().code).toBe('resource.not_found');
    for (const days of ['0', '91', 'x']) {
      expect((await usage(ada, id, `?days=${days}`)).statusCode).toBe(400);
    }
  });
});
