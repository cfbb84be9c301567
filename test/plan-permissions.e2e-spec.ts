import { Controller, Get, Module } from '@nestjs/common';
import { eventually, TestApp } from '@lib/testing';
import { Access } from '../src/common/access.decorator';
import { call, createUser, refresh, signIn, signInAsAdmin, type Session } from './support/accounts';

/** No product route needs a feature yet: these prove the plan gate. */
@Controller({ path: 'policy-probe', version: '1' })
class PolicyProbeController {
  @Get('ai')
  @Access('user', { feature: 'aiEnhancement' })
  ai(): { ok: true } {
    return { ok: true };
  }

  @Get('api-access')
  @Access('user', { feature: 'apiAccess' })
  apiAccess(): { ok: true } {
    return { ok: true };
  }

  @Get('signed-in')
  @Access('user')
  signedIn(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [PolicyProbeController] })
class PolicyProbeModule {}

const PASSWORD = 'a-long-password-for-tests';

describe('plan permissions and admin-only routes', () => {
  let t: TestApp;
  let admin: Session;
  let free: Session;
  let pro: Session;
  let premium: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.create({
      role: 'api',
      extra: [PolicyProbeModule],
      probeRoutes: /^\/v1\/policy-probe\//,
    });
    for (const tier of ['free', 'pro', 'premium'] as const) {
      ids[tier] = await createUser(t, { email: `${tier}@example.test`, password: PASSWORD, tier });
    }
    admin = await signInAsAdmin(t);
    free = await signIn(t, 'free@example.test', PASSWORD);
    pro = await signIn(t, 'pro@example.test', PASSWORD);
    premium = await signIn(t, 'premium@example.test', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('plan gate', () => {
    it('refuses a free user a pro feature with 403 plan.upgrade_required naming the plan', async () => {
      const response = await call(t, 'GET', '/v1/policy-probe/ai', free.authorization);
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 403,
        code: 'plan.upgrade_required',
        requiredPlan: 'pro',
        feature: 'aiEnhancement',
      });
    });

    it('lets a pro user use it, but names premium for a premium-only feature', async () => {
      expect((await call(t, 'GET', '/v1/policy-probe/ai', pro.authorization)).statusCode).toBe(200);
      const response = await call(t, 'GET', '/v1/policy-probe/api-access', pro.authorization);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        code: 'plan.upgrade_required',
        requiredPlan: 'premium',
        feature: 'apiAccess',
      });
    });

    it('lets premium users and admins use every feature', async () => {
      for (const session of [premium, admin]) {
        for (const url of ['/v1/policy-probe/ai', '/v1/policy-probe/api-access']) {
          expect((await call(t, 'GET', url, session.authorization)).statusCode).toBe(200);
        }
      }
    });

    it('authenticates before it authorizes: no token is 401, not 403', async () => {
      const response = await call(t, 'GET', '/v1/policy-probe/ai');
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.unauthenticated');
    });

    it('lets every signed-in user reach a route that needs no feature', async () => {
      const response = await call(t, 'GET', '/v1/policy-probe/signed-in', free.authorization);
      expect(response.statusCode).toBe(200);
    });
  });

  describe('BFLA: admin routes', () => {
    const adminRoutes = [
      ['GET', '/v1/admin/users'],
      ['PATCH', '/v1/admin/users/01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f'],
      ['GET', '/v1/admin/audit/events'],
      ['GET', '/v1/admin/outbox'],
    ] as const;

    it.each(adminRoutes)(
      '%s %s answers 403 auth.forbidden to free and premium users',
      async (method, url) => {
        for (const session of [free, premium]) {
          const response = await call(t, method, url, session.authorization, { tier: 'premium' });
          expect(response.statusCode).toBe(403);
          expect(response.json().code).toBe('auth.forbidden');
        }
        const me = await call(t, 'GET', '/v1/me', free.authorization);
        expect(me.json().tier).toBe('free'); // the PATCH above changed nothing
      },
    );

    it('lets the admin in', async () => {
      expect((await call(t, 'GET', '/v1/admin/users', admin.authorization)).statusCode).toBe(200);
    });
  });

  describe('a new plan or role takes effect at once', () => {
    it('upgrade: the same access token gets the new plan at once, on every replica', async () => {
      const user = await signIn(t, 'free@example.test', PASSWORD);
      const replica = await TestApp.create({
        role: 'api',
        replicaOf: t,
        extra: [PolicyProbeModule],
        probeRoutes: /^\/v1\/policy-probe\//,
      });
      try {
        // Both replicas have the user's row cached as free.
        for (const app of [t, replica]) {
          expect(
            (await call(app, 'GET', '/v1/policy-probe/ai', user.authorization)).statusCode,
          ).toBe(403);
        }
        const patch = await call(t, 'PATCH', `/v1/admin/users/${ids.free}`, admin.authorization, {
          tier: 'pro',
        });
        expect(patch.statusCode).toBe(200);
        expect((await call(t, 'GET', '/v1/policy-probe/ai', user.authorization)).statusCode).toBe(
          200,
        );
        // The other replica's cached row is dropped by the broadcast.
        await eventually(async () => {
          const response = await call(replica, 'GET', '/v1/policy-probe/ai', user.authorization);
          return response.statusCode === 200;
        });
      } finally {
        await replica.close();
      }
    });

    it('downgrade: a pro token cannot keep using pro features', async () => {
      const user = await signIn(t, 'pro@example.test', PASSWORD);
      expect((await call(t, 'GET', '/v1/policy-probe/ai', user.authorization)).statusCode).toBe(
        200,
      );
      await call(t, 'PATCH', `/v1/admin/users/${ids.pro}`, admin.authorization, { tier: 'free' });

      const response = await call(t, 'GET', '/v1/policy-probe/ai', user.authorization);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('plan.upgrade_required');
      const renewed = await refresh(t, user);
      expect((await call(t, 'GET', '/v1/policy-probe/ai', renewed.authorization)).statusCode).toBe(
        403,
      );
    });

    it('demotion: a demoted admin loses admin routes without signing out', async () => {
      const id = await createUser(t, {
        email: 'second-admin@example.test',
        password: PASSWORD,
        role: 'admin',
      });
      const other = await signIn(t, 'second-admin@example.test', PASSWORD);
      expect((await call(t, 'GET', '/v1/admin/users', other.authorization)).statusCode).toBe(200);

      const patch = await call(t, 'PATCH', `/v1/admin/users/${id}`, admin.authorization, {
        role: 'user',
      });
      expect(patch.json()).toMatchObject({ role: 'user' });
      expect((await call(t, 'GET', '/v1/admin/users', other.authorization)).statusCode).toBe(401);
      const renewed = await refresh(t, other);
      const response = await call(t, 'GET', '/v1/admin/users', renewed.authorization);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('auth.forbidden');
    });
  });
});
