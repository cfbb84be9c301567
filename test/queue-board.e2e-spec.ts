import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { QUEUES } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { call, createUser, signIn, signInAsAdmin, type Session } from './support/accounts';

const PASSWORD = 'a-long-password-for-tests';
const BOARD = '/admin/queues';
const TEST_JOB = 'console-test';

describe('queues console (Bull Board at /admin/queues)', () => {
  let t: TestApp;
  let admin: Session;
  let user: Session;
  let queue: Queue;

  const board = (
    url: string,
    headers: Record<string, string> = {},
    method: 'GET' | 'PUT' = 'GET',
  ) => t.inject({ method, url: `${BOARD}${url}`, headers });

  /** A job on the `newsletter` queue whose first run fails (a test handler; the app runs no worker). */
  async function failedJob(): Promise<string> {
    const job = await queue.add(TEST_JOB, { campaignId: 'console-test' }, { attempts: 1 });
    await eventually(async () => (await job.getState()) === 'failed');
    return String(job.id);
  }

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    queue = t.get<Queue>(getQueueToken(QUEUES.newsletter));
    const runs = new Map<string, number>();
    void queue.process(TEST_JOB, (job) => {
      const run = (runs.get(String(job.id)) ?? 0) + 1;
      runs.set(String(job.id), run);
      return run === 1 ? Promise.reject(new Error('first run fails')) : Promise.resolve();
    });
    await createUser(t, { email: 'user@example.test', password: PASSWORD });
    admin = await signInAsAdmin(t);
    user = await signIn(t, 'user@example.test', PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses anonymous callers with 401 and non-admins with 403, UI and API alike', async () => {
    for (const url of ['', '/api/queues']) {
      const anonymous = await board(url);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      expect(anonymous.json<{ code: string }>().code).toBe('auth.unauthenticated');
      const forged = await board(url, { authorization: 'Bearer not.a.token' });
      expect(forged.statusCode).toBe(401);
      const nonAdmin = await board(url, { authorization: user.authorization });
      expect(nonAdmin.statusCode).toBe(403);
      expect(nonAdmin.json<{ code: string }>().code).toBe('auth.forbidden');
      // The cookie holds a session id, never a token: a token put there opens nothing.
      const tokenCookie = await board(url, { cookie: `queue_board=${admin.accessToken}` });
      expect(tokenCookie.statusCode).toBe(401);
    }
    const retry = await board(`/api/queues/newsletter/1/retry`, {}, 'PUT');
    expect(retry.statusCode).toBe(401);
  });

  it('refuses impersonation tokens', async () => {
    const me = await call(t, 'GET', '/v1/me', user.authorization);
    const started = await call(
      t,
      'POST',
      `/v1/admin/users/${me.json<{ id: string }>().id}/impersonation`,
      admin.authorization,
      { reason: 'Queue console check' },
    );
    expect(started.statusCode).toBe(201);
    const token = started.json<{ accessToken: string }>().accessToken;
    const response = await board('/api/queues', { authorization: `Bearer ${token}` });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ code: string }>().code).toBe('auth.impersonation_read_only');
  });

  it('serves admins the UI, with its assets from the npm package (no CDN)', async () => {
    const page = await board('', { authorization: admin.authorization });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Career Tools queues');
    expect(page.body).toContain(`<base href="${BOARD}/"`);
    // Scripts and styles are relative to the base: served from @bull-board/ui by the app itself.
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(3);
    for (const asset of assets) {
      expect(asset).toMatch(/^static\//);
      const file = await board(`/${asset}`, { authorization: admin.authorization });
      expect(file.statusCode).toBe(200);
    }
    // The template's one external link (a web font) is blocked by the page's CSP: nothing loads from a CDN.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(csp).not.toContain('googleapis');
  });

  it('lists every queue to admins as JSON, by bearer token or by the console cookie', async () => {
    const byBearer = await board('/api/queues', { authorization: admin.authorization });
    expect(byBearer.statusCode).toBe(200);
    const names = byBearer.json<{ queues: { name: string }[] }>().queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(QUEUES)));

    const session = await call(t, 'POST', '/v1/admin/queues/session', admin.authorization);
    expect(session.statusCode).toBe(200);
    const setCookie = String(session.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^queue_board=[^;]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie.split(';')[0];
    const byCookie = await board('/api/queues', { cookie });
    expect(byCookie.statusCode).toBe(200);

    const refused = await call(t, 'POST', '/v1/admin/queues/session', user.authorization);
    expect(refused.statusCode).toBe(403);
  });

  it('keeps no token in the cookie: an opaque short-lived session that ends with the sign-out', async () => {
    const other = await signInAsAdmin(t);
    const session = await call(t, 'POST', '/v1/admin/queues/session', other.authorization);
    const setCookie = String(session.headers['set-cookie']);
    const value = setCookie.split(';')[0].slice('queue_board='.length);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, not a JWT
    expect(value).not.toContain(other.accessToken);
    expect(other.accessToken).not.toContain(value);
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)![1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(15 * 60);
    const expiresAt = Date.parse(session.json<{ expiresAt: string }>().expiresAt);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    // The value is not a bearer token anywhere else.
    const asBearer = await call(t, 'GET', '/v1/me', `Bearer ${value}`);
    expect(asBearer.statusCode).toBe(401);

    const cookie = `queue_board=${value}`;
    expect((await board('/api/queues', { cookie })).statusCode).toBe(200);
    expect((await call(t, 'POST', '/v1/auth/logout', other.authorization)).statusCode).toBe(204);
    const afterLogout = await board('/api/queues', { cookie });
    expect(afterLogout.statusCode).toBe(401);
    expect(afterLogout.json<{ code: string }>().code).toBe('auth.invalid_token');
  });

  it('retries and removes a failed job through its API', async () => {
    const auth = { authorization: admin.authorization };
    const retried = await failedJob();
    const retry = await board(`/api/queues/${QUEUES.newsletter}/${retried}/retry`, auth, 'PUT');
    expect(retry.statusCode).toBe(204);
    // Retried, it runs again, and the second run succeeds.
    await eventually(async () => (await (await queue.getJob(retried))!.getState()) === 'completed');

    const removed = await failedJob();
    const clean = await board(`/api/queues/${QUEUES.newsletter}/${removed}/clean`, auth, 'PUT');
    expect(clean.statusCode).toBe(204);
    expect(await queue.getJob(removed)).toBeNull();
  });
});
