import { getQueueToken } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { generate } from 'otplib';
import { QUEUES } from '@lib/queue';
import { eventually, TestApp } from '@lib/testing';
import { deliveredCopy } from './support/dev-mailbox';

interface Outboxed {
  id: string;
  to: string[];
  subject: string;
  text: string;
  template: string | null;
}

const randomIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe('accounts: registration, email verification, passwords, profile', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.create({ env: { FRONTEND_URL: 'https://app.career-tools.test' } });
    admin = await t.adminAuthorization();
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, token?: string) =>
    t.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: randomIp(),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const register = (email: string, password = 'violet-harbour-tram-1987', name = 'Ada') =>
    post('/v1/auth/register', { email, password, name });
  const login = (email: string, password: string) => post('/v1/auth/login', { email, password });
  const me = (token: string) =>
    t.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });

  /** The newest email to an address, read the way an admin would. */
  async function lastEmailTo(address: string, template: string): Promise<Outboxed> {
    return eventually(async () => {
      const res = await t.inject({
        method: 'GET',
        url: `/v1/admin/outbox?to=${encodeURIComponent(address)}`,
        headers: { authorization: admin },
      });
      return res.json<{ items: Outboxed[] }>().items.find((m) => m.template === template);
    });
  }
  /** The token of a delivered link: stored copies have it redacted. */
  const tokenIn = async (email: Outboxed, prefix: string) =>
    new RegExp(`token=(${prefix}_[A-Za-z0-9_-]+)`).exec(
      (await deliveredCopy(t, email.id)).text,
    )?.[1];

  it('registers, signs in and emails a link that confirms the address once', async () => {
    const res = await register('New.User@Example.test');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: 'new.user@example.test',
      tier: 'free',
      emailVerified: false,
    });
    expect(body.refreshToken).toMatch(/^rt_/);
    expect(res.body).not.toMatch(/passwordHash|password_hash|\$2[aby]\$/);

    const email = await lastEmailTo('new.user@example.test', 'verify-email');
    // Stored (what admins and backups see): the live link redacted. Delivered: the link.
    expect(email.text).toContain('[redacted link]');
    expect(email.text).not.toContain('token=');
    const stored = await t.inject({
      method: 'GET',
      url: `/v1/admin/outbox/${email.id}`,
      headers: { authorization: admin },
    });
    expect(stored.json<{ html: string; text: string }>()).toMatchObject({
      text: expect.stringContaining('[redacted link]'),
      html: expect.not.stringContaining('token='),
    });
    expect((await deliveredCopy(t, email.id)).text).toContain(
      'https://app.career-tools.test/verify-email?token=ev_',
    );
    const token = (await tokenIn(email, 'ev'))!;
    // The delivery job writes the dev mailbox first, then drops the sealed body as it records the delivery.
    const row = await eventually(async () => {
      const [stored] = await t
        .get(EntityManager)
        .fork()
        .execute<{ html: string; text: string; sealed_body: string | null }[]>(
          "select html, text, sealed_body from mail_messages where id = ? and status <> 'queued'",
          [email.id],
        );
      return stored;
    });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.sealed_body).toBeNull(); // dropped once delivered
    expect((await post('/v1/auth/email/verify', { token })).statusCode).toBe(204);
    expect((await me(body.accessToken)).json().emailVerified).toBe(true);
    const again = await post('/v1/auth/email/verify', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('auth.invalid_email_token');
    expect((await post('/v1/auth/email/resend', {}, body.accessToken)).statusCode).toBe(409);
  });

  it('refuses a second account for the same address, whatever its case', async () => {
    await register('twice@example.test');
    const res = await register('TWICE@example.test');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('auth.email_taken');
  });

  it('lists every password problem as a field error', async () => {
    const short = await register('weak@example.test', 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      { path: '$.password', message: expect.stringMatching(/at least 12/) },
    ]);
    const common = await register('weak@example.test', 'qwerty123456');
    expect(common.json().errors[0].message).toMatch(/too common/);
    const tooManyBytes = await register('weak@example.test', 'ü'.repeat(40));
    expect(tooManyBytes.json().errors[0].message).toMatch(/72 bytes/);
  });

  it('answers forgot-password the same way for known and unknown addresses', async () => {
    await register('forgetful@example.test');
    const known = await post('/v1/auth/password/forgot', { email: 'forgetful@example.test' });
    const unknown = await post('/v1/auth/password/forgot', { email: 'nobody@example.test' });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-length']).toBe(unknown.headers['content-length']);

    const email = await lastEmailTo('forgetful@example.test', 'password-reset');
    expect(email.text).not.toContain('token=');
    expect((await deliveredCopy(t, email.id)).text).toContain(
      'https://app.career-tools.test/reset-password?token=pr_',
    );
    // Both jobs ran: the unknown address produced nothing.
    const queue = t.get<Queue>(getQueueToken(QUEUES.identity));
    await eventually(async () => {
      const counts = await queue.getJobCounts();
      return counts.waiting + counts.active + counts.delayed === 0 && counts.completed >= 2;
    });
    const outbox = await t
      .get(EntityManager)
      .fork()
      .execute(`select 1 from mail_messages where recipients @> '["nobody@example.test"]'`);
    expect(outbox).toHaveLength(0);
  });

  it('a password reset signs nobody in and never skips the second factor', async () => {
    const { accessToken } = (await register('guarded@example.test')).json();
    const setup = await post('/v1/auth/2fa/setup', {}, accessToken);
    const { secret } = setup.json<{ secret: string }>();
    const code = (step: number) =>
      generate({ secret, epoch: Math.floor(Date.now() / 1000) + step * 30 });
    expect(
      (await post('/v1/auth/2fa/enable', { otp: await code(-1) }, accessToken)).statusCode,
    ).toBe(200);

    await post('/v1/auth/password/forgot', { email: 'guarded@example.test' });
    const token = (await tokenIn(
      await lastEmailTo('guarded@example.test', 'password-reset'),
      'pr',
    ))!;
    const reset = await post('/v1/auth/password/reset', {
      token,
      password: 'brand-new-passphrase-42',
    });
    expect(reset.statusCode).toBe(204);
    expect(reset.body).toBe('');

    const withoutCode = await login('guarded@example.test', 'brand-new-passphrase-42');
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().code).toBe('auth.mfa_required');
    const withCode = await post('/v1/auth/login', {
      email: 'guarded@example.test',
      password: 'brand-new-passphrase-42',
      otp: await code(0),
    });
    expect(withCode.statusCode).toBe(200);
  });

  it('resets the password once, ends every session and tells the owner', async () => {
    const { accessToken, refreshToken } = (await register('reset-me@example.test')).json();
    await post('/v1/auth/password/forgot', { email: 'reset-me@example.test' });
    const token = (await tokenIn(
      await lastEmailTo('reset-me@example.test', 'password-reset'),
      'pr',
    ))!;

    const weak = await post('/v1/auth/password/reset', { token, password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    const done = await post('/v1/auth/password/reset', {
      token,
      password: 'brand-new-passphrase-42',
    });
    expect(done.statusCode).toBe(204);
    expect(
      (await post('/v1/auth/password/reset', { token, password: 'another-passphrase-42' }))
        .statusCode,
    ).toBe(400);

    expect((await me(accessToken)).statusCode).toBe(401);
    expect((await post('/v1/auth/refresh', { refreshToken })).statusCode).toBe(401);
    expect((await login('reset-me@example.test', 'violet-harbour-tram-1987')).statusCode).toBe(401);
    expect((await login('reset-me@example.test', 'brand-new-passphrase-42')).statusCode).toBe(200);
    await lastEmailTo('reset-me@example.test', 'password-changed');
  });

  it('changes the password with the current one, keeping only this session', async () => {
    const first = (await register('changer@example.test')).json();
    const second = (await login('changer@example.test', 'violet-harbour-tram-1987')).json();
    const wrong = await post(
      '/v1/me/password',
      { currentPassword: 'not-my-password', newPassword: 'fresh-passphrase-2026' },
      second.accessToken,
    );
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('auth.wrong_password');

    const ok = await post(
      '/v1/me/password',
      { currentPassword: 'violet-harbour-tram-1987', newPassword: 'fresh-passphrase-2026' },
      second.accessToken,
    );
    expect(ok.statusCode).toBe(204);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    expect((await me(first.accessToken)).statusCode).toBe(401);
    expect((await login('changer@example.test', 'fresh-passphrase-2026')).statusCode).toBe(200);
  });

  it('updates name, preferences and links, and refuses fields a user may not set', async () => {
    const { accessToken } = (await register('profile@example.test')).json();
    const patch = (payload: object) =>
      t.inject({
        method: 'PATCH',
        url: '/v1/me',
        payload,
        headers: { authorization: `Bearer ${accessToken}` },
      });

    const res = await patch({
      name: 'Ada King',
      preferences: { theme: 'dark', newsletter: true },
      socialLinks: { linkedin: 'https://www.linkedin.com/in/ada' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Ada King',
      preferences: { theme: 'dark', newsletter: true, emailNotifications: true, language: 'en' },
      socialLinks: { linkedin: 'https://www.linkedin.com/in/ada' },
    });

    for (const forbidden of [{ tier: 'premium' }, { role: 'admin' }, { emailVerified: true }]) {
      const refused = await patch(forbidden);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe('validation.failed');
    }
    expect((await patch({ preferences: { theme: 'neon' } })).json().errors[0].path).toBe(
      '$.preferences.theme',
    );
    expect((await patch({ socialLinks: { website: 'javascript:alert(1)' } })).statusCode).toBe(400);
    expect((await me(accessToken)).json()).toMatchObject({
      tier: 'free',
      role: 'user',
      name: 'Ada King',
    });
  });
});
