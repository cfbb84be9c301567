import type { OAuthProviderFake, OAuthFakeClient, OAuthFakeUser, TestApp } from '@lib/testing';
import { freshIp } from './accounts';

export type OAuthProvider = 'google' | 'linkedin' | 'x' | 'facebook';

export const OAUTH_CLIENTS: Record<
  OAuthProvider,
  OAuthFakeClient & { idVar: string; secretVar: string }
> = {
  google: {
    clientId: 'google-client',
    clientSecret: 'google-secret',
    auth: 'basic',
    dialect: 'oidc',
    idVar: 'GOOGLE_CLIENT_ID',
    secretVar: 'GOOGLE_CLIENT_SECRET',
  },
  linkedin: {
    clientId: 'linkedin-client',
    clientSecret: 'linkedin-secret',
    auth: 'post',
    dialect: 'oidc',
    idVar: 'LINKEDIN_CLIENT_ID',
    secretVar: 'LINKEDIN_CLIENT_SECRET',
  },
  x: {
    clientId: 'x-client',
    clientSecret: 'x-secret',
    auth: 'basic',
    dialect: 'x',
    idVar: 'TWITTER_CLIENT_ID',
    secretVar: 'TWITTER_CLIENT_SECRET',
  },
  facebook: {
    clientId: 'facebook-app',
    clientSecret: 'facebook-secret',
    auth: 'post',
    dialect: 'facebook',
    idVar: 'FACEBOOK_APP_ID',
    secretVar: 'FACEBOOK_APP_SECRET',
  },
};
export const OAUTH_TEST_PROVIDERS = Object.keys(OAUTH_CLIENTS) as OAuthProvider[];
export const FRONTEND_URL = 'http://frontend.test';

/** Registers every provider with the (started) fake and returns the app env that uses it. */
export function oauthEnv(fake: OAuthProviderFake): Record<string, string> {
  const env: Record<string, string> = { FRONTEND_URL };
  for (const p of OAUTH_TEST_PROVIDERS) {
    env[OAUTH_CLIENTS[p].idVar] = OAUTH_CLIENTS[p].clientId;
    env[OAUTH_CLIENTS[p].secretVar] = OAUTH_CLIENTS[p].clientSecret;
    Object.assign(env, fake.endpoints(p));
  }
  return env;
}

export function registerOAuthClients(fake: OAuthProviderFake): void {
  for (const p of OAUTH_TEST_PROVIDERS) fake.register(p, OAUTH_CLIENTS[p]);
}

/** The `name=value` of a Set-Cookie header (the cookie a browser would send back). */
export function cookieOf(setCookie: string | string[] | undefined): string | undefined {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return first?.split(';')[0];
}

/**
 * One browser going through OAuth: it keeps the cookie our API sets when a
 * flow starts and sends it back on the callback, as a browser would.
 */
export class OAuthBrowser {
  cookie?: string;

  constructor(private readonly t: TestApp) {}

  /** GET /v1/auth/oauth/{p}: the provider's authorization URL. */
  async start(provider: string): Promise<string> {
    const res = await this.t.inject({ method: 'GET', url: `/v1/auth/oauth/${provider}` });
    if (res.statusCode !== 302) throw new Error(`start failed: ${res.statusCode} ${res.body}`);
    this.keepCookie(res.headers['set-cookie']);
    return res.headers.location as string;
  }

  keepCookie(setCookie: string | string[] | undefined): void {
    this.cookie = cookieOf(setCookie) ?? this.cookie;
  }

  /** The fake's consent page → the path of our callback it redirects to. */
  async consent(authorizationUrl: string): Promise<string> {
    const consent = await fetch(authorizationUrl, { redirect: 'manual' });
    if (consent.status !== 302) throw new Error(`consent failed: ${consent.status}`);
    const back = new URL(consent.headers.get('location') ?? '');
    return back.pathname + back.search;
  }

  /** Calls our callback; returns the raw response. */
  callbackResponse(callbackPath: string) {
    return this.t.inject({
      method: 'GET',
      url: callbackPath,
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
  }

  /** Calls our callback; returns the query of the frontend URL it redirects to. */
  async callback(callbackPath: string): Promise<URLSearchParams> {
    const res = await this.callbackResponse(callbackPath);
    if (res.statusCode !== 302) throw new Error(`callback failed: ${res.statusCode} ${res.body}`);
    const location = new URL(res.headers.location as string);
    if (`${location.origin}${location.pathname}` !== `${FRONTEND_URL}/oauth/callback`) {
      throw new Error(`unexpected redirect ${location.toString()}`);
    }
    return location.searchParams;
  }

  /** Start → consent as `user` → callback: the frontend callback's query. */
  async signIn(
    fake: OAuthProviderFake,
    provider: OAuthProvider,
    user: OAuthFakeUser,
  ): Promise<URLSearchParams> {
    fake.approveAs(provider, user);
    return this.callback(await this.consent(await this.start(provider)));
  }

  exchange(code: string, extra: Record<string, string> = {}) {
    return this.t.inject({
      method: 'POST',
      url: '/v1/auth/oauth/exchange',
      payload: { code, ...extra },
      remoteAddress: freshIp(),
    });
  }
}
