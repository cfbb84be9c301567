import { getQueueToken } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bull';
import { QUEUES } from '@lib/queue';
import { eventually, SocialNetworksFake, TestApp, type FakeNetwork } from '@lib/testing';
import { SocialAccount, SocialTokenVault } from '../src/modules/social';
import { createUser, signIn } from './support/accounts';
import { connectNetwork, readyFile } from './support/social';

interface Target {
  id: string;
  accountId: string;
  network: string;
  status: string;
  remoteId: string | null;
  remoteUrl: string | null;
  failureReason: string | null;
  retryable: boolean | null;
}
interface Post {
  id: string;
  targets: Target[];
}

/** Tokens the fake issues look like `<network>-at-<hex>` / `<network>-rt-<hex>`. */
const TOKEN = /(linkedin|x|facebook|instagram)-(at|rt)-[0-9a-f]{32}/;

describe('social publishing through the real network drivers against their fakes', () => {
  const fake = new SocialNetworksFake();
  let t: TestApp;
  let seq = 0;
  const bodies: string[] = [];

  beforeAll(async () => {
    await fake.start();
    fake
      .approveAs('linkedin', { id: 'li-member-1', name: 'Ada Lovelace', username: 'ada' })
      .approveAs('x', { id: '1846000000000000001', name: 'Ada', username: 'ada_codes' })
      .approveAs('facebook', {
        id: 'fb-user-1',
        name: 'Ada',
        username: 'ada',
        pages: [
          { id: '101000000000001', name: 'Ada Consulting' },
          { id: '101000000000002', name: 'Ada Careers' },
        ],
      })
      .approveAs('instagram', { id: '17841400000000001', name: 'Ada', username: 'ada.codes' });
    t = await TestApp.create({
      env: {
        ...fake.env(),
        SOCIAL_SCHEDULE_INTERVAL_MS: '400',
        SOCIAL_CONFIRM_DELAY_MS: '2500',
        SOCIAL_HTTP_TIMEOUT_MS: '1500',
        SOCIAL_INSTAGRAM_POLL_MS: '20',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  async function newUser() {
    seq += 1;
    const email = `networks-${seq}@example.com`;
    const userId = await createUser(t, {
      email,
      password: 'correct horse battery',
      tier: 'premium',
    });
    const { authorization } = await signIn(t, email, 'correct horse battery');
    return { userId, authorization };
  }

  async function call(
    method: 'GET' | 'POST',
    url: string,
    authorization: string,
    payload?: object,
  ) {
    const response = await t.inject({
      method,
      url,
      headers: { authorization },
      ...(payload ? { payload } : {}),
    });
    bodies.push(response.body);
    return response;
  }

  async function publishNow(authorization: string, payload: object): Promise<Post> {
    const created = await call('POST', '/v1/social/posts', authorization, payload);
    expect(created.statusCode).toBe(201);
    const post = created.json<Post>();
    const now = await call('POST', `/v1/social/posts/${post.id}/publish-now`, authorization);
    expect(now.statusCode).toBe(200);
    return post;
  }

  async function settled(authorization: string, postId: string, status = 'published') {
    return eventually(async () => {
      const current = (await call('GET', `/v1/social/posts/${postId}`, authorization)).json<Post>();
      return current.targets.every((x) => x.status === status) ? current : undefined;
    }, 20_000);
  }

  async function via(postId: string): Promise<string[]> {
    const rows = await t
      .get(EntityManager)
      .fork()
      .execute<Array<{ type: string; payload: { via?: string } }>>(
        `select type, payload from event_store where stream_id = ? and type = 'social.post_published' order by seq`,
        [postId],
      );
    return rows.map((r) => r.payload.via ?? '');
  }

  it('lists the four networks as available once their credentials are set', async () => {
    const { authorization } = await newUser();
    const items = (await call('GET', '/v1/social/networks', authorization)).json<{
      items: Array<{ name: string; status: string }>;
    }>().items;
    expect(Object.fromEntries(items.map((n) => [n.name, n.status]))).toEqual({
      sandbox: 'available',
      linkedin: 'available',
      x: 'available',
      facebook: 'available',
      instagram: 'available',
    });
  });

  it('connects each network and publishes a text and an image post; the remote id comes from the network’s own place (acceptance 1)', async () => {
    const { userId, authorization } = await newUser();
    const [linkedin] = await connectNetwork(t, authorization, 'linkedin');
    const [x] = await connectNetwork(t, authorization, 'x');
    const pages = await connectNetwork(t, authorization, 'facebook');
    const [instagram] = await connectNetwork(t, authorization, 'instagram');
    expect(pages).toHaveLength(2);
    const facebook = pages[0];

    const accounts = (await call('GET', '/v1/social/accounts', authorization)).json<{
      items: Array<{ id: string; network: string; kind: string; name: string; health: string }>;
    }>().items;
    expect(accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: linkedin,
          network: 'linkedin',
          kind: 'member',
          health: 'connected',
        }),
        expect.objectContaining({ id: x, network: 'x', kind: 'member', health: 'connected' }),
        expect.objectContaining({
          id: facebook,
          network: 'facebook',
          kind: 'page',
          name: 'Ada Consulting',
          health: 'connected',
        }),
        expect.objectContaining({
          id: instagram,
          network: 'instagram',
          kind: 'instagram_account',
          health: 'connected',
        }),
      ]),
    );

    // Text to the three networks that take text alone.
    const text = await publishNow(authorization, {
      text: 'Hello from Career Tools (a #test post) & more',
      accounts: [linkedin, x, facebook],
    });
    const textDone = await settled(authorization, text.id);
    const byNetwork = (post: Post, network: string) =>
      post.targets.find((p) => p.network === network)!;

    const liPost = fake.posts('linkedin', 'li-member-1')[0];
    expect(liPost.text).toBe('Hello from Career Tools \\(a \\#test post\\) & more');
    const liCreate = fake
      .requests('linkedin')
      .find((r) => r.method === 'POST' && r.path === '/rest/posts')!;
    expect(liCreate.headers['linkedin-version']).toMatch(/^\d{6}$/);
    expect(byNetwork(textDone, 'linkedin').remoteId).toBe(liPost.id);
    expect(liPost.id).toMatch(/^urn:li:share:\d+$/);
    expect(byNetwork(textDone, 'linkedin').remoteUrl).toBe(
      `https://www.linkedin.com/feed/update/${liPost.id}/`,
    );

    const tweet = fake.posts('x')[0];
    expect(byNetwork(textDone, 'x').remoteId).toBe(tweet.id);
    expect(tweet.text).toBe('Hello from Career Tools (a #test post) &amp; more');

    const pagePost = fake.posts('facebook', '101000000000001')[0];
    expect(byNetwork(textDone, 'facebook').remoteId).toBe(pagePost.id);
    expect(pagePost.id).toMatch(/^101000000000001_\d+$/);

    // An image to all four.
    const image = await readyFile(t, userId);
    const picture = await publishNow(authorization, {
      text: 'A picture of the new release',
      media: [{ fileId: image }],
      accounts: [linkedin, x, facebook, instagram],
    });
    const pictureDone = await settled(authorization, picture.id);

    const liImagePost = fake.posts('linkedin', 'li-member-1')[0];
    expect(liImagePost.media).toEqual([expect.stringMatching(/^urn:li:image:/)]);
    expect(
      fake
        .requests('linkedin')
        .some((r) => r.method === 'PUT' && r.path.startsWith('/upload/') && r.body.length > 0),
    ).toBe(true);
    expect(byNetwork(pictureDone, 'linkedin').remoteId).toBe(liImagePost.id);

    const imageTweet = fake.posts('x')[0];
    expect(imageTweet.media).toHaveLength(1);
    expect(byNetwork(pictureDone, 'x').remoteId).toBe(imageTweet.id);

    // Facebook: the photo's post_id (page_post), not the photo id.
    const photoPost = fake.posts('facebook', '101000000000001')[0];
    expect(photoPost.media[0]).toMatch(/^https?:\/\//);
    expect(byNetwork(pictureDone, 'facebook').remoteId).toBe(photoPost.id);
    expect(photoPost.id).toMatch(/^101000000000001_\d+$/);

    // Instagram: the id media_publish answered, not the container's.
    const igPost = fake.posts('instagram')[0];
    const publishCall = fake.requests('instagram').find((r) => r.path.endsWith('/media_publish'))!;
    expect(byNetwork(pictureDone, 'instagram').remoteId).toBe(igPost.id);
    const containerId = (JSON.parse(publishCall.body.toString()) as { creation_id: string })
      .creation_id;
    expect(containerId).toBeTruthy();
    expect(igPost.id).not.toBe(containerId);
    expect(igPost.text).toBe('A picture of the new release');
    const statusReads = fake
      .requests('instagram')
      .filter((r) => r.url.searchParams.get('fields')?.includes('status_code'));
    expect(statusReads.length).toBeGreaterThanOrEqual(2);

    // Metrics from each network's own counters, stored as snapshots.
    type Metrics = {
      targets: Array<{
        targetId?: string;
        latest: { likes: number; comments: number; impressions: number | null } | null;
      }>;
    };
    const metrics = await eventually(async () => {
      const body = (
        await call('GET', `/v1/social/posts/${picture.id}/metrics`, authorization)
      ).json<Metrics>();
      return body.targets.length === 4 && body.targets.every((m) => m.latest) ? body : undefined;
    }, 20_000);
    for (const target of metrics.targets) {
      expect(target.latest).toMatchObject({ likes: 7, comments: 2, impressions: 120 });
    }

    for (const body of bodies) expect(body).not.toMatch(TOKEN);
    const em = t.get(EntityManager).fork();
    const stored = await em.findOneOrFail(SocialAccount, { id: facebook });
    const pageToken = t.get(SocialTokenVault).open(stored);
    expect(pageToken.accessToken).toMatch(/^facebook-at-/);
    expect(stored.accessTokenSealed).not.toContain(pageToken.accessToken);
  });

  it('never makes a second post after the network accepted one whose answer was lost or late (acceptance 2)', async () => {
    const { userId, authorization } = await newUser();
    const ids: Record<FakeNetwork, string> = {
      linkedin: (await connectNetwork(t, authorization, 'linkedin'))[0],
      x: (await connectNetwork(t, authorization, 'x'))[0],
      facebook: (await connectNetwork(t, authorization, 'facebook'))[0],
      instagram: (await connectNetwork(t, authorization, 'instagram'))[0],
    };
    const image = await readyFile(t, userId);
    fake.failNextCreate('linkedin', { type: 'accept-then-drop' });
    fake.failNextCreate('x', { type: 'accept-then-late', delayMs: 2500 });
    fake.failNextCreate('facebook', { type: 'accept-then-drop' });
    fake.failNextCreate('instagram', { type: 'accept-then-late', delayMs: 2500 });
    const text = `Accepted, answer lost ${Date.now()}`;
    const post = await publishNow(authorization, {
      text,
      media: [{ fileId: image }],
      accounts: Object.values(ids),
    });
    const done = await settled(authorization, post.id, 'published');
    const types = await t
      .get(EntityManager)
      .fork()
      .execute<Array<{ type: string }>>(
        `select type from event_store where stream_id = ? and type = 'social.post_unconfirmed'`,
        [post.id],
      );
    expect(types).toHaveLength(4);

    for (const network of Object.keys(ids) as FakeNetwork[]) {
      const made = fake.posts(network).filter((p) => p.text.includes('Accepted, answer lost'));
      expect(made).toHaveLength(1);
      expect(done.targets.find((x) => x.network === network)!.remoteId).toBe(made[0].id);
    }
    expect(await via(post.id)).toEqual([
      'recent_posts',
      'recent_posts',
      'recent_posts',
      'recent_posts',
    ]);
  });

  it('sending an unconfirmed target again finds the post it made instead of creating another', async () => {
    const { userId, authorization } = await newUser();
    const [x] = await connectNetwork(t, authorization, 'x');
    const image = await readyFile(t, userId);
    fake.failNextCreate('x', { type: 'accept-then-drop' });
    const text = `Sent again after a lost answer ${Date.now()}`;
    const post = await publishNow(authorization, {
      text,
      media: [{ fileId: image }],
      accounts: [x],
    });
    const unconfirmed = await settled(authorization, post.id, 'unconfirmed');
    // The scheduled check is taken away: what settles the target is the second send.
    const queue = t.get<Queue>(getQueueToken(QUEUES.scheduled));
    for (const job of await queue.getDelayed()) {
      const data = job.data as { targetId?: string };
      if (job.name === 'social-confirm' && data.targetId === unconfirmed.targets[0].id)
        await job.remove();
    }
    const again = await call('POST', `/v1/social/posts/${post.id}/publish-now`, authorization);
    expect(again.statusCode).toBe(200);
    const done = await settled(authorization, post.id);
    const made = fake.posts('x').filter((p) => p.text.startsWith('Sent again after a lost answer'));
    expect(made).toHaveLength(1);
    expect(done.targets[0].remoteId).toBe(made[0].id);
    expect(await via(post.id)).toEqual(['recent_posts']);
  });

  it('resolves duplicate answers to the existing post: LinkedIn 422 with its URN, X 403, Facebook #506 (acceptance 2)', async () => {
    const { authorization } = await newUser();
    const linkedin = (await connectNetwork(t, authorization, 'linkedin'))[0];
    const x = (await connectNetwork(t, authorization, 'x'))[0];
    const facebook = (await connectNetwork(t, authorization, 'facebook'))[1];
    const text = `Said once, sent twice ${Date.now()}`;
    const first = await settled(
      authorization,
      (await publishNow(authorization, { text, accounts: [linkedin, x, facebook] })).id,
    );
    const second = await settled(
      authorization,
      (await publishNow(authorization, { text, accounts: [linkedin, x, facebook] })).id,
    );
    for (const network of ['linkedin', 'x', 'facebook']) {
      const a = first.targets.find((p) => p.network === network)!;
      const b = second.targets.find((p) => p.network === network)!;
      expect(b.remoteId).toBe(a.remoteId);
    }
    const liDuplicate = fake
      .requests('linkedin')
      .filter((r) => r.path === '/rest/posts' && r.method === 'POST');
    expect(liDuplicate.length).toBeGreaterThanOrEqual(2);
    expect(fake.posts('linkedin').filter((p) => p.text.includes('Said once'))).toHaveLength(1);
    expect(fake.posts('x').filter((p) => p.text.includes('Said once'))).toHaveLength(1);
    expect(fake.posts('facebook').filter((p) => p.text.includes('Said once'))).toHaveLength(1);
    expect(await via(second.id)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('answers a 429 as a retryable failure and a server error as unconfirmed', async () => {
    const { authorization } = await newUser();
    const [x] = await connectNetwork(t, authorization, 'x');
    const pages = await connectNetwork(t, authorization, 'facebook');
    fake.failNextCreate('x', { type: 'rate-limited' });
    const limited = await publishNow(authorization, {
      text: `Too fast ${Date.now()}`,
      accounts: [x],
    });
    const failed = await settled(authorization, limited.id, 'failed');
    expect(failed.targets[0]).toMatchObject({
      retryable: true,
      failureReason: expect.stringContaining('rate_limited'),
    });

    fake.failNextCreate('facebook', { type: 'server-error' });
    const broken = await publishNow(authorization, {
      text: `Server hiccup ${Date.now()}`,
      accounts: [pages[0]],
    });
    await settled(authorization, broken.id, 'unconfirmed');
  });

  it('an expired token or a refused refresh makes the account reconnect_required and notifies (acceptance 4)', async () => {
    const { userId, authorization } = await newUser();
    const [linkedin] = await connectNetwork(t, authorization, 'linkedin');
    fake.expireTokens('linkedin');
    const post = await publishNow(authorization, {
      text: `After revocation ${Date.now()}`,
      accounts: [linkedin],
    });
    const failed = await settled(authorization, post.id, 'failed');
    expect(failed.targets[0].failureReason).toBe('reconnect_required');

    const em = t.get(EntityManager);
    const [instagram] = await connectNetwork(t, authorization, 'instagram');
    const [x] = await connectNetwork(t, authorization, 'x');
    const before = await em.fork().findOneOrFail(SocialAccount, { id: x });
    fake.refuseRefresh('instagram');
    for (const id of [instagram, x]) {
      await em
        .fork()
        .nativeUpdate(SocialAccount, { id }, { tokenExpiresAt: new Date(Date.now() + 60_000) });
    }
    const health = await eventually(async () => {
      const items = (await call('GET', '/v1/social/accounts', authorization)).json<{
        items: Array<{ id: string; health: string }>;
      }>().items;
      const of = (id: string) => items.find((a) => a.id === id)?.health;
      return of(linkedin) === 'reconnect_required' && of(instagram) === 'reconnect_required'
        ? items
        : undefined;
    }, 20_000);
    expect(health.find((a) => a.id === x)?.health).toBe('connected');

    // X rotated its refresh token: the old one is dead at the fake, the new one stored.
    const rotated = await eventually(async () => {
      const now = await em.fork().findOneOrFail(SocialAccount, { id: x });
      return now.tokenExpiresAt!.getTime() > Date.now() + 3_600_000 ? now : undefined;
    }, 20_000);
    const vault = t.get(SocialTokenVault);
    expect(vault.open(rotated).refreshToken).not.toBe(vault.open(before).refreshToken);
    expect(fake.state.takeRefreshToken('x', vault.open(before).refreshToken!)).toBeNull();

    const notified = await eventually(async () => {
      const rows = await em
        .fork()
        .execute<Array<{ type: string }>>(
          `select type from notifications where user_id = ? and type = 'social.reconnect_required'`,
          [userId],
        );
      return rows.length >= 2 ? rows : undefined;
    }, 20_000);
    expect(notified).toHaveLength(2);
    fake.refuseRefresh('instagram', false);
    for (const body of bodies) expect(body).not.toMatch(TOKEN);
  });
});
