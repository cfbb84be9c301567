import { TestApp } from '@lib/testing';

describe('security monitoring for admins', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    admin = await t.adminAuthorization();
    for (const ip of ['192.0.2.1', '192.0.2.1', '192.0.2.1', '192.0.2.2']) {
      const res = await t.inject({
        method: 'POST',
        url: '/v1/auth/login',
        remoteAddress: ip,
        payload: { email: 'nobody@example.test', password: 'wrong-password-1' },
      });
      expect(res.statusCode).toBe(401);
    }
  });
  afterAll(() => t.close());

  const get = (url: string) => t.inject({ method: 'GET', url, headers: { authorization: admin } });

  it('lists only security events, filterable by type and IP', async () => {
    const all = (await get('/v1/admin/security/events')).json<{ items: { type: string }[] }>();
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    expect(all.items.every((e) => e.type.startsWith('security.'))).toBe(true);

    const fromOne = await get(
      '/v1/admin/security/events?type=security.login_failed&ip=192.0.2.1&limit=2',
    );
    const page = fromOne.json<{
      items: { metadata: { ip: string } }[];
      nextCursor: string | null;
    }>();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((e) => e.metadata.ip === '192.0.2.1')).toBe(true);
    const rest = await get(
      `/v1/admin/security/events?ip=192.0.2.1&limit=2&cursor=${page.nextCursor}`,
    );
    expect(rest.json().items).toHaveLength(1);
  });

  it('summarises counts per type per hour and the top IPs', async () => {
    const res = await get('/v1/admin/security/summary');
    expect(res.statusCode).toBe(200);
    const summary = res.json<{
      perHour: { type: string; count: number }[];
      topIps: { ip: string; count: number }[];
    }>();
    const failed = summary.perHour.filter((h) => h.type === 'security.login_failed');
    expect(failed.reduce((n, h) => n + h.count, 0)).toBe(4);
    expect(summary.topIps[0]).toEqual({ ip: '192.0.2.1', count: 3 });
  });

  it('records rejected tokens and denied permissions, once per source and minute', async () => {
    for (let i = 0; i < 3; i += 1) {
      const forged = await t.inject({
        method: 'GET',
        url: '/v1/me',
        remoteAddress: '192.0.2.50',
        headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
      });
      expect(forged.statusCode).toBe(401);
    }
    const rejected = await get(
      '/v1/admin/security/events?type=security.token_rejected&ip=192.0.2.50',
    );
    expect(rejected.json().items).toHaveLength(1);
    expect(rejected.json().items[0].payload).toEqual({ reason: 'invalid', route: '/v1/me' });

    const user = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      remoteAddress: '192.0.2.60',
      payload: { email: 'curious@example.test', password: 'curious-passphrase-1', name: 'Curious' },
    });
    const token = user.json<{ accessToken: string; user: { id: string } }>();
    for (let i = 0; i < 2; i += 1) {
      const denied = await t.inject({
        method: 'GET',
        url: '/v1/admin/users',
        remoteAddress: '192.0.2.60',
        headers: { authorization: `Bearer ${token.accessToken}` },
      });
      expect(denied.statusCode).toBe(403);
    }
    const denials = await get(
      '/v1/admin/security/events?type=security.permission_denied&ip=192.0.2.60',
    );
    expect(denials.json().items).toHaveLength(1);
    expect(denials.json().items[0].payload).toEqual({
      userId: token.user.id,
      route: 'GET /v1/admin/users',
      code: 'auth.forbidden',
    });
  });

  it('validates its filters and is for admins only', async () => {
    expect((await get('/v1/admin/security/events?type=identity.user_logged_in')).statusCode).toBe(
      400,
    );
    expect((await get('/v1/admin/security/events?ip=not-an-ip')).statusCode).toBe(400);
    expect((await get('/v1/admin/security/summary?hours=1000')).statusCode).toBe(400);
    expect((await t.inject({ method: 'GET', url: '/v1/admin/security/summary' })).statusCode).toBe(
      401,
    );
  });
});
