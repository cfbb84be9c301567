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
      const userCookie = await board(url, { cookie: `queue_board=${user.accessToken}` });
      expect(userCookie.statusCode).toBe(403);
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
