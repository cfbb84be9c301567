import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { eventJobId } from '@lib/event-store';
import { QUEUES } from '@lib/queue';
import { generate } from 'otplib';
import { eventually, TestApp } from '@lib/testing';
import { auditEvents, call, createUser, signInAsAdmin, type Session } from './support/accounts';

const PASSWORD = 'correct-horse-battery';
const USER_AGENT = 'EveBrowser/7.1 (deletion test)';

describe('DELETE /v1/me: erasing an account and crypto-shredding its personal data', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.create();
    admin = await signInAsAdmin(t);
  });
  afterAll(() => t.close());

  const sql = <T extends object>(query: string, params: unknown[] = []) =>
    t.get(EntityManager).fork().execute<T[]>(query, params);

  async function signInFrom(email: string, ip: string, otp?: string): Promise<Session> {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      remoteAddress: ip,
      headers: { 'user-agent': USER_AGENT },
      payload: { email, password: PASSWORD, ...(otp ? { otp } : {}) },
    });
    expect(res.statusCode).toBe(200);
    const pair = res.json<{ accessToken: string; refreshToken: string }>();
    return { ...pair, authorization: `Bearer ${pair.accessToken}` };
  }

  const deleteMe = (session: Session, payload: object, ip = '192.0.2.99') =>
    t.inject({
      method: 'DELETE',
      url: '/v1/me',
      remoteAddress: ip,
      headers: { authorization: session.authorization, 'user-agent': USER_AGENT },
      payload,
    });

  it('seals personal data per person, then erases the account so that nothing about it can be read', async () => {
    const eveId = await createUser(t, {
      email: 'eve@example.test',
      password: PASSWORD,
      tier: 'premium',
    });
    const bobId = await createUser(t, { email: 'bob@example.test', password: PASSWORD });
    const eve = await signInFrom('eve@example.test', '192.0.2.77');
    await signInFrom('bob@example.test', '192.0.2.78');
    const key = await call(t, 'POST', '/v1/me/api-keys', eve.authorization, {
      name: "Eve's secret side project",
      scopes: ['me:read'],
    });
    expect(key.statusCode).toBe(201);
    const apiKey = key.json<{ secret: string }>().secret;
    const cv = await call(t, 'POST', '/v1/cvs', eve.authorization, {
      title: 'Eve for ACME',
      document: { basics: { name: 'Eve Evergreen', email: 'eve.private@example.test' } },
    });
    expect(cv.statusCode).toBe(201);

    // Stored: neither the IP, nor the user agent, nor the key's name appear in clear.
    const stored = await sql<{ text: string }>(
      `select payload::text || metadata::text as text from event_store where metadata->>'subject' = ?`,
      [eveId],
    );
    expect(stored.length).toBeGreaterThan(1);
    for (const { text } of stored) {
      expect(text).not.toContain('192.0.2.77');
      expect(text).not.toContain('EveBrowser');
      expect(text).not.toContain('secret side project');
      expect(text).not.toContain('Evergreen');
    }
    // Read back by an admin: unsealed, and still found by IP.
    const [created] = await auditEvents(t, admin, 'identity.api_key_created');
    expect(created.payload.name).toBe("Eve's secret side project");
    const byIp = await call(
      t,
      'GET',
      '/v1/admin/audit/events?type=identity.session_started&limit=10',
      admin.authorization,
    );
    const eveSession = byIp
      .json<{
        items: { payload: { userId: string }; metadata: { ip?: string; userAgent?: string } }[];
      }>()
      .items.find((e) => e.payload.userId === eveId);
    expect(eveSession?.metadata).toMatchObject({ ip: '192.0.2.77', userAgent: USER_AGENT });

    // Confirmation is required and a wrong one changes nothing.
    expect((await deleteMe(eve, {})).statusCode).toBe(400);
    const wrong = await deleteMe(eve, { password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_password');
    expect((await call(t, 'GET', '/v1/me', eve.authorization)).statusCode).toBe(200);

    // The request only commits the erasure and enqueues the rest: with this worker's
    // event jobs paused it still answers, the account is gone, its CVs not yet.
    const eventJobs = t.get<Queue>(getQueueToken(QUEUES.events));
    await eventJobs.pause(true);
    expect((await deleteMe(eve, { password: PASSWORD })).statusCode).toBe(204);
    expect(await sql(`select 1 from users where id = ?`, [eveId])).toHaveLength(0);
    expect(await sql(`select 1 from cvs where owner_id = ?`, [eveId])).toHaveLength(1);
    const [userDeleted] = await sql<{ id: string }>(
      `select id from event_store where type = 'identity.user_deleted' and stream_id = ?`,
      [eveId],
    );
    const erasures = [
      'EraseCvsOfDeletedUserHandler',
      'EraseExportsOfDeletedUserHandler',
      'DeleteFilesOfDeletedUserHandler',
      'EraseCoverLettersOfDeletedUserHandler',
      'EraseAiUsageOfDeletedUserHandler',
      'ForgetDeletedUserHandler',
    ].map((handler) => eventJobId(userDeleted.id, handler));
    for (const id of erasures) expect(await eventJobs.getJob(id)).not.toBeNull();
    await eventJobs.resume(true);
    // Then the jobs run to completion.
    await eventually(async () => {
      const jobs = await Promise.all(erasures.map((id) => eventJobs.getJob(id)));
      return (
        await Promise.all(jobs.map((job) => job?.isCompleted() ?? Promise.resolve(false)))
      ).every(Boolean);
    }, 20000);

    // Signed out everywhere, unable to sign in, the key dead, the account gone.
    expect((await call(t, 'GET', '/v1/me', eve.authorization)).statusCode).toBe(401);
    const refresh = await t.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: eve.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const relogin = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      remoteAddress: '192.0.2.80',
      payload: { email: 'eve@example.test', password: PASSWORD },
    });
    expect(relogin.statusCode).toBe(401);
    expect(
      (await t.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': apiKey } }))
        .statusCode,
    ).toBe(401);
    for (const table of ['users', 'refresh_tokens', 'api_keys', 'user_tokens', 'user_identities']) {
      const column = table === 'users' ? 'id' : 'user_id';
      expect(await sql(`select 1 from ${table} where ${column} = ?`, [eveId])).toHaveLength(0);
    }
    // Other modules erase what they hold once they see identity.user_deleted.
    await eventually(
      async () => (await sql(`select 1 from cvs where owner_id = ?`, [eveId])).length === 0,
    );
    await eventually(
      async () =>
        (await sql(`select 1 from analytics_events where user_id = ?`, [eveId])).length === 0,
    );
    const mails = await sql<{ template: string }>(
      `select template from mail_messages where recipients @> '["eve@example.test"]'::jsonb`,
    );
    expect(mails.map((m) => m.template)).toEqual(['account-deleted']);

    // The audit trail keeps what happened, but nothing about who it was: the key is gone.
    expect(
      await sql(`select 1 from personal_data_keys where subject_id = ? and sealed_key is null`, [
        eveId,
      ]),
    ).toHaveLength(1);
    const [erasedKey] = await auditEvents(t, admin, 'identity.api_key_created');
    expect(erasedKey.payload.name).toBeUndefined();
    expect(erasedKey.metadata).toMatchObject({ erased: true });
    expect(erasedKey.metadata).not.toHaveProperty('ip');
    const [deleted] = await auditEvents(t, admin, 'identity.user_deleted', eveId);
    expect(deleted.metadata).toMatchObject({ subject: eveId, erased: true });
    expect(JSON.stringify(deleted)).not.toContain('192.0.2.99');

    // Other people's data is untouched, and the hash chain still verifies.
    const bobSession = (await auditEvents(t, admin, 'identity.session_started')).find(
      (e) => e.payload.userId === bobId,
    );
    expect(bobSession?.metadata.ip).toBe('192.0.2.78');
    const verify = await call(t, 'GET', '/v1/admin/audit/verify', admin.authorization);
    expect(verify.json()).toMatchObject({ valid: true });

    // The address is free again.
    const again = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      remoteAddress: '192.0.2.81',
      payload: { email: 'eve@example.test', password: 'violet-harbour-tram-1987', name: 'Eve' },
    });
    expect(again.statusCode).toBe(201);
  });

  it('asks for the second factor when two-factor authentication is on', async () => {
    await createUser(t, { email: 'mallory@example.test', password: PASSWORD });
    const session = await signInFrom('mallory@example.test', '192.0.2.90');
    const setup = await call(t, 'POST', '/v1/auth/2fa/setup', session.authorization);
    const { secret } = setup.json<{ secret: string }>();
    const step = (offset: number) =>
      generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
    const enable = await call(t, 'POST', '/v1/auth/2fa/enable', session.authorization, {
      otp: await step(-1),
    });
    expect(enable.statusCode).toBe(200);

    const missing = await deleteMe(session, { password: PASSWORD }, '192.0.2.91');
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('auth.mfa_required');
    const wrong = await deleteMe(session, { password: PASSWORD, otp: '000000' }, '192.0.2.92');
    expect(wrong.statusCode).toBe(401);
    expect((await call(t, 'GET', '/v1/me', session.authorization)).statusCode).toBe(200);

    const done = await deleteMe(session, { password: PASSWORD, otp: await step(0) }, '192.0.2.93');
    expect(done.statusCode).toBe(204);
    expect((await call(t, 'GET', '/v1/me', session.authorization)).statusCode).toBe(401);
  });
});
