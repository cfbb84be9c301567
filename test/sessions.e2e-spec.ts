import { UnitOfWork } from '@lib/event-store';
import { TestApp, eventually } from '@lib/testing';
import { User } from '../src/modules/identity';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

async function createUser(t: TestApp, email: string, password: string): Promise<void> {
  const bcrypt = await import('bcrypt');
  const passwordHash = await bcrypt.hash(password, 4);
  await t.get(UnitOfWork).run((em) => {
    em.persist(User.register({ email, passwordHash, name: email.split('@')[0] }));
    return Promise.resolve();
  });
}

function api(t: TestApp) {
  return {
    login: async (email: string, password: string, userAgent = 'jest') => {
      const res = await t.inject({
        method: 'POST',
        url: '/v1/auth/login',
        headers: { 'user-agent': userAgent },
        payload: { email, password },
        // A fresh client address per sign-in keeps these tests clear of the auth rate limit.
        remoteAddress: `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
      });
      expect(res.statusCode).toBe(200);
      return res.json<Pair>();
    },
    refresh: (refreshToken: string) =>
      t.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } }),
    get: (url: string, accessToken: string) =>
      t.inject({ method: 'GET', url, headers: { authorization: `Bearer ${accessToken}` } }),
    post: (url: string, accessToken: string) =>
      t.inject({ method: 'POST', url, headers: { authorization: `Bearer ${accessToken}` } }),
    del: (url: string, accessToken: string) =>
      t.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${accessToken}` } }),
  };
}

describe('sessions and refresh-token rotation', () => {
  let t: TestApp;
  let replica: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'api', env: { REFRESH_REUSE_GRACE_SECONDS: '2' } });
    replica = await TestApp.create({
      role: 'api',
      replicaOf: t,
      env: { REFRESH_REUSE_GRACE_SECONDS: '2' },
    });
    await createUser(t, 'ada@example.test', 'ada-password-123');
    await createUser(t, 'bob@example.test', 'bob-password-123');
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  it('signs in with a refresh token and reads /v1/me without secrets', async () => {
    const pair = await api(t).login('ada@example.test', 'ada-password-123');
    expect(pair.refreshToken).toMatch(/^rt_/);
    const me = await api(t).get('/v1/me', pair.accessToken);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'ada@example.test', tier: 'free', role: 'user' });
    expect(me.body).not.toMatch(/password|hash/i);
  });

  it('rotates on every refresh; replaying an old token after the grace window ends the family', async () => {
    const a = api(t);
    const first = await a.login('ada@example.test', 'ada-password-123');
    let current = first;
    for (let i = 0; i < 3; i += 1) {
      const res = await a.refresh(current.refreshToken);
      expect(res.statusCode).toBe(200);
      const next = res.json<Pair>();
      expect(next.refreshToken).not.toBe(current.refreshToken);
      current = next;
    }
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the grace window

    const replay = await a.refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.invalid_refresh_token');
    expect((await a.refresh(current.refreshToken)).statusCode).toBe(401);
    expect((await a.get('/v1/me', current.accessToken)).statusCode).toBe(401);
    expect((await api(replica).get('/v1/me', current.accessToken)).statusCode).toBe(401);

    const admin = await t.adminAuthorization();
    const events = await t.inject({
      method: 'GET',
      url: '/v1/admin/audit/events?type=security.refresh_token_reused',
      headers: { authorization: admin },
    });
    expect(events.json().items).toHaveLength(1);
  });

  it('gives a client that lost the response the same new token within the grace window', async () => {
    const a = api(t);
    const pair = await a.login('ada@example.test', 'ada-password-123');
    const [one, two] = await Promise.all([
      a.refresh(pair.refreshToken),
      a.refresh(pair.refreshToken),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(one.json().refreshToken).toBe(two.json().refreshToken);
    // Exactly one valid family continues from there.
    const next = await a.refresh(one.json().refreshToken);
    expect(next.statusCode).toBe(200);
    expect((await a.get('/v1/me', next.json().accessToken)).statusCode).toBe(200);
  });

  it('logout denies the access token on every replica and ends its refresh tokens', async () => {
    const pair = await api(t).login('ada@example.test', 'ada-password-123');
    expect((await api(replica).get('/v1/me', pair.accessToken)).statusCode).toBe(200);
    expect((await api(t).post('/v1/auth/logout', pair.accessToken)).statusCode).toBe(204);
    expect((await api(t).get('/v1/me', pair.accessToken)).statusCode).toBe(401);
    // The other replica learns of the denial over pub/sub, a moment after the logout answered.
    await eventually(
      async () => (await api(replica).get('/v1/me', pair.accessToken)).statusCode === 401,
      2000,
    );
    expect((await api(t).refresh(pair.refreshToken)).statusCode).toBe(401);
  });

  it('lists sessions, ends one, and answers 404 for another user’s session', async () => {
    const a = api(t);
    const phone = await a.login('bob@example.test', 'bob-password-123', 'Phone');
    const laptop = await a.login('bob@example.test', 'bob-password-123', 'Laptop');
    const list = await a.get('/v1/me/sessions', laptop.accessToken);
    const sessions = list.json<{ id: string; device: string; current: boolean }[]>();
    expect(sessions.map((s) => s.device).sort()).toEqual(['Laptop', 'Phone']);
    expect(sessions.find((s) => s.current)?.device).toBe('Laptop');
    const phoneSession = sessions.find((s) => s.device === 'Phone')!;

    const ada = await a.login('ada@example.test', 'ada-password-123');
    expect((await a.del(`/v1/me/sessions/${phoneSession.id}`, ada.accessToken)).statusCode).toBe(
      404,
    );
    expect((await a.get('/v1/me', phone.accessToken)).statusCode).toBe(200);

    expect((await a.del(`/v1/me/sessions/${phoneSession.id}`, laptop.accessToken)).statusCode).toBe(
      204,
    );
    expect((await a.get('/v1/me', phone.accessToken)).statusCode).toBe(401);
    expect((await a.refresh(phone.refreshToken)).statusCode).toBe(401);
    expect((await a.get('/v1/me', laptop.accessToken)).statusCode).toBe(200);
  });

  it('logout-all ends every session of the user only', async () => {
    const a = api(t);
    const one = await a.login('bob@example.test', 'bob-password-123');
    const two = await a.login('bob@example.test', 'bob-password-123');
    const ada = await a.login('ada@example.test', 'ada-password-123');
    const bobId = (await a.get('/v1/me', one.accessToken)).json().id;
    expect((await a.post('/v1/auth/logout-all', one.accessToken)).statusCode).toBe(204);
    const ended = await t.inject({
      method: 'GET',
      url: `/v1/admin/audit/events?type=identity.session_ended&actor=${bobId}`,
      headers: { authorization: await t.adminAuthorization() },
    });
    // The events of an authenticated request name its caller as the actor.
    expect(ended.json().items.length).toBeGreaterThanOrEqual(2);
    expect(ended.json().items[0].metadata).toMatchObject({
      actor: { type: 'user', id: bobId },
      ip: expect.any(String),
    });
    expect((await a.get('/v1/me', two.accessToken)).statusCode).toBe(401);
    expect((await a.refresh(two.refreshToken)).statusCode).toBe(401);
    expect((await a.get('/v1/me', ada.accessToken)).statusCode).toBe(200);
  });

  it('rejects malformed refresh tokens with a 400 problem', async () => {
    const res = await api(t).refresh('not a token');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('$.refreshToken');
  });
});
