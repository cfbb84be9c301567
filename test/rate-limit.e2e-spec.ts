import { Controller, Get, Module } from '@nestjs/common';
import type { LightMyRequestResponse } from 'fastify';
import { RateLimit, RateLimiter } from '@lib/rate-limit';
import { TestApp } from '@lib/testing';

/** A signed-in-only route limited per user, to see the guard run after authentication. */
@Controller({ path: 'rate-limit-probe', version: '1' })
class ProbeController {
  @Get()
  @RateLimit('browser')
  probe(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectRateLimitHeaders(
  response: LightMyRequestResponse,
  limit: number,
  remaining: number,
) {
  for (const prefix of ['ratelimit', 'x-ratelimit']) {
    expect(response.headers[`${prefix}-limit`]).toBe(String(limit));
    expect(response.headers[`${prefix}-remaining`]).toBe(String(remaining));
    expect(Number(response.headers[`${prefix}-reset`])).toBeGreaterThan(0);
  }
}

describe('rate limits shared by replicas', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // Wrong passwords here test the per-IP limit alone, not the per-account lockout.
    const env = { LOGIN_MAX_FAILURES: '1000' };
    const probeRoutes = /^\/v1\/rate-limit-probe/;
    a = await TestApp.create({ role: 'api', extra: [ProbeModule], env, probeRoutes });
    b = await TestApp.create({ role: 'api', extra: [ProbeModule], replicaOf: a, env, probeRoutes });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const login = (app: TestApp, remoteAddress: string, password = 'not-the-password') =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      remoteAddress,
      payload: { email: app.config.env.ADMIN_EMAIL, password },
    });

  describe('POST /v1/auth/login (5 per 15 minutes per IP)', () => {
    const attacker = '203.0.113.10';

    it('allows 5 attempts across both instances and refuses the 6th on either', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await login(attempt % 2 ? a : b, attacker);
        expect(response.statusCode).toBe(401);
        expectRateLimitHeaders(response, 5, 5 - attempt);
        expect(Number(response.headers['ratelimit-reset'])).toBeLessThanOrEqual(900);
        expect(response.headers['retry-after']).toBeUndefined();
      }

      for (const app of [a, b]) {
        const refused = await login(app, attacker);
        expect(refused.statusCode).toBe(429);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        const problem = refused.json<{ code: string; status: number; retryAfter: number }>();
        expect(problem).toMatchObject({ status: 429, code: 'rate_limit.exceeded' });
        expect(problem.retryAfter).toBeGreaterThan(0);
        expect(problem.retryAfter).toBeLessThanOrEqual(900);
        expect(refused.headers['retry-after']).toBe(String(problem.retryAfter));
        expectRateLimitHeaders(refused, 5, 0);
      }
    });

    it('refuses even the right password once the limit is reached', async () => {
      const response = await login(b, attacker, a.config.env.ADMIN_PASSWORD);
      expect(response.statusCode).toBe(429);
    });

    it('records one security event per limited key and window, however many requests were refused', async () => {
      const events = await a.inject({
        method: 'GET',
        url: `/v1/admin/audit/events?type=security.rate_limit_exceeded&streamId=${attacker}`,
        remoteAddress: '198.51.100.99',
        headers: { authorization: await a.adminAuthorization() },
      });
      const items = events.json<{ items: { payload: { policy: string; route: string } }[] }>()
        .items;
      expect(items).toHaveLength(1);
      expect(items[0].payload).toMatchObject({ policy: 'auth', route: '/v1/auth/login' });
    });

    it('leaves another IP unaffected', async () => {
      const response = await login(b, '198.51.100.20', a.config.env.ADMIN_PASSWORD);
      expect(response.statusCode).toBe(200);
      expectRateLimitHeaders(response, 5, 4);
    });
  });

  describe('per-user limits', () => {
    it('count the signed-in user across IPs and instances, after authentication', async () => {
      const authorization = await a.adminAuthorization();
      const probe = (app: TestApp, remoteAddress: string) =>
        app.inject({
          method: 'GET',
          url: '/v1/rate-limit-probe',
          remoteAddress,
          headers: { authorization },
        });

      expectRateLimitHeaders(await probe(a, '192.0.2.1'), 1000, 999);
      expectRateLimitHeaders(await probe(b, '192.0.2.2'), 1000, 998);

      const anonymous = await a.inject({ method: 'GET', url: '/v1/rate-limit-probe' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['ratelimit-limit']).toBeUndefined();
    });
  });

  describe('sliding window (3 per 1000 ms)', () => {
    const consume = (app: TestApp, key: string) =>
      app.get(RateLimiter).consume('probe', key, 3, 1000);

    it('frees one slot as each counted request leaves the window', async () => {
      expect((await consume(a, 'slide')).allowed).toBe(true);
      await sleep(400);
      expect((await consume(b, 'slide')).allowed).toBe(true);
      await sleep(400);
      expect((await consume(a, 'slide')).allowed).toBe(true);

      const refused = await consume(b, 'slide');
      expect(refused).toMatchObject({ allowed: false, remaining: 0 });
      expect(refused.resetMs).toBeGreaterThan(0);
      expect(refused.resetMs).toBeLessThanOrEqual(250);

      await sleep(refused.resetMs + 30);
      expect(await consume(a, 'slide')).toMatchObject({ allowed: true, remaining: 0 });
      // The second request is still inside the window: only one slot came free.
      expect((await consume(b, 'slide')).allowed).toBe(false);
    });

    it('refuses a burst across a fixed-window boundary (no 2x)', async () => {
      // Fill the limit just before a whole second, then try again just after it:
      // a fixed window per second would have reset and let 6 through in ~200 ms.
      await sleep(1850 - (Date.now() % 1000));
      const boundary = Math.ceil(Date.now() / 1000) * 1000;
      const before = await Promise.all([
        consume(a, 'burst'),
        consume(b, 'burst'),
        consume(a, 'burst'),
      ]);
      await sleep(boundary + 50 - Date.now());
      const after = await Promise.all([
        consume(b, 'burst'),
        consume(a, 'burst'),
        consume(b, 'burst'),
      ]);

      expect(before.map((d) => d.allowed)).toEqual([true, true, true]);
      expect(after.map((d) => d.allowed)).toEqual([false, false, false]);
    });

    it('uses Redis time, so a replica with a skewed clock shares the window', async () => {
      await consume(a, 'skew');
      const skewed = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 3_600_000);
      try {
        expect(await consume(b, 'skew')).toMatchObject({ allowed: true, remaining: 1 });
      } finally {
        skewed.mockRestore();
      }
    });
  });

  it('limits token refreshes per IP (generously), across replicas', async () => {
    const refresh = (app: TestApp) =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/refresh',
        remoteAddress: '192.0.2.160',
        payload: { refreshToken: 'rt_not-a-real-token' },
      });
    for (let i = 0; i < 60; i += 1) expect((await refresh(i % 2 ? a : b)).statusCode).toBe(401);
    const limited = await refresh(a);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
