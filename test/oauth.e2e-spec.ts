import { OAuthProviderFake, TestApp, type OAuthFakeUser } from '@lib/testing';
import {
  OAUTH_CLIENTS as CLIENTS,
  OAUTH_TEST_PROVIDERS,
  OAuthBrowser,
  FRONTEND_URL,
  oauthEnv,
  registerOAuthClients,
  type OAuthProvider,
} from './support/oauth';

type Provider = OAuthProvider;
const PROVIDERS = OAUTH_TEST_PROVIDERS;

interface Pair {
  accessToken: string;
  refreshToken: string;
}

const randomIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
let sequence = 0;
const person = (provider: Provider, overrides: Partial<OAuthFakeUser> = {}): OAuthFakeUser => {
  sequence += 1;
  return {
    subject: `${provider}-subject-${sequence}`,
    name: `Person ${sequence}`,
    ...(provider === 'x'
      ? { username: `person${sequence}` }
      : { email: `person${sequence}.${provider}@example.test`, emailVerified: true }),
    ...overrides,
  };
};

describe('OAuth login (Google, LinkedIn, X, Facebook) against a fake provider', () => {
  const fake = new OAuthProviderFake();
  let t: TestApp;

  /** The browser of the current test: it carries the OAuth nonce cookie from start to callback. */
  let browser: OAuthBrowser;

  beforeAll(async () => {
    registerOAuthClients(fake);
    await fake.start();
    t = await TestApp.create({ role: 'api', env: oauthEnv(fake) });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    browser = new OAuthBrowser(t);
  });

  const bearer = (pair: Pair) => ({ authorization: `Bearer ${pair.accessToken}` });

  /** The fake's consent page → our callback URL. */
  const throughProvider = (authorizationUrl: string) => browser.consent(authorizationUrl);
  const start = (provider: string) => browser.start(provider);
  /** Calls our callback; returns the query of the frontend URL it redirects to. */
  const callback = (callbackPath: string) => browser.callback(callbackPath);
  const exchange = (code: string) => browser.exchange(code);

  /** POST /v1/me/identities/{p}: the authorization URL; the browser keeps the nonce cookie. */
  async function startLink(pair: Pair, provider: Provider): Promise<string> {
    const link = await t.inject({
      method: 'POST',
      url: `/v1/me/identities/${provider}`,
      headers: bearer(pair),
    });
    expect(link.statusCode).toBe(200);
    browser.keepCookie(link.headers['set-cookie']);
    return link.json<{ authorizationUrl: string }>().authorizationUrl;
  }

  const confirmLink = (pair: Pair, provider: Provider, payload: object) =>
    t.inject({
      method: 'POST',
      url: `/v1/me/identities/${provider}/confirm`,
      headers: bearer(pair),
      payload,
    });

  async function signInWith(provider: Provider, user: OAuthFakeUser): Promise<Pair> {
    fake.approveAs(provider, user);
    const result = await callback(await throughProvider(await start(provider)));
    expect(result.get('error')).toBeNull();
    const res = await exchange(result.get('code') ?? '');
    expect(res.statusCode).toBe(200);
    return res.json<Pair>();
  }

  async function passwordAccount(email: string): Promise<Pair> {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email, password: 'a-long-password-for-tests', name: 'Password Person' },
      remoteAddress: randomIp(),
    });
    expect(res.statusCode).toBe(201);
    return res.json<Pair>();
  }

  it('lists the providers, all enabled here', async () => {
    const res = await t.inject({ method: 'GET', url: '/v1/auth/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(PROVIDERS.map((provider) => ({ provider, enabled: true })));
  });

  it.each(PROVIDERS)(
    '%s: redirect with state + PKCE, callback, one-time code, token pair, /v1/me',
    async (provider) => {
      const user = person(provider);
      fake.approveAs(provider, user);
      const authorizationUrl = new URL(await start(provider));
      expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizationUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(authorizationUrl.searchParams.get('state')).toBeTruthy();
      expect(authorizationUrl.searchParams.get('scope')).toBeTruthy();
      expect(authorizationUrl.searchParams.get('redirect_uri')).toMatch(
        new RegExp(`/v1/auth/oauth/${provider}/callback$`),
      );

      const result = await callback(await throughProvider(authorizationUrl.toString()));
      expect(result.get('provider')).toBe(provider);
      expect(result.get('code')).toMatch(/^oc_/);
      expect([...result.keys()].sort()).toEqual(['code', 'provider']);
      expect(fake.tokenRequests).toEqual([{ provider, status: 200, error: undefined }]);

      const res = await exchange(result.get('code') ?? '');
      expect(res.statusCode).toBe(200);
      const pair = res.json<Pair>();
      const me = await t.inject({ method: 'GET', url: '/v1/me', headers: bearer(pair) });
      expect(me.statusCode).toBe(200);
      const body = me.json<{
        id: string;
        email: string | null;
        emailMissing: boolean;
        name: string;
        emailVerified: boolean;
      }>();
      expect(body.name).toBe(user.name);
      // X shares no address and Facebook does not vouch for it: neither names the account.
      if (provider === 'x' || provider === 'facebook') {
        // Their placeholder address is shown as none; the sign-in answer asks for one.
        expect(body).toMatchObject({ email: null, emailMissing: true });
        expect(res.json()).toMatchObject({ emailMissing: true });
      } else {
        expect(body).toMatchObject({ email: user.email, emailMissing: false });
        expect(res.json()).not.toHaveProperty('emailMissing');
      }
      // Only OpenID Connect providers state that the address is verified.
      expect(body.emailVerified).toBe(provider === 'google' || provider === 'linkedin');

      // The identity is linked now: the next sign-in reaches the same account.
      const again = await signInWith(provider, user);
      const meAgain = await t.inject({ method: 'GET', url: '/v1/me', headers: bearer(again) });
      expect(meAgain.json<{ id: string }>().id).toBe(body.id);
      const identities = await t.inject({
        method: 'GET',
        url: '/v1/me/identities',
        headers: bearer(again),
      });
      expect(identities.json()).toEqual([
        { provider, email: user.email ?? null, linkedAt: expect.any(String) },
      ]);
    },
  );

  it('rejects an unknown state and a state used before', async () => {
    fake.approveAs('google', person('google'));
    const path = await throughProvider(await start('google'));
    const forged = path.replace(/state=[^&]+/, 'state=forged-state');
    const bad = await t.inject({ method: 'GET', url: forged });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'auth.oauth_state_invalid' });
    const missing = await t.inject({
      method: 'GET',
      url: '/v1/auth/oauth/google/callback?code=abc',
    });
    expect(missing.statusCode).toBe(400);
    expect(fake.tokenRequests).toHaveLength(0);

    expect((await callback(path)).get('code')).toMatch(/^oc_/);
    const replay = await t.inject({ method: 'GET', url: path });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'auth.oauth_state_invalid' });
  });

  it('a state started for one provider does not complete another', async () => {
    fake.approveAs('google', person('google'));
    const path = await throughProvider(await start('google'));
    const res = await t.inject({ method: 'GET', url: path.replace('/google/', '/linkedin/') });
    expect(res.statusCode).toBe(400);
  });

  it('a replayed provider code is refused by the provider and ends in an error redirect, no session', async () => {
    fake.approveAs('x', person('x'));
    const first = await throughProvider(await start('x'));
    expect((await callback(first)).get('code')).toMatch(/^oc_/);

    // A fresh, valid state, but the authorization code from before.
    const second = new URL(await start('x'));
    const replayed = first.replace(/state=[^&]+/, `state=${second.searchParams.get('state')}`);
    const result = await callback(replayed);
    expect(result.get('error')).toBe('auth.oauth_failed');
    expect(result.get('code')).toBeNull();
    expect(fake.tokenRequests.at(-1)).toEqual({
      provider: 'x',
      status: 400,
      error: 'invalid_grant',
    });
  });

  it('a declined consent ends in an error redirect', async () => {
    fake.approveAs('facebook', person('facebook'));
    fake.denyNext('facebook');
    const result = await callback(await throughProvider(await start('facebook')));
    expect(result.get('error')).toBe('auth.oauth_denied');
    expect(result.get('code')).toBeNull();
  });

  it('the one-time exchange code works once', async () => {
    fake.approveAs('linkedin', person('linkedin'));
    const code = (await callback(await throughProvider(await start('linkedin')))).get('code') ?? '';
    expect((await exchange(code)).statusCode).toBe(200);
    const replay = await exchange(code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'auth.invalid_oauth_code' });
    expect(replay.body).not.toMatch(/accessToken/);
    expect((await exchange('oc_neverissued')).statusCode).toBe(401);
  });

  it('never signs into an existing password account by email: link_required', async () => {
    const owner = await passwordAccount('ada.lovelace@example.test');
    for (const provider of ['google', 'facebook'] as const) {
      fake.approveAs(provider, person(provider, { email: 'Ada.Lovelace@example.test' }));
      const result = await callback(await throughProvider(await start(provider)));
      expect(result.get('error')).toBe('auth.link_required');
      expect(result.get('code')).toBeNull();
    }
    const identities = await t.inject({
      method: 'GET',
      url: '/v1/me/identities',
      headers: bearer(owner),
    });
    expect(identities.json()).toEqual([]);
  });

  it('links a provider from settings, then signs in with it; refuses an identity of another user', async () => {
    const ada = await passwordAccount('ada.links@example.test');
    const adaAtGoogle = person('google', { email: 'ada.links@example.test' });
    fake.approveAs('google', adaAtGoogle);

    const result = await callback(await throughProvider(await startLink(ada, 'google')));
    const pendingLink = result.get('pendingLink') ?? '';
    expect(pendingLink).toMatch(/^pl_/);
    expect(result.get('code')).toBeNull();
    // Nothing is linked until Ada confirms with her password.
    const unconfirmed = await t.inject({
      method: 'GET',
      url: '/v1/me/identities',
      headers: bearer(ada),
    });
    expect(unconfirmed.json()).toEqual([]);
    const withoutPassword = await confirmLink(ada, 'google', { pendingLink });
    expect(withoutPassword.statusCode).toBe(400);
    expect(withoutPassword.json()).toMatchObject({ code: 'auth.password_required' });
    const confirmed = await confirmLink(ada, 'google', {
      pendingLink,
      password: 'a-long-password-for-tests',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ provider: 'google' });

    const identities = await t.inject({
      method: 'GET',
      url: '/v1/me/identities',
      headers: bearer(ada),
    });
    expect(identities.json()).toEqual([
      { provider: 'google', email: 'ada.links@example.test', linkedAt: expect.any(String) },
    ]);
    const again = await t.inject({
      method: 'POST',
      url: '/v1/me/identities/google',
      headers: bearer(ada),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'auth.provider_already_linked' });

    // Google sign-in now reaches Ada's account.
    const viaGoogle = await signInWith('google', adaAtGoogle);
    const adaMe = await t.inject({ method: 'GET', url: '/v1/me', headers: bearer(ada) });
    const googleMe = await t.inject({ method: 'GET', url: '/v1/me', headers: bearer(viaGoogle) });
    expect(googleMe.json<{ id: string }>().id).toBe(adaMe.json<{ id: string }>().id);

    // Bob cannot take over the Google identity that belongs to Ada.
    const bob = await passwordAccount('bob.links@example.test');
    const refused = await callback(await throughProvider(await startLink(bob, 'google')));
    expect(refused.get('error')).toBe('auth.identity_in_use');
    const bobIdentities = await t.inject({
      method: 'GET',
      url: '/v1/me/identities',
      headers: bearer(bob),
    });
    expect(bobIdentities.json()).toEqual([]);

    // Ada still has her password, so she may unlink Google.
    const unlink = await t.inject({
      method: 'DELETE',
      url: '/v1/me/identities/google',
      headers: bearer(ada),
    });
    expect(unlink.statusCode).toBe(204);
    const gone = await t.inject({
      method: 'DELETE',
      url: '/v1/me/identities/google',
      headers: bearer(ada),
    });
    expect(gone.statusCode).toBe(404);
  });

  it('refuses to unlink the last way to sign in of an account without a password', async () => {
    const xUser = person('x');
    const viaX = await signInWith('x', xUser);
    const last = await t.inject({
      method: 'DELETE',
      url: '/v1/me/identities/x',
      headers: bearer(viaX),
    });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'auth.last_login_method' });

    // The OAuth-only account has no password that could sign in (GET /v1/me shows its
    // placeholder address as null; this is the address it has in the database).
    const login = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: {
        email: `x-${xUser.subject}@users.oauth.invalid`,
        password: 'anything-at-all-123',
      },
      remoteAddress: randomIp(),
    });
    expect(login.statusCode).toBe(401);

    // With a second provider linked, X may go.
    fake.approveAs('linkedin', person('linkedin'));
    const linked = await callback(await throughProvider(await startLink(viaX, 'linkedin')));
    // No password and no 2FA: the sign-in of a moment ago is the confirmation.
    const confirmed = await confirmLink(viaX, 'linkedin', {
      pendingLink: linked.get('pendingLink'),
    });
    expect(confirmed.statusCode).toBe(200);
    const unlink = await t.inject({
      method: 'DELETE',
      url: '/v1/me/identities/x',
      headers: bearer(viaX),
    });
    expect(unlink.statusCode).toBe(204);
    const lastAgain = await t.inject({
      method: 'DELETE',
      url: '/v1/me/identities/linkedin',
      headers: bearer(viaX),
    });
    expect(lastAgain.statusCode).toBe(409);
  });

  it('a provider without credentials is listed as disabled and answers 404', async () => {
    const env: Record<string, string> = {
      FRONTEND_URL,
      GOOGLE_CLIENT_ID: CLIENTS.google.clientId,
      GOOGLE_CLIENT_SECRET: CLIENTS.google.clientSecret,
      ...fake.endpoints('google'),
    };
    const partial = await TestApp.create({ role: 'api', replicaOf: t, env });
    try {
      const list = await partial.inject({ method: 'GET', url: '/v1/auth/providers' });
      expect(list.json()).toEqual(
        PROVIDERS.map((provider) => ({ provider, enabled: provider === 'google' })),
      );
      for (const url of [
        '/v1/auth/oauth/facebook',
        '/v1/auth/oauth/myspace',
        '/v1/auth/oauth/x/callback?code=a&state=b',
      ]) {
        const res = await partial.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json()).toMatchObject({ code: 'auth.provider_unavailable' });
      }
      expect(
        (await partial.inject({ method: 'GET', url: '/v1/auth/oauth/google' })).statusCode,
      ).toBe(302);
    } finally {
      await partial.close();
    }
  });
});
