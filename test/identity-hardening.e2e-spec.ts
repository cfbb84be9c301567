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
import { OAuthBrowser, oauthEnv, registerOAuthClients, type OAuthProvider } from './support/oauth';
import { UnitOfWork } from '@lib/event-store';
import { UserTokens } from '../src/modules/identity/sessions/user-tokens';

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

  const bearerOf = (accessToken: string) => `Bearer ${accessToken}`;

  /** A new account through Google sign-in: its access token and id. */
  async function oauthAccount(browser: OAuthBrowser, person: OAuthFakeUser) {
    const code = (await browser.signIn(fake, 'google', person)).get('code') ?? '';
    const exchanged = await browser.exchange(code);
    expect(exchanged.statusCode).toBe(200);
    const authorization = bearerOf(exchanged.json<{ accessToken: string }>().accessToken);
    const me = await call(t, 'GET', '/v1/me', authorization);
    return { authorization, id: me.json<{ id: string }>().id };
  }

  /** Starts a link from settings in `browser` and lets `person` consent: the callback's query. */
  async function linkFlow(
    browser: OAuthBrowser,
    authorization: string,
    provider: OAuthProvider,
    person: OAuthFakeUser,
  ): Promise<URLSearchParams> {
    fake.approveAs(provider, person);
    const started = await call(t, 'POST', `/v1/me/identities/${provider}`, authorization);
    expect(started.statusCode).toBe(200);
    browser.keepCookie(started.headers['set-cookie']);
    const url = started.json<{ authorizationUrl: string }>().authorizationUrl;
    return browser.callback(await browser.consent(url));
  }

  const confirmLink = (authorization: string, provider: OAuthProvider, payload: object) =>
    call(t, 'POST', `/v1/me/identities/${provider}/confirm`, authorization, payload);

  const identitiesOf = async (authorization: string) =>
    (await call(t, 'GET', '/v1/me/identities', authorization)).json<{ provider: string }[]>();

  const templatesSentTo = async (address: string) => {
    const res = await call(
      t,
      'GET',
      `/v1/admin/outbox?to=${encodeURIComponent(address)}`,
      admin.authorization,
    );
    return res.json<{ items: { template: string | null }[] }>().items.map((m) => m.template);
  };

  /** A password-reset token for the account, as the emailed link carries it. */
  const resetToken = (userId: string) =>
    t
      .get(UnitOfWork)
      .run((em) => t.get(UserTokens).issue(em, userId, 'password_reset', 15 * 60_000));

  describe('2. OAuth second factor and linking', () => {
    it('asks a 2FA account for its second factor after OAuth sign-in', async () => {
      const browser = new OAuthBrowser(t);
      const person = googleUser();
      const account = await oauthAccount(browser, person);
      const session = { accessToken: '', refreshToken: '', authorization: account.authorization };
      const { secret } = await enableTwoFactor(t, session);

      const code = (await browser.signIn(fake, 'google', person)).get('code') ?? '';
      const exchanged = await browser.exchange(code);
      expect(exchanged.statusCode).toBe(401);
      const problem = exchanged.json<{ code: string; mfaChallenge: string }>();
      expect(problem.code).toBe('auth.mfa_required');
      expect(problem.mfaChallenge).toMatch(/^mc_/);
      expect(exchanged.body).not.toMatch(/accessToken/);

      const verify = (otp: string) =>
        t.inject({
          method: 'POST',
          url: '/v1/auth/oauth/2fa',
          remoteAddress: freshIp(),
          payload: { mfaChallenge: problem.mfaChallenge, otp },
        });
      const wrong = await verify('000000');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'auth.invalid_otp' });
      const right = await verify(await totp(secret));
      expect(right.statusCode).toBe(200);
      const me = await call(
        t,
        'GET',
        '/v1/me',
        bearerOf(right.json<{ accessToken: string }>().accessToken),
      );
      expect(me.json<{ id: string }>().id).toBe(account.id);
      // The challenge is used up.
      expect((await verify(await totp(secret, 1))).statusCode).toBe(401);
    });

    it('a bearer token alone cannot link a provider: the password confirms it; the owner is emailed on link and unlink', async () => {
      await createUser(t, { email: 'link.owner@example.test', password: PASSWORD });
      const owner = await signIn(t, 'link.owner@example.test', PASSWORD);
      // The thief holds the owner's access token and links their own Google account.
      const thiefBrowser = new OAuthBrowser(t);
      const parked = await linkFlow(thiefBrowser, owner.authorization, 'google', googleUser());
      const pendingLink = parked.get('pendingLink') ?? '';
      expect(pendingLink).toMatch(/^pl_/);
      expect(await identitiesOf(owner.authorization)).toEqual([]);
      const noPassword = await confirmLink(owner.authorization, 'google', { pendingLink });
      expect(noPassword.statusCode).toBe(400);
      const guessed = await confirmLink(owner.authorization, 'google', {
        pendingLink,
        password: 'a-guess-at-the-password',
      });
      expect(guessed.statusCode).toBe(403);
      expect(guessed.json()).toMatchObject({ code: 'auth.wrong_password' });
      expect(await identitiesOf(owner.authorization)).toEqual([]);

      // The owner, who knows the password, links; an email says so, and again on unlink.
      const ownerBrowser = new OAuthBrowser(t);
      const ownPending =
        (await linkFlow(ownerBrowser, owner.authorization, 'google', googleUser())).get(
          'pendingLink',
        ) ?? '';
      const confirmed = await confirmLink(owner.authorization, 'google', {
        pendingLink: ownPending,
        password: PASSWORD,
      });
      expect(confirmed.statusCode).toBe(200);
      expect(await identitiesOf(owner.authorization)).toEqual([
        expect.objectContaining({ provider: 'google' }),
      ]);
      expect(
        (await call(t, 'DELETE', '/v1/me/identities/google', owner.authorization)).statusCode,
      ).toBe(204);
      const sent = await templatesSentTo('link.owner@example.test');
      expect(sent).toEqual(expect.arrayContaining(['identity-linked', 'identity-unlinked']));
    });

    it('a password reset can unlink every provider and revoke every API key', async () => {
      const id = await createUser(t, {
        email: 'reset.cleanup@example.test',
        password: PASSWORD,
        tier: 'premium',
      });
      await t.get(UnitOfWork).run(async (em) => {
        const { User } = await import('../src/modules/identity');
        (await em.findOneOrFail(User, id)).verifyEmail();
      });
      const session = await signIn(t, 'reset.cleanup@example.test', PASSWORD);
      const pendingLink =
        (await linkFlow(new OAuthBrowser(t), session.authorization, 'google', googleUser())).get(
          'pendingLink',
        ) ?? '';
      expect(
        (await confirmLink(session.authorization, 'google', { pendingLink, password: PASSWORD }))
          .statusCode,
      ).toBe(200);
      const key = await call(t, 'POST', '/v1/me/api-keys', session.authorization, {
        name: 'integration',
        scopes: ['me:read'],
      });
      const { secret } = key.json<{ secret: string }>();

      const reset = await t.inject({
        method: 'POST',
        url: '/v1/auth/password/reset',
        remoteAddress: freshIp(),
        payload: {
          token: await resetToken(id),
          password: 'a-brand-new-password-77',
          unlinkIdentities: true,
          revokeApiKeys: true,
        },
      });
      expect(reset.statusCode).toBe(204);
      const after = await signIn(t, 'reset.cleanup@example.test', 'a-brand-new-password-77');
      expect(await identitiesOf(after.authorization)).toEqual([]);
      const withKey = await t.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { 'x-api-key': secret },
      });
      expect(withKey.statusCode).toBe(401);
    });
  });

  describe('3. OAuth flows are bound to the browser that started them', () => {
    it('login CSRF: a callback in a browser without the nonce cookie signs nobody in', async () => {
      const attacker = new OAuthBrowser(t);
      fake.approveAs('google', googleUser());
      const callbackPath = await attacker.consent(await attacker.start('google'));
      // The attacker makes the victim's browser (no cookie) load the callback.
      const victim = new OAuthBrowser(t);
      const res = await victim.callbackResponse(callbackPath);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.oauth_browser_mismatch' });
      expect(res.headers.location).toBeUndefined();
      expect(fake.tokenRequests).toHaveLength(0);

      // Another flow's cookie does not match either.
      const other = new OAuthBrowser(t);
      await other.start('google');
      const path2 = await attacker.consent(await attacker.start('google'));
      const mismatch = await other.callbackResponse(path2);
      expect(mismatch.statusCode).toBe(403);
    });

    it('link CSRF: the victim finishing a link the attacker started links nothing', async () => {
      await createUser(t, { email: 'csrf.attacker@example.test', password: PASSWORD });
      const attacker = await signIn(t, 'csrf.attacker@example.test', PASSWORD);
      const started = await call(t, 'POST', '/v1/me/identities/google', attacker.authorization);
      const url = started.json<{ authorizationUrl: string }>().authorizationUrl;
      // The victim's browser consents with the victim's Google account and returns without the cookie.
      const victim = new OAuthBrowser(t);
      fake.approveAs('google', googleUser());
      const res = await victim.callbackResponse(await victim.consent(url));
      expect(res.statusCode).toBe(403);
      expect(await identitiesOf(attacker.authorization)).toEqual([]);
    });

    it('the nonce cookie is HttpOnly, SameSite=Lax, short-lived and scoped to the OAuth routes', async () => {
      const res = await t.inject({ method: 'GET', url: '/v1/auth/oauth/google' });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^ct_oauth_nonce=on_[\w-]+; /);
      expect(cookie).toContain('Path=/v1/auth/oauth');
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Max-Age=600');
    });
  });

  describe('4. provider emails nobody verified claim no account', () => {
    it('Facebook sign-in does not create an account with its address; the owner can still register it', async () => {
      const browser = new OAuthBrowser(t);
      fake.approveAs('facebook', {
        subject: 'fb-squatter',
        name: 'Squatter',
        email: 'victim.prereg@example.test',
      });
      const result = await browser.callback(await browser.consent(await browser.start('facebook')));
      const exchanged = await browser.exchange(result.get('code') ?? '');
      const me = await call(
        t,
        'GET',
        '/v1/me',
        bearerOf(exchanged.json<{ accessToken: string }>().accessToken),
      );
      // The placeholder address is no address: GET /v1/me says so and asks for one.
      expect(me.json()).toMatchObject({ email: null, emailMissing: true });
      expect(exchanged.json()).toMatchObject({ emailMissing: true });

      const register = await t.inject({
        method: 'POST',
        url: '/v1/auth/register',
        remoteAddress: freshIp(),
        payload: { email: 'victim.prereg@example.test', password: PASSWORD, name: 'Victim' },
      });
      expect(register.statusCode).toBe(201);
    });

    it('a password reset unlinks providers linked while the address was unverified', async () => {
      // The attacker registers the victim's address first and links their own Google account.
      const id = await createUser(t, { email: 'victim.later@example.test', password: PASSWORD });
      const squatter = await signIn(t, 'victim.later@example.test', PASSWORD);
      const attackerAtGoogle = googleUser();
      const pendingLink =
        (
          await linkFlow(new OAuthBrowser(t), squatter.authorization, 'google', attackerAtGoogle)
        ).get('pendingLink') ?? '';
      expect(
        (await confirmLink(squatter.authorization, 'google', { pendingLink, password: PASSWORD }))
          .statusCode,
      ).toBe(200);

      // The real owner resets the password through the emailed link.
      const reset = await t.inject({
        method: 'POST',
        url: '/v1/auth/password/reset',
        remoteAddress: freshIp(),
        payload: { token: await resetToken(id), password: 'the-owners-own-password-1' },
      });
      expect(reset.statusCode).toBe(204);
      const owner = await signIn(t, 'victim.later@example.test', 'the-owners-own-password-1');
      expect(await identitiesOf(owner.authorization)).toEqual([]);
      // The attacker's Google account no longer reaches the account.
      const again = new OAuthBrowser(t);
      const code = (await again.signIn(fake, 'google', attackerAtGoogle)).get('code') ?? '';
      const exchanged = await again.exchange(code);
      const me = await call(
        t,
        'GET',
        '/v1/me',
        bearerOf(exchanged.json<{ accessToken: string }>().accessToken),
      );
      expect(me.json<{ id: string }>().id).not.toBe(id);
    });
  });
});
