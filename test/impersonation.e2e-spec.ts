import { TestApp } from '@lib/testing';
import {
  auditEvents,
  call,
  createUser,
  signIn,
  signInAsAdmin,
  type Session,
} from './support/accounts';

interface Impersonation {
  sessionId: string;
  userId: string;
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  expiresAt: string;
  readOnly: boolean;
}

interface SessionRow {
  id: string;
  current: boolean;
  expiresAt: string;
  impersonation: { adminId: string; reason: string } | null;
}

const PASSWORD = 'a-long-password-for-tests';
const REASON = 'Ticket #4521: the CV export fails';

describe('admin impersonation (read-only support sessions)', () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  let adaId: string;
  let ada: Session;

  const impersonate = (userId: string, body: object, as: Session = admin) =>
    call(t, 'POST', `/v1/admin/users/${userId}/impersonation`, as.authorization, body);

  const start = async (body: object = { reason: REASON }): Promise<Impersonation> => {
    const response = await impersonate(adaId, body);
    expect(response.statusCode).toBe(201);
    return response.json<Impersonation>();
  };

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    adaId = await createUser(t, { email: 'ada@example.test', password: PASSWORD, tier: 'pro' });
    await createUser(t, { email: 'root2@example.test', password: PASSWORD, role: 'admin' });
    ada = await signIn(t, 'ada@example.test', PASSWORD);
    admin = await signInAsAdmin(t);
    adminId = (await call(t, 'GET', '/v1/me', admin.authorization)).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the admin a short-lived token that reads as the user', async () => {
    const before = Date.now();
    const session = await start({ reason: REASON, minutes: 10 });
    expect(session).toMatchObject({ userId: adaId, tokenType: 'Bearer', readOnly: true });
    expect(session.expiresIn).toBeGreaterThan(590);
    expect(session.expiresIn).toBeLessThanOrEqual(600);
    expect(Date.parse(session.expiresAt) - before).toBeLessThanOrEqual(600_000 + 1000);
    expect(session).not.toHaveProperty('refreshToken');

    const me = await call(t, 'GET', '/v1/me', `Bearer ${session.accessToken}`);
    expect(me.statusCode).toBe(200);
    expect(me.json<{ id: string; email: string }>()).toMatchObject({
      id: adaId,
      email: 'ada@example.test',
    });
  });

  it('refuses every write made with the token, in one place, and changes nothing', async () => {
    const { accessToken } = await start();
    const bearer = `Bearer ${accessToken}`;
    const writes = [
      call(t, 'PATCH', '/v1/me', bearer, { name: 'Hacked' }),
      call(t, 'POST', '/v1/me/api-keys', bearer, { name: 'k', scopes: ['cvs:read'] }),
      call(t, 'POST', '/v1/cvs', bearer, { title: 'Impersonated' }),
      call(t, 'DELETE', '/v1/me', bearer),
      call(t, 'POST', `/v1/admin/users/${adaId}/impersonation`, bearer, { reason: REASON }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.statusCode).toBe(403);
      expect(response.json<{ code: string }>().code).toBe('auth.impersonation_read_only');
    }
    const me = await call(t, 'GET', '/v1/me', ada.authorization);
    expect(me.json<{ name: string }>().name).not.toBe('Hacked');
    const cvs = await call(t, 'GET', '/v1/cvs', ada.authorization);
    expect(cvs.statusCode).toBe(200);
    expect(JSON.stringify(cvs.json())).not.toContain('Impersonated');
  });

  it('shows in the user’s sessions with the admin and the reason', async () => {
    const session = await start({ reason: 'Checking a billing question' });
    const list = await call(t, 'GET', '/v1/me/sessions', ada.authorization);
    expect(list.statusCode).toBe(200);
    const row = list.json<SessionRow[]>().find((s) => s.id === session.sessionId);
    expect(row).toMatchObject({
      current: false,
      expiresAt: session.expiresAt,
      impersonation: { adminId, reason: 'Checking a billing question' },
    });
    const own = list.json<SessionRow[]>().find((s) => s.impersonation === null);
    expect(own).toBeDefined();
  });

  it('records the start on the audit trail (admin, user, reason, expiry)', async () => {
    const session = await start({ reason: 'Audit trail check' });
    const events = await auditEvents(t, admin, 'identity.impersonation_started', session.sessionId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({
      userId: adaId,
      adminId,
      reason: 'Audit trail check',
      expiresAt: session.expiresAt,
    });
    expect(events[0].metadata.actor).toEqual({ type: 'user', id: adminId });
  });

  it('ends when the user ends it like any session', async () => {
    const session = await start();
    const bearer = `Bearer ${session.accessToken}`;
    expect((await call(t, 'GET', '/v1/me', bearer)).statusCode).toBe(200);
    const end = await call(t, 'DELETE', `/v1/me/sessions/${session.sessionId}`, ada.authorization);
    expect(end.statusCode).toBe(204);
    const after = await call(t, 'GET', '/v1/me', bearer);
    expect(after.statusCode).toBe(401);
    const list = await call(t, 'GET', '/v1/me/sessions', ada.authorization);
    expect(list.json<SessionRow[]>().map((s) => s.id)).not.toContain(session.sessionId);
  });

  it('refuses admins as targets, non-admin callers, unknown users and bad input', async () => {
    const admins = await call(t, 'GET', '/v1/admin/users?role=admin', admin.authorization);
    const otherAdmin = admins
      .json<{ items: { id: string; email: string }[] }>()
      .items.find((u) => u.email === 'root2@example.test')!;
    const refused = await impersonate(otherAdmin.id, { reason: REASON });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('users.impersonation_refused');
    expect((await impersonate(adminId, { reason: REASON })).statusCode).toBe(409);

    const byUser = await impersonate(adaId, { reason: REASON }, ada);
    expect(byUser.statusCode).toBe(403);
    expect(byUser.json<{ code: string }>().code).toBe('auth.forbidden');

    const unknown = await impersonate('01900000-0000-7000-8000-000000000000', { reason: REASON });
    expect(unknown.statusCode).toBe(404);

    for (const body of [{}, { reason: 'x' }, { reason: REASON, minutes: 31 }]) {
      const bad = await impersonate(adaId, body);
      expect(bad.statusCode).toBe(400);
    }
    const anonymous = await call(t, 'POST', `/v1/admin/users/${adaId}/impersonation`, undefined, {
      reason: REASON,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
