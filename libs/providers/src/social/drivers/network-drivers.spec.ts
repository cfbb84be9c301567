import { createHash, randomBytes } from 'node:crypto';
import { SocialNetworksFake } from '@lib/testing';
import { createSocialNetworks } from '../social-networks';
import {
  SocialNetworkError,
  type SocialAccountAccess,
  type SocialMedia,
  type SocialNetwork,
} from '../social-network.port';
import { escapeLittleText, unescapeLittleText } from './linkedin.driver';

const REDIRECT = 'http://api.test/v1/social/connect/cb';

/** Consent at the fake, code exchange, first identity: what the connect flow does. */
async function connect(driver: SocialNetwork, index = 0): Promise<SocialAccountAccess> {
  const verifier = randomBytes(32).toString('base64url');
  const consent = await fetch(
    driver.authorizeUrl({
      state: 'st',
      codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
      redirectUri: REDIRECT,
    }),
    { redirect: 'manual' },
  );
  const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
  const tokens = await driver.exchangeCode({ code, codeVerifier: verifier, redirectUri: REDIRECT });
  const identity = (await driver.identities(tokens))[index];
  return { remoteId: identity.remoteId, accessToken: identity.accessToken ?? tokens.accessToken };
}

const image = (n = 1): SocialMedia => ({
  kind: 'image',
  mimeType: 'image/jpeg',
  sizeBytes: 10,
  url: `https://media.example/signed/${n}.jpg?signature=abc`,
  read: () => Promise.resolve(Buffer.from(`jpeg-${n}`)),
});

describe('real network drivers against the social fake', () => {
  const fake = new SocialNetworksFake();
  let drivers: ReturnType<typeof createSocialNetworks>;

  beforeAll(async () => {
    await fake.start();
    fake
      .approveAs('linkedin', { id: 'm1', name: 'Member One', username: 'm1' })
      .approveAs('x', { id: '42', name: 'X One', username: 'x_one' })
      .approveAs('facebook', {
        id: 'u1',
        name: 'User',
        username: 'u',
        pages: [{ id: '555', name: 'Page' }],
      })
      .approveAs('instagram', { id: '1784', name: 'IG', username: 'ig' });
    drivers = createSocialNetworks({
      SOCIAL_SANDBOX: false,
      ...fake.env(),
      SOCIAL_HTTP_TIMEOUT_MS: 1000,
      SOCIAL_INSTAGRAM_POLL_MS: 10,
    });
  });
  afterAll(() => fake.stop());

  const driver = (name: 'linkedin' | 'x' | 'facebook' | 'instagram') => drivers.get(name)!;

  it('escapes LinkedIn little text and reads it back', () => {
    const text = 'C# (and) [links] @you #tag_1 ~ * | {x} <b> \\';
    expect(escapeLittleText(text)).toBe(
      'C\\# \\(and\\) \\[links\\] \\@you \\#tag\\_1 \\~ \\* \\| \\{x\\} \\<b\\> \\\\',
    );
    expect(unescapeLittleText(escapeLittleText(text))).toBe(text);
  });

  it('reads X posts back as written: no media links, no HTML escapes', async () => {
    const x = driver('x');
    const account = await connect(x);
    const since = new Date(Date.now() - 1000);
    const made = await x.createPost(account, { text: 'Tom & Jerry <3', media: [image()] });
    expect(fake.posts('x')[0].text).toMatch(/^Tom &amp; Jerry &lt;3 https:\/\/t\.co\/\w+$/);
    expect(await x.findRecent(account, since)).toEqual([
      expect.objectContaining({ remoteId: made.remoteId, text: 'Tom & Jerry <3' }),
    ]);
    expect(await x.metrics(account, made.remoteId)).toEqual({
      likes: 7,
      comments: 2,
      shares: 1,
      impressions: 120,
    });
  });

  it('reports a 429 as rate_limited with the reset from X’s headers', async () => {
    const x = driver('x');
    const account = await connect(x);
    fake.failNextCreate('x', { type: 'rate-limited' });
    const error = await x
      .createPost(account, { text: 'slow down', media: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocialNetworkError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect((error as SocialNetworkError).rateLimit).toMatchObject({ remaining: 0 });
    expect((error as SocialNetworkError).rateLimit!.resetAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('posts several photos to a Facebook page as one feed post with attached media', async () => {
    const facebook = driver('facebook');
    const page = await connect(facebook);
    expect(page.remoteId).toBe('555');
    const made = await facebook.createPost(page, {
      text: 'Two photos',
      media: [image(1), image(2)],
    });
    const stored = fake.posts('facebook', '555')[0];
    expect(made.remoteId).toBe(stored.id);
    expect(stored.media).toHaveLength(2);
  });

  it('publishes an Instagram carousel: a container per image, the carousel, then media_publish', async () => {
    const instagram = driver('instagram');
    const account = await connect(instagram);
    const made = await instagram.createPost(account, {
      text: 'Carousel',
      media: [image(1), image(2)],
    });
    const stored = fake.posts('instagram')[0];
    expect(made.remoteId).toBe(stored.id);
    expect(stored.media).toHaveLength(2);
    expect(made.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
  });

  it('refuses to publish past Instagram’s 24-hour quota without creating a container', async () => {
    const instagram = driver('instagram');
    const account = await connect(instagram);
    const containers = fake.requests('instagram').filter((r) => r.path.endsWith('/media')).length;
    fake.state.instagramQuotaOffset = 50;
    try {
      await expect(
        instagram.createPost(account, { text: 'One too many', media: [image()] }),
      ).rejects.toMatchObject({ kind: 'rate_limited', retryable: true });
    } finally {
      fake.state.instagramQuotaOffset = 0;
    }
    expect(fake.requests('instagram').filter((r) => r.path.endsWith('/media')).length).toBe(
      containers,
    );
  });

  it('never puts a secret or a token in an error message', async () => {
    const facebook = driver('facebook');
    const failed = await facebook
      .exchangeCode({ code: 'used-code', codeVerifier: '', redirectUri: REDIRECT })
      .then(
        () => new Error('exchanged'),
        (e: Error) => e,
      );
    expect(failed).toBeInstanceOf(SocialNetworkError);
    expect(failed.message).not.toContain('fb-secret');
    expect(failed.message).not.toContain('used-code');

    const instagram = driver('instagram');
    const account = await connect(instagram);
    fake.refuseRefresh('instagram');
    try {
      const refused = await instagram
        .refresh({
          accessToken: account.accessToken,
          refreshToken: account.accessToken,
          expiresAt: null,
          scopes: [],
        })
        .then(
          () => new Error('refreshed'),
          (e: Error) => e,
        );
      expect(refused).toMatchObject({ kind: 'invalid_token' });
      expect(refused.message).not.toContain(account.accessToken);
    } finally {
      fake.refuseRefresh('instagram', false);
    }
  });
});
