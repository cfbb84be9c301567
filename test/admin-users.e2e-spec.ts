import { TestApp } from '@lib/testing';
import {
  auditEvents,
  call,
  createUser,
  login,
  signIn,
  signInAsAdmin,
  type Session,
} from './support/accounts';

interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: string;
  tier: string;
  locked: boolean;
  lockedUntil: string | null;
  failedLogins: number;
  disabled: boolean;
  disabledAt: string | null;
}

interface Page {
  items: AdminUser[];
  nextCursor: string | null;
}

const PASSWORD = 'a-long-password-for-tests';

describe('admin user management', () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  const ids: Record<string, string> = {};

  const list = async (query = '') => {
    const response = await call(t, 'GET', `/v1/admin/users${query}`, admin.authorization);
    expect(response.statusCode).toBe(200);
    return response.json<Page>();
  };
  const patch = (id: string, body: object) =>
    call(t, 'PATCH', `/v1/admin/users/${id}`, admin.authorization, body);

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    const people = [
      ['ada@example.test', 'Ada Lovelace', 'pro'],
      ['grace@example.test', 'Grace Hopper', 'premium'],
      ['alan@example.test', 'Alan Turing', 'free'],
      ['edsger@example.test', 'Edsger 100%_Dijkstra', 'free'],
      ['barbara@example.test', 'Barbara Liskov', 'pro'],
    ] as const;
    for (const [email, name, tier] of people) {
      ids[email.split('@')[0]] = await createUser(t, { email, name, tier, password: PASSWORD });
    }
    admin = await signInAsAdmin(t);
    adminId = (await call(t, 'GET', '/v1/me', admin.authorization)).json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /v1/admin/users', () => {
    it('lists every user, newest first, without secrets', async () => {
      const page = await list();
      expect(page.items.map((u) => u.email)).toEqual([
        'barbara@example.test',
        'edsger@example.test',
        'alan@example.test',
        'grace@example.test',
        'ada@example.test',
        t.config.env.ADMIN_EMAIL,
      ]);
      expect(page.nextCursor).toBeNull();
      expect(page.items[0]).toMatchObject({
        tier: 'pro',
        role: 'user',
        locked: false,
        lockedUntil: null,
        failedLogins: 0,
        disabled: false,
      });
      expect(JSON.stringify(page)).not.toMatch(/password|hash/i);
    });

    it('searches email and name, case-insensitively, taking % and _ literally', async () => {
      expect((await list('?q=ADA')).items.map((u) => u.email)).toEqual(['ada@example.test']);
      expect((await list('?q=hopper')).items.map((u) => u.email)).toEqual(['grace@example.test']);
      expect((await list('?q=100%25_')).items.map((u) => u.email)).toEqual(['edsger@example.test']);
      expect((await list('?q=%25')).items.map((u) => u.email)).toEqual(['edsger@example.test']);
      expect((await list('?q=_a')).items).toEqual([]);
    });

    it('filters by plan and role', async () => {
      expect((await list('?tier=pro')).items.map((u) => u.email)).toEqual([
        'barbara@example.test',
        'ada@example.test',
      ]);
      expect((await list('?role=admin')).items.map((u) => u.id)).toEqual([adminId]);
      expect((await list('?tier=pro&q=barbara')).items).toHaveLength(1);
    });

    it('pages with a cursor, each user once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual((await list()).items.map((u) => u.id));
    });

    it('refuses bad filters and tampered cursors with 400', async () => {
      for (const query of ['?tier=gold', '?role=root', '?limit=1000', '?unknown=1']) {
        const response = await call(t, 'GET', `/v1/admin/users${query}`, admin.authorization);
        expect(response.statusCode).toBe(400);
      }
      const notACursor = Buffer.from(JSON.stringify({ id: "1' or 1=1" })).toString('base64url');
      for (const cursor of ['garbage', notACursor]) {
        const response = await call(
          t,
          'GET',
          `/v1/admin/users?cursor=${cursor}`,
          admin.authorization,
        );
        expect(response.statusCode).toBe(400);
        expect(response.json().code).toBe('pagination.invalid_cursor');
      }
    });
  });

  describe('PATCH /v1/admin/users/{id}', () => {
    it('changes the plan and records it once on the user stream, with the admin as actor', async () => {
      const response = await patch(ids.alan, { tier: 'premium' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: ids.alan, tier: 'premium', role: 'user' });
      expect((await patch(ids.alan, { tier: 'premium' })).statusCode).toBe(200); // no change

      const events = await auditEvents(t, admin, 'identity.user_tier_changed', ids.alan);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        payload: { from: 'free', to: 'premium' },
        metadata: { actor: { type: 'user', id: adminId } },
      });
    });

    it('changes the role', async () => {
      expect((await patch(ids.barbara, { role: 'admin' })).json().role).toBe('admin');
      expect((await patch(ids.barbara, { role: 'user' })).json().role).toBe('user');
      const events = await auditEvents(t, admin, 'identity.user_role_changed', ids.barbara);
      expect(events.map((e) => e.payload)).toEqual([
        { from: 'admin', to: 'user' },
        { from: 'user', to: 'admin' },
      ]);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const unknown = await patch('01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f', { tier: 'pro' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('resource.not_found');
      expect((await patch('not-a-uuid', { tier: 'pro' })).statusCode).toBe(400);
    });

    it('refuses mass assignment: unknown or invalid fields are a 400 and change nothing', async () => {
      for (const body of [
        { email: 'evil@example.test' },
        { passwordHash: 'x' },
        { failedLogins: 0 },
        { lockedUntil: '2100-01-01T00:00:00Z' },
        { tier: 'pro', name: 'Renamed' },
        { tier: 'gold' },
        { locked: 'yes' },
      ]) {
        const response = await patch(ids.grace, body);
        expect(response.statusCode).toBe(400);
        expect(response.json().code).toBe('validation.failed');
      }
      const [grace] = (await list('?q=grace')).items;
      expect(grace).toMatchObject({
        email: 'grace@example.test',
        name: 'Grace Hopper',
        tier: 'premium',
      });
    });

    it('does not let an admin disable, lock or demote themselves (409)', async () => {
      for (const body of [{ disabled: true }, { locked: true }, { role: 'user' }]) {
        const response = await patch(adminId, body);
        expect(response.statusCode).toBe(409);
        expect(response.json().code).toBe('users.self_lockout');
      }
      const [me] = (await list('?role=admin')).items;
      expect(me).toMatchObject({ role: 'admin', disabled: false, locked: false });
      expect((await call(t, 'GET', '/v1/me', admin.authorization)).statusCode).toBe(200);
    });

    it('locks sign-in until an admin unlocks, even with the right password', async () => {
      const before = await login(t, 'ada@example.test', 'wrong-password-here');
      expect(before.statusCode).toBe(401);
      const locked = await patch(ids.ada, { locked: true });
      expect(locked.json()).toMatchObject({ locked: true, lockedUntil: expect.any(String) });
      const lockedUntil = new Date(locked.json().lockedUntil).getTime();
      expect(lockedUntil - Date.now()).toBeGreaterThan(800_000); // LOGIN_LOCK_SECONDS, 900 by default

      const refused = await login(t, 'ada@example.test', PASSWORD);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('auth.invalid_credentials');

      const unlocked = await patch(ids.ada, { locked: false });
      expect(unlocked.json()).toMatchObject({ locked: false, lockedUntil: null, failedLogins: 0 });
      expect((await login(t, 'ada@example.test', PASSWORD)).statusCode).toBe(200);
      expect(await auditEvents(t, admin, 'identity.user_locked', ids.ada)).toHaveLength(1);
      expect(await auditEvents(t, admin, 'identity.user_unlocked', ids.ada)).toHaveLength(1);
    });

    it('disabling ends every session at once and refuses sign-in until re-enabled', async () => {
      const phone = await signIn(t, 'grace@example.test', PASSWORD);
      const laptop = await signIn(t, 'grace@example.test', PASSWORD);
      const wrongPassword = await login(t, 'grace@example.test', 'not-her-password');

      const response = await patch(ids.grace, { disabled: true });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ disabled: true, disabledAt: expect.any(String) });

      for (const session of [phone, laptop]) {
        const me = await call(t, 'GET', '/v1/me', session.authorization);
        expect(me.statusCode).toBe(401);
        expect(me.json().code).toBe('auth.invalid_token');
        const renewed = await t.inject({
          method: 'POST',
          url: '/v1/auth/refresh',
          payload: { refreshToken: session.refreshToken },
        });
        expect(renewed.statusCode).toBe(401);
      }
      // The right password gets the very answer a wrong one gets: nothing tells the account apart.
      const refused = await login(t, 'grace@example.test', PASSWORD);
      expect(refused.statusCode).toBe(401);
      const comparable = (body: Record<string, unknown>) => {
        const { requestId: _r, ...rest } = body;
        return rest;
      };
      expect(comparable(refused.json())).toEqual(comparable(wrongPassword.json()));

      expect(await auditEvents(t, admin, 'identity.user_disabled', ids.grace)).toHaveLength(1);
      const ended = await auditEvents(t, admin, 'identity.session_ended');
      expect(
        ended.filter(
          (e) => e.payload.userId === ids.grace && e.payload.reason === 'account_disabled',
        ),
      ).toHaveLength(2);
      const failures = await auditEvents(t, admin, 'security.login_failed');
      expect(failures.some((e) => e.payload.reason === 'account_disabled')).toBe(true);

      const enabled = await patch(ids.grace, { disabled: false });
      expect(enabled.json()).toMatchObject({ disabled: false, disabledAt: null });
      expect((await login(t, 'grace@example.test', PASSWORD)).statusCode).toBe(200);
      expect(await auditEvents(t, admin, 'identity.user_enabled', ids.grace)).toHaveLength(1);
    });
  });
});
