import { Controller, Get, Module, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Access } from '../src/common/access.decorator';
import { TestApp } from '@lib/testing';

@Controller({ path: 'client-ip-probe', version: '1' })
class ClientIpProbeController {
  @Get()
  @Access('public')
  probe(@Req() request: FastifyRequest): { ip: string } {
    return { ip: request.ip };
  }
}

@Module({ controllers: [ClientIpProbeController] })
class ClientIpProbeModule {}

/**
 * X-Forwarded-For is believed only as far as TRUST_PROXY says: the client is the
 * right-most address not added by a trusted proxy, so whatever a client writes on
 * the left cannot dodge per-IP limits.
 */
describe('trusted proxy hops', () => {
  const proxy = '10.0.0.1';
  const loginThrough = (app: TestApp, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: app.config.env.ADMIN_EMAIL, password: 'not-the-password' },
    });

  async function expectRotationRefused(app: TestApp, realClient: string) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await loginThrough(app, `198.18.0.${attempt}, ${realClient}`);
      expect(response.statusCode).toBe(401);
    }
    const refused = await loginThrough(app, `198.18.0.99, ${realClient}`);
    expect(refused.statusCode).toBe(429);
    // Another client behind the same proxy still gets in.
    expect((await loginThrough(app, '192.0.2.200')).statusCode).toBe(401);
  }

  describe('TRUST_PROXY=true (one hop)', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.create({
        role: 'api',
        extra: [ClientIpProbeModule],
        probeRoutes: /^\/v1\/client-ip-probe/,
        env: { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '1000' },
      });
    });
    afterAll(() => app?.close());

    it('sees the right-most address as the client', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/client-ip-probe',
        remoteAddress: proxy,
        headers: { 'x-forwarded-for': '1.2.3.4, 5.6.7.8' },
      });
      expect(response.json()).toEqual({ ip: '5.6.7.8' });
    });

    it('counts per-IP auth limits on that address, whatever the client puts on the left', () =>
      expectRotationRefused(app, '203.0.113.20'));
  });

  describe('TRUST_PROXY=<proxy CIDRs>', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.create({
        role: 'api',
        env: { TRUST_PROXY: '10.0.0.0/8', LOGIN_MAX_FAILURES: '1000' },
      });
    });
    afterAll(() => app?.close());

    it('skips only trusted proxies from the right', () =>
      expectRotationRefused(app, '203.0.113.21'));
  });
});
