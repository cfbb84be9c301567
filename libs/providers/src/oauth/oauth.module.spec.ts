import { loadConfig } from '@lib/config';
import { OAuthProviderFake, type OAuthFakeClient } from '@lib/testing';
import { createOAuthLogin } from './oauth.module';
import { OAuthProviderError, type OAuthProviderName } from './oauth.port';

const CLIENTS: Record<OAuthProviderName, OAuthFakeClient & { env: [string, string] }> = {
  google: {
    clientId: 'g-id',
    clientSecret: 'g-secret',
    auth: 'basic',
    dialect: 'oidc',
    env: ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
  },
  linkedin: {
    clientId: 'l-id',
    clientSecret: 'l-secret',
    auth: 'post',
    dialect: 'oidc',
    env: ['LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET'],
  },
  x: {
    clientId: 'x-id',
    clientSecret: 'x-secret',
    auth: 'basic',
    dialect: 'x',
    env: ['TWITTER_CLIENT_ID', 'TWITTER_CLIENT_SECRET'],
  },
  facebook: {
    clientId: 'f-id',
    clientSecret: 'f-secret',
    auth: 'post',
    dialect: 'facebook',
    env: ['FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET'],
  },
};
const NAMES = Object.keys(CLIENTS) as OAuthProviderName[];

describe('OAuth login drivers against the fake provider', () => {
  const fake = new OAuthProviderFake();
  let env: Record<string, string>;

  beforeAll(async () => {
    for (const name of NAMES) fake.register(name, CLIENTS[name]);
    await fake.start();
    env = { API_URL: 'http://api.test' };
    for (const name of NAMES) {
      const [idVar, secretVar] = CLIENTS[name].env;
      Object.assign(env, fake.endpoints(name), {
        [idVar]: CLIENTS[name].clientId,
        [secretVar]: CLIENTS[name].clientSecret,
      });
    }
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  /** Follows the consent redirect and returns the `code` it carries back. */
  async function consent(url: string): Promise<string> {
    const response = await fetch(url, { redirect: 'manual' });
    const back = new URL(response.headers.get('location') ?? '');
    expect(back.pathname).toMatch(/^\/v1\/auth\/oauth\/[a-z]+\/callback$/);
    return back.searchParams.get('code') ?? '';
  }

  it('enables only providers with credentials', () => {
    const login = createOAuthLogin(
      loadConfig({ GOOGLE_CLIENT_ID: 'a', GOOGLE_CLIENT_SECRET: 'b' }),
    );
    expect(NAMES.filter((n) => login.isEnabled(n))).toEqual(['google']);
    expect(() => login.driver('x')).toThrow(/not enabled/);
  });

  it.each(NAMES)('%s: PKCE round trip, client authentication and profile shape', async (name) => {
    const login = createOAuthLogin(loadConfig(env));
    const driver = login.driver(name);
    fake.approveAs(name, {
      subject: `${name}-1`,
      name: 'Ada',
      email: 'Ada@Example.test',
      emailVerified: true,
      username: 'ada',
      picture: `https://pictures.example.test/${name}/ada.jpg`,
    });
    const code = await consent(driver.authorizationUrl('state-1', 'v'.repeat(43)));
    const profile = await driver.complete(code, 'v'.repeat(43));
    const vouches = name === 'google' || name === 'linkedin';
    expect(driver.vouchesForEmail).toBe(vouches);
    expect(profile).toEqual({
      subject: `${name}-1`,
      name: 'Ada',
      email: name === 'x' ? null : 'ada@example.test',
      emailVerified: vouches,
      // Each provider's own shape (OIDC `picture`, X `profile_image_url`, Facebook `picture.data.url`).
      pictureUrl: `https://pictures.example.test/${name}/ada.jpg`,
    });
    expect(fake.tokenRequests).toEqual([{ provider: name, status: 200, error: undefined }]);
  });

  it('a wrong PKCE verifier or a used code is a token_exchange_failed error', async () => {
    const driver = createOAuthLogin(loadConfig(env)).driver('linkedin');
    fake.approveAs('linkedin', { subject: 's', name: 'n' });
    const code = await consent(driver.authorizationUrl('s', 'a'.repeat(43)));
    await expect(driver.complete(code, 'b'.repeat(43))).rejects.toEqual(
      expect.objectContaining({ reason: 'token_exchange_failed' }),
    );
    await expect(driver.complete(code, 'a'.repeat(43))).rejects.toBeInstanceOf(OAuthProviderError);
  });
});
