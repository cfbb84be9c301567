import { eventually, OAuthProviderFake, TestApp } from '@lib/testing';
import { call, freshIp, login, signIn, type Session } from './support/accounts';
import { deliveredCopy } from './support/dev-mailbox';
import { OAuthBrowser, oauthEnv, registerOAuthClients, FRONTEND_URL } from './support/oauth';

interface Outboxed {
  id: string;
  to: string[];
  subject: string;
  text: string;
  template: string | null;
}

interface Me {
  id: string;
  email: string | null;
  emailMissing: boolean;
  pendingEmail: string | null;
  emailVerified: boolean;
}

const PASSWORD = 'violet-harbour-tram-1987';

describe('profile: change of email address, end to end through the outbox', () => {
  const fake = new OAuthProviderFake();
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    registerOAuthClients(fake);
    await fake.start();
    t = await TestApp.create({ env: oauthEnv(fake) });
    admin = await t.adminAuthorization();
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  async function register(email: string): Promise<Session> {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      remoteAddress: freshIp(),
      payload: { email, password: PASSWORD, name: 'Grace' },
    });
    expect(res.statusCode).toBe(201);
    const pair = res.json<{ accessToken: string; refreshToken: string }>();
    return { ...pair, authorization: `Bearer ${pair.accessToken}` };
  }

  const me = async (session: Session) =>
    (await call(t, 'GET', '/v1/me', session.authorization)).json<Me>();
  const requestChange = (session: Session, payload: object) =>
    t.inject({
      method: 'POST',
      url: '/v1/me/email',
      headers: { authorization: session.authorization },
      payload,
    });
  const post = (url: string, payload: object) =>
    t.inject({ method: 'POST', url, payload, remoteAddress: freshIp() });

  async function outbox(address: string): Promise<Outboxed[]> {
    const res = await t.inject({
      method: 'GET',
      url: `/v1/admin/outbox?to=${encodeURIComponent(address)}`,
      headers: { authorization: admin },
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: Outboxed[] }>().items;
  }
  const emailTo = (address: string, template: string) =>
    eventually(async () => (await outbox(address)).find((m) => m.template === template));
  /** The token of the link in the delivered copy (stored copies have it redacted). */
  async function tokenIn(message: Outboxed, path: string): Promise<string> {
    const { text } = await deliveredCopy(t, message.id);
    const match = new RegExp(`${FRONTEND_URL}${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
    if (!match) throw new Error(`no ${path} link in: ${text}`);
    return match[1];
  }

  it('asks for the password, confirms from the new address; sign-in moves to the new address', async () => {
    const session = await register('grace.old@example.test');
    const missing = await requestChange(session, { newEmail: 'grace.new@example.test' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'auth.password_required' });
    const wrong = await requestChange(session, {
      newEmail: 'grace.new@example.test',
      password: 'not-the-password',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'auth.wrong_password' });
    const same = await requestChange(session, {
      newEmail: 'GRACE.old@example.test',
      password: PASSWORD,
    });
    expect(same.json()).toMatchObject({ code: 'auth.email_unchanged' });

    const ok = await requestChange(session, {
      newEmail: 'Grace.New@Example.test',
      password: PASSWORD,
    });
    expect(ok.statusCode).toBe(202);
    expect(await me(session)).toMatchObject({
      email: 'grace.old@example.test',
      pendingEmail: 'grace.new@example.test',
    });

    // The old address is told, with a "this wasn't me" link; the new one gets the confirmation.
    const notice = await emailTo('grace.old@example.test', 'email-change-requested');
    expect(notice.text).toContain('grace.new@example.test');
    expect(notice.text).toContain('[redacted link]');
    await tokenIn(notice, '/email-change/cancel');
    const confirmation = await emailTo('grace.new@example.test', 'email-change-confirm');
    expect(confirmation.text).not.toContain('token=');
    const token = await tokenIn(confirmation, '/email-change/confirm');
    expect(token).toMatch(/^ec_/);

    // Nothing changed yet.
    expect((await login(t, 'grace.new@example.test', PASSWORD)).statusCode).toBe(401);

    expect((await post('/v1/auth/email-change/confirm', { token })).statusCode).toBe(204);
    expect(await me(session)).toMatchObject({
      email: 'grace.new@example.test',
      pendingEmail: null,
      emailVerified: true,
      emailMissing: false,
    });
    const again = await post('/v1/auth/email-change/confirm', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'auth.invalid_email_change_token' });

    expect((await login(t, 'grace.new@example.test', PASSWORD)).statusCode).toBe(200);
    const old = await login(t, 'grace.old@example.test', PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ code: 'auth.invalid_credentials' });
    // The session that asked stays signed in; the old address hears of the change.
    expect((await call(t, 'GET', '/v1/me', session.authorization)).statusCode).toBe(200);
    expect((await emailTo('grace.old@example.test', 'email-changed')).text).toContain(
      'grace.new@example.test',
    );
  });

  it('"this wasn\'t me" from the old address cancels the change and blocks new ones', async () => {
    const session = await register('hopper.old@example.test');
    expect(
      (await requestChange(session, { newEmail: 'intruder@example.test', password: PASSWORD }))
        .statusCode,
    ).toBe(202);
    const confirmToken = await tokenIn(
      await emailTo('intruder@example.test', 'email-change-confirm'),
      '/email-change/confirm',
    );
    const cancelToken = await tokenIn(
      await emailTo('hopper.old@example.test', 'email-change-requested'),
      '/email-change/cancel',
    );
    expect(cancelToken).toMatch(/^ecx_/);

    expect((await post('/v1/auth/email-change/cancel', { token: cancelToken })).statusCode).toBe(
      204,
    );
    expect(await me(session)).toMatchObject({
      email: 'hopper.old@example.test',
      pendingEmail: null,
    });
    const confirm = await post('/v1/auth/email-change/confirm', { token: confirmToken });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json()).toMatchObject({ code: 'auth.invalid_email_change_token' });
    expect((await login(t, 'intruder@example.test', PASSWORD)).statusCode).toBe(401);
    expect((await post('/v1/auth/email-change/cancel', { token: cancelToken })).statusCode).toBe(
      400,
    );

    const locked = await requestChange(session, {
      newEmail: 'intruder2@example.test',
      password: PASSWORD,
    });
    expect(locked.statusCode).toBe(403);
    expect(locked.json()).toMatchObject({
      code: 'auth.email_change_locked',
      lockedUntil: expect.any(String),
    });
  });

  it('the user can withdraw a pending change: its link stops working', async () => {
    const session = await register('withdraw.old@example.test');
    await requestChange(session, { newEmail: 'withdraw.new@example.test', password: PASSWORD });
    const token = await tokenIn(
      await emailTo('withdraw.new@example.test', 'email-change-confirm'),
      '/email-change/confirm',
    );
    expect((await call(t, 'DELETE', '/v1/me/email', session.authorization)).statusCode).toBe(204);
    expect((await me(session)).pendingEmail).toBeNull();
    expect((await post('/v1/auth/email-change/confirm', { token })).statusCode).toBe(400);
    // Withdrawing does not lock: a new request works.
    expect(
      (await requestChange(session, { newEmail: 'withdraw.new@example.test', password: PASSWORD }))
        .statusCode,
    ).toBe(202);
  });

  it('an address that has an account answers the same; its owner is told, no link is sent', async () => {
    await register('owner@example.test');
    const session = await register('taker@example.test');
    const res = await requestChange(session, {
      newEmail: 'owner@example.test',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe('');
    expect(await me(session)).toMatchObject({
      email: 'taker@example.test',
      pendingEmail: 'owner@example.test',
    });
    const notice = await emailTo('owner@example.test', 'email-address-in-use');
    expect(notice.subject).toMatch(/tried to use your email address/);
    await emailTo('taker@example.test', 'email-change-requested');
    const toOwner = await outbox('owner@example.test');
    expect(toOwner.map((m) => m.template)).not.toContain('email-change-confirm');
    expect((await signIn(t, 'owner@example.test', PASSWORD)).accessToken).toBeTruthy();
  });

  it('an X account with a placeholder address sets a real one and receives mail', async () => {
    const browser = new OAuthBrowser(t);
    const result = await browser.signIn(fake, 'x', {
      subject: 'x-subject-email-change',
      name: 'Xavier',
      username: 'xavier',
    });
    const exchanged = await browser.exchange(result.get('code') ?? '');
    expect(exchanged.statusCode).toBe(200);
    const pair = exchanged.json<{ accessToken: string; refreshToken: string }>();
    // The sign-in answer and GET /v1/me ask for an address.
    expect(exchanged.json()).toMatchObject({ emailMissing: true });
    const session: Session = { ...pair, authorization: `Bearer ${pair.accessToken}` };
    expect(await me(session)).toMatchObject({ email: null, emailMissing: true });

    // No password on this account: the fresh sign-in stands in for it.
    const res = await requestChange(session, { newEmail: 'xavier@example.test' });
    expect(res.statusCode).toBe(202);
    const confirmation = await emailTo('xavier@example.test', 'email-change-confirm');
    expect(confirmation.text).toContain('Hi Xavier');
    const token = await tokenIn(confirmation, '/email-change/confirm');
    expect((await post('/v1/auth/email-change/confirm', { token })).statusCode).toBe(204);
    expect(await me(session)).toMatchObject({
      email: 'xavier@example.test',
      emailMissing: false,
      emailVerified: true,
    });

    // Mail reaches the account now: a password reset (OAuth-only accounts may set one) arrives.
    expect(
      (await post('/v1/auth/password/forgot', { email: 'xavier@example.test' })).statusCode,
    ).toBe(202);
    const reset = await emailTo('xavier@example.test', 'password-reset');
    expect((await deliveredCopy(t, reset.id)).to).toEqual(['xavier@example.test']);
    // Nothing was ever queued for the placeholder address.
    const placeholder = await t.inject({
      method: 'GET',
      url: '/v1/admin/outbox?to=x-x-subject-email-change%40users.oauth.invalid',
      headers: { authorization: admin },
    });
    expect(placeholder.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
