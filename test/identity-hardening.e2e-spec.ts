import { OAuthProviderFake, TestApp, type OAuthFakeUser } from '@lib/testing';
import {
  call,
  createUser,
  enableTwoFactor,
  freshIp,
  login,
  signIn,
  signInAsAdmin,
  totp,
  type Session,
} from './support/accounts';
import { OAuthBrowser, oauthEnv, registerOAuthClients } from './support/oauth';

const PASSWORD = 'a-long-password-for-tests';

let sequence = 0;
const googleUser = (overrides: Partial<OAuthFakeUser> = {}): OAuthFakeUser => {
  sequence += 1;
  return {
    subject: `hardening-${sequence}`,
    name: `Person ${sequence}`,
    email: `hardening${sequence}@example.test`,
    emailVerified: true,
    ...overrides,
  };
};

describe('Identity hardening (issue 10)', () => {
  const fake = new OAuthProviderFake();
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    registerOAuthClients(fake);
    await fake.start();
    t = await TestApp.create({ role: 'api', env: oauthEnv(fake) });
    admin = await signInAsAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });
  beforeEach(() => fake.reset());

  const adminPatch = (id: string, body: object) =>
    call(t, 'PATCH', `/v1/admin/users/${id}`, admin.authorization, body);

  describe('1. disabled and locked accounts stay out on every path', () => {
    it('suspends the API keys of a disabled account and restores them on enable', async () => {
      const id = await createUser(t, {
        email: 'keys.disabled@example.test',
        password: PASSWORD,
        tier: 'premium',
      });
      const session = await signIn(t, 'keys.disabled@example.test', PASSWORD);
      const created = await call(t, 'POST', '/v1/me/api-keys', session.authorization, {
        name: 'integration',
        scopes: ['me:read'],
      });
      expect(created.statusCode).toBe(201);
      const { secret } = created.json<{ secret: string }>();
      const withKey = () =>
        t.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': secret } });
      expect((await withKey()).statusCode).toBe(200);

      expect((await adminPatch(id, { disabled: true })).statusCode).toBe(200);
      const refused = await withKey();
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'auth.invalid_api_key' });
      expect((await call(t, 'GET', '/v1/me', session.authorization)).statusCode).toBe(401);

      expect((await adminPatch(id, { disabled: false })).statusCode).toBe(200);
      expect((await withKey()).statusCode).toBe(200);
    });

    it('refuses OAuth sign-in to a disabled or locked account, at the callback and at the exchange', async () => {
      const browser = new OAuthBrowser(t);
      const person = googleUser();
      const first = await browser.signIn(fake, 'google', person);
      const pair = (await browser.exchange(first.get('code') ?? '')).json<{
        accessToken: string;
      }>();
      const me = await call(t, 'GET', '/v1/me', `Bearer ${pair.accessToken}`);
      const id = me.json<{ id: string }>().id;

      for (const change of [{ disabled: true }, { locked: true }]) {
        expect((await adminPatch(id, change)).statusCode).toBe(200);
        const refused = await browser.signIn(fake, 'google', person);
        expect(refused.get('error')).toBe('auth.account_unavailable');
        expect(refused.get('code')).toBeNull();
        await adminPatch(id, { disabled: false, locked: false });
      }

      // Disabled between the callback and the exchange: the code no longer signs in.
      const code = (await browser.signIn(fake, 'google', person)).get('code') ?? '';
      await adminPatch(id, { disabled: true });
      const exchanged = await browser.exchange(code);
      expect(exchanged.statusCode).toBe(401);
      expect(exchanged.json()).toMatchObject({ code: 'auth.account_unavailable' });
      expect(exchanged.body).not.toMatch(/accessToken/);
    });
  });

  /** A signed-in password account with 2FA on. */
  async function twoFactorUser(email: string) {
    await createUser(t, { email, password: PASSWORD });
    const session = await signIn(t, email, PASSWORD);
    return { session, ...(await enableTwoFactor(t, session)) };
  }

  describe('6. wrong second-factor codes count per account toward the lock', () => {
    it('at sign-in: five wrong codes from five IPs lock the account, the right code then fails too', async () => {
      const { secret } = await twoFactorUser('otp.guess@example.test');
      for (let i = 0; i < 5; i++) {
        const res = await t.inject({
          method: 'POST',
          url: '/v1/auth/login',
          remoteAddress: freshIp(),
          payload: { email: 'otp.guess@example.test', password: PASSWORD, otp: '000000' },
        });
        expect(res.statusCode).toBe(401);
      }
      const right = await t.inject({
        method: 'POST',
        url: '/v1/auth/login',
        remoteAddress: freshIp(),
        payload: { email: 'otp.guess@example.test', password: PASSWORD, otp: await totp(secret) },
      });
      expect(right.statusCode).toBe(401);
      expect(right.json()).toMatchObject({ code: 'auth.invalid_credentials' });
    });

    it('when turning 2FA off: wrong codes lock, then even the right code is refused', async () => {
      const { session, secret } = await twoFactorUser('otp.disable@example.test');
      const disable = async (otp: string) =>
        t.inject({
          method: 'POST',
          url: '/v1/auth/2fa/disable',
          remoteAddress: freshIp(),
          headers: { authorization: session.authorization },
          payload: { password: PASSWORD, otp },
        });
      for (let i = 0; i < 5; i++) expect((await disable('000000')).statusCode).toBe(401);
      const right = await disable(await totp(secret));
      expect(right.statusCode).toBe(403);
      expect(right.json()).toMatchObject({ code: 'auth.account_locked' });
    });
  });

  describe('10. change-password limits, OAuth-only timing, access-token lifetime', () => {
    it('access tokens live 15 minutes by default', async () => {
      await createUser(t, { email: 'ttl@example.test', password: PASSWORD });
      const res = await login(t, 'ttl@example.test', PASSWORD);
      expect(res.json<{ expiresIn: number }>().expiresIn).toBe(900);
    });

    it('wrong current passwords lock the account and the route is rate limited per account', async () => {
      await createUser(t, { email: 'change.guess@example.test', password: PASSWORD });
      const session = await signIn(t, 'change.guess@example.test', PASSWORD);
      const change = (currentPassword: string) =>
        t.inject({
          method: 'POST',
          url: '/v1/me/password',
          remoteAddress: freshIp(),
          headers: { authorization: session.authorization },
          payload: { currentPassword, newPassword: 'another-long-password-42' },
        });
      for (let i = 0; i < 5; i++) {
        const wrong = await change(`wrong-password-guess-${i}`);
        expect(wrong.statusCode).toBe(403);
        expect(wrong.json()).toMatchObject({ code: 'auth.wrong_password' });
      }
      // The fifth wrong guess locked the account: the right password no longer signs in.
      expect((await login(t, 'change.guess@example.test', PASSWORD)).statusCode).toBe(401);
      const limited = await change(PASSWORD);
      expect(limited.statusCode).toBe(429);
    });
  });
});
