import { EntityManager } from '@mikro-orm/postgresql';
import type { SandboxNetwork } from '@lib/providers';
import { eventually, TestApp } from '@lib/testing';
import { SocialAccount, SocialNetworks, SocialTokenVault } from '../src/modules/social';
import { createUser, signIn } from './support/accounts';
import { connectSandbox, readyFile } from './support/social';

interface Target {
  id: string;
  accountId: string;
  network: string;
  status: string;
  remoteId: string | null;
  remoteUrl: string | null;
  failureReason: string | null;
}
interface Post {
  id: string;
  status: string;
  scheduledAt: string | null;
  targets: Target[];
}

describe('social publisher on the sandbox network', () => {
  let t: TestApp;
  let sandbox: SandboxNetwork;
  let seq = 0;

  beforeAll(async () => {
    t = await TestApp.create({
      env: {
        SOCIAL_SCHEDULE_INTERVAL_MS: '400',
        SOCIAL_CONFIRM_DELAY_MS: '800',
        LINKEDIN_CLIENT_ID: 'li-client',
        LINKEDIN_CLIENT_SECRET: 'li-secret',
      },
    });
    sandbox = t.get(SocialNetworks).driver('sandbox') as SandboxNetwork;
  });
  afterAll(() => t.close());

  async function newUser(tier: 'free' | 'pro' | 'premium' = 'free') {
    seq += 1;
    const email = `social-${seq}@example.com`;
    const userId = await createUser(t, { email, password: 'correct horse battery', tier });
    const { authorization } = await signIn(t, email, 'correct horse battery');
    return { userId, authorization };
  }

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    authorization: string,
    payload?: object,
  ) => t.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

  async function post(authorization: string, payload: object): Promise<Post> {
    const response = await call('POST', '/v1/social/posts', authorization, payload);
    expect(response.statusCode).toBe(201);
    return response.json<Post>();
  }

  async function published(authorization: string, postId: string): Promise<Post> {
    return eventually(async () => {
      const current = (await call('GET', `/v1/social/posts/${postId}`, authorization)).json<Post>();
      return current.targets.every((x) => x.status === 'published') ? current : undefined;
    }, 20_000);
  }

  it('lists every network: the sandbox and configured networks connectable, others not configured', async () => {
    const { authorization } = await newUser();
    const response = await call('GET', '/v1/social/networks', authorization);
    expect(response.statusCode).toBe(200);
    const items = response.json<{
      items: Array<{ name: string; status: string; rules: { maxTextLength: number } }>;
    }>().items;
    expect(Object.fromEntries(items.map((n) => [n.name, n.status]))).toEqual({
      sandbox: 'available',
      linkedin: 'available',
      x: 'not_configured',
      facebook: 'not_configured',
      instagram: 'not_configured',
    });
    expect(items.find((n) => n.name === 'sandbox')!.rules.maxTextLength).toBe(280);
    const refused = await call('GET', '/v1/social/connect/x', authorization);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'social.network_unavailable',
      networkStatus: 'not_configured',
    });
  });

  it('connects a sandbox account with sealed tokens that never appear in a response', async () => {
    const { authorization } = await newUser();
    const accountId = await connectSandbox(t, authorization);
    const list = await call('GET', '/v1/social/accounts', authorization);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      items: [{ id: accountId, network: 'sandbox', health: 'connected', kind: 'sandbox' }],
    });
    const account = await t
      .get(EntityManager)
      .fork()
      .findOneOrFail(SocialAccount, { id: accountId });
    const tokens = t.get(SocialTokenVault).open(account);
    expect(tokens.accessToken).toMatch(/^sbx_at_/);
    expect(account.accessTokenSealed).not.toContain(tokens.accessToken);
    expect(list.body).not.toContain(tokens.accessToken);
    expect(list.body).not.toContain(account.accessTokenSealed);

    const replayed = await t.inject({
      method: 'GET',
      url: '/v1/social/connect/sandbox/callback?code=abc&state=unknown',
    });
    expect(replayed.statusCode).toBe(302);
    expect(String(replayed.headers.location)).toContain('error=social.connect_failed');
  });

  it('refuses posts that break a network’s rules with 422 naming the network and the rule, queuing nothing (acceptance 5)', async () => {
    const { userId, authorization } = await newUser();
    const accountId = await connectSandbox(t, authorization);
    const image = await readyFile(t, userId);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const cases: Array<[object, string]> = [
      [{ text: 'x'.repeat(281), media: [{ fileId: image }] }, 'text_length'],
      [{ text: 'No picture' }, 'media_required'],
      [
        {
          text: 'Five pictures',
          media: await Promise.all(
            [1, 2, 3, 4, 5].map(async () => ({ fileId: await readyFile(t, userId) })),
          ),
        },
        'image_count',
      ],
      [
        {
          text: 'A PNG',
          media: [{ fileId: await readyFile(t, userId, { mimeType: 'image/png' }) }],
        },
        'media_type',
      ],
    ];
    for (const [body, rule] of cases) {
      const response = await call('POST', '/v1/social/posts', authorization, {
        ...body,
        accounts: [accountId],
        scheduledAt: at,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'social.post_invalid',
        violations: [expect.objectContaining({ network: 'sandbox', rule })],
      });
    }
    const posts = await call('GET', '/v1/social/posts', authorization);
    expect(posts.json<{ items: Post[] }>().items).toEqual([]);

    // A per-network variant is what that network is checked against.
    const fine = await post(authorization, {
      text: 'x'.repeat(400),
      media: [{ fileId: image }],
      variants: { sandbox: { text: 'Short enough for every network' } },
      accounts: [accountId],
      scheduledAt: at,
    });
    expect(fine.targets).toEqual([expect.objectContaining({ status: 'queued', accountId })]);
  });

  it('publishes now, resolves a duplicate answer to the existing post, and records analytics events', async () => {
    const { userId, authorization } = await newUser();
    const accountId = await connectSandbox(t, authorization);
    const image = await readyFile(t, userId);
    const first = await post(authorization, {
      text: 'Same words twice',
      media: [{ fileId: image }],
      accounts: [accountId],
    });
    expect(first.status).toBe('draft');
    const now = await call('POST', `/v1/social/posts/${first.id}/publish-now`, authorization);
    expect(now.statusCode).toBe(200);
    const done = await published(authorization, first.id);
    expect(done.targets[0].remoteId).toMatch(/^sbx-/);
    expect(done.targets[0].remoteUrl).toContain(done.targets[0].remoteId);

    const second = await post(authorization, {
      text: 'Same words twice',
      media: [{ fileId: image }],
      accounts: [accountId],
    });
    await call('POST', `/v1/social/posts/${second.id}/publish-now`, authorization);
    const duplicate = await published(authorization, second.id);
    expect(duplicate.targets[0].remoteId).toBe(done.targets[0].remoteId);

    const events = await eventually(async () => {
      const rows = await t
        .get(EntityManager)
        .fork()
        .execute<Array<{ name: string; properties: { via?: string } }>>(
          'select name, properties from analytics_events where user_id = ? order by occurred_at',
          [userId],
        );
      return rows.filter((r) => r.name === 'social_post_published').length === 2 ? rows : undefined;
    });
    expect(events.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'social_account_connected',
        'social_post_scheduled',
        'social_post_published',
      ]),
    );
    expect(
      events
        .filter((e) => e.name === 'social_post_published')
        .map((e) => e.properties.via)
        .sort(),
    ).toEqual(['created', 'duplicate']);
  });

  it('never sends a create twice after a timeout: unconfirmed, then settled from the network’s recent posts (acceptance 2)', async () => {
    const { userId, authorization } = await newUser();
    const accountId = await connectSandbox(t, authorization);
    const image = await readyFile(t, userId);
    const draft = await post(authorization, {
      text: 'Accepted, but the answer got lost',
      media: [{ fileId: image }],
      accounts: [accountId],
    });
    const since = new Date(Date.now() - 1000);
    sandbox.simulateTimeoutAfterAccept(1);
    await call('POST', `/v1/social/posts/${draft.id}/publish-now`, authorization);
    const done = await published(authorization, draft.id);

    const account = await t
      .get(EntityManager)
      .fork()
      .findOneOrFail(SocialAccount, { id: accountId });
    const remote = await sandbox.findRecent(
      {
        remoteId: account.remoteId,
        accessToken: t.get(SocialTokenVault).open(account).accessToken,
      },
      since,
    );
    expect(remote).toHaveLength(1);
    expect(done.targets[0].remoteId).toBe(remote[0].remoteId);
    const types = await t
      .get(EntityManager)
      .fork()
      .execute<Array<{ type: string; payload: { via?: string } }>>(
        `select type, payload from event_store where stream_id = ? order by seq`,
        [draft.id],
      );
    expect(types.map((e) => e.type)).toEqual([
      'social.post_scheduled',
      'social.post_unconfirmed',
      'social.post_published',
    ]);
    expect(types[2].payload.via).toBe('recent_posts');
  });

  it('collects metric snapshots over time and answers a daily series (acceptance 6)', async () => {
    const { userId, authorization } = await newUser('pro');
    const accountId = await connectSandbox(t, authorization);
    const image = await readyFile(t, userId);
    const draft = await post(authorization, {
      text: 'Watch the numbers grow',
      media: [{ fileId: image }],
      accounts: [accountId],
    });
    await call('POST', `/v1/social/posts/${draft.id}/publish-now`, authorization);
    await published(authorization, draft.id);

    type Metrics = {
      targets: Array<{
        snapshots: Array<{ impressions: number; likes: number }>;
        latest: { impressions: number } | null;
      }>;
    };
    const metrics = await eventually(async () => {
      const response = await call('GET', `/v1/social/posts/${draft.id}/metrics`, authorization);
      const body = response.json<Metrics>();
      const snapshots = body.targets[0].snapshots;
      return snapshots.length >= 3 && snapshots.at(-1)!.impressions > snapshots[0].impressions
        ? body
        : undefined;
    }, 30_000);
    expect(metrics.targets[0].latest!.impressions).toBe(
      metrics.targets[0].snapshots.at(-1)!.impressions,
    );

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const analytics = await call(
      'GET',
      `/v1/social/analytics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&account=${accountId}`,
      authorization,
    );
    expect(analytics.statusCode).toBe(200);
    const body = analytics.json<{
      series: Array<{ date: string; published: number; impressions: number }>;
      advanced: { byNetwork: Array<{ network: string; published: number }> } | null;
      requiredPlan: string | null;
    }>();
    expect(body.series).toHaveLength(2);
    const today = body.series.at(-1)!;
    expect(today).toMatchObject({ date: new Date().toISOString().slice(0, 10), published: 1 });
    expect(today.impressions).toBeGreaterThan(0);
    expect(body.advanced!.byNetwork).toEqual([
      expect.objectContaining({ network: 'sandbox', published: 1 }),
    ]);
    expect(body.requiredPlan).toBeNull();

    const free = await newUser('free');
    const basic = await call(
      'GET',
      `/v1/social/analytics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      free.authorization,
    );
    expect(basic.json()).toMatchObject({ advanced: null, requiredPlan: 'pro' });

    const calendar = await call(
      'GET',
      `/v1/social/calendar?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      authorization,
    );
    expect(calendar.json()).toMatchObject({
      days: [{ entries: [expect.objectContaining({ postId: draft.id, status: 'published' })] }],
    });
  });

  it('adds posts to the queue: each takes the account’s next free weekly slot in its time zone', async () => {
    const { userId, authorization } = await newUser('pro');
    const accountId = await connectSandbox(t, authorization);
    const image = await readyFile(t, userId);
    const noSlots = await post(authorization, {
      text: 'Queue me',
      media: [{ fileId: image }],
      accounts: [accountId],
    });
    const refused = await call('POST', `/v1/social/posts/${noSlots.id}/queue`, authorization);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'social.no_free_slot' });

    const slots = [
      { weekday: 1, time: '09:30' },
      { weekday: 4, time: '18:00' },
    ];
    const set = await t.inject({
      method: 'PUT',
      url: `/v1/social/accounts/${accountId}/queue-slots`,
      headers: { authorization },
      payload: { timezone: 'Europe/Berlin', slots },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ queue: { timezone: 'Europe/Berlin', slots } });

    const second = await post(authorization, {
      text: 'Queue me too',
      media: [{ fileId: image }],
      accounts: [accountId],
    });
    const times: Date[] = [];
    for (const id of [noSlots.id, second.id]) {
      const queued = await call('POST', `/v1/social/posts/${id}/queue`, authorization);
      expect(queued.statusCode).toBe(200);
      const target = queued.json<Post>().targets[0];
      expect(target.status).toBe('queued');
      times.push(new Date((target as Target & { scheduledAt: string }).scheduledAt));
    }
    const berlin = (at: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(at);
    for (const at of times) expect(at.getTime()).toBeGreaterThan(Date.now());
    expect(times[1].getTime()).toBeGreaterThan(times[0].getTime());
    expect(times.map(berlin).every((s) => /^(Mon 09:30|Thu 18:00)$/.test(s))).toBe(true);
  });

  it('answers 404 for another user’s accounts, posts and metrics (acceptance 7)', async () => {
    const owner = await newUser();
    const other = await newUser();
    const accountId = await connectSandbox(t, owner.authorization);
    const draft = await post(owner.authorization, { text: 'Mine', accounts: [accountId] });
    const attempts: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, object?]> = [
      ['GET', `/v1/social/posts/${draft.id}`],
      ['GET', `/v1/social/posts/${draft.id}/metrics`],
      ['PATCH', `/v1/social/posts/${draft.id}`, { text: 'Yours now' }],
      ['POST', `/v1/social/posts/${draft.id}/publish-now`],
      ['DELETE', `/v1/social/posts/${draft.id}`],
      ['DELETE', `/v1/social/accounts/${accountId}`],
    ];
    for (const [method, url, body] of attempts) {
      expect((await call(method, url, other.authorization, body)).statusCode).toBe(404);
    }
    const borrowed = await call('POST', '/v1/social/posts', other.authorization, {
      text: 'x',
      accounts: [accountId],
    });
    expect(borrowed.statusCode).toBe(404);
    expect((await call('GET', '/v1/social/accounts', other.authorization)).json()).toEqual({
      items: [],
    });
  });

  it('holds the plan quotas: connected accounts and scheduled posts answer 403 with the plan that lifts them (acceptance 8)', async () => {
    const { userId, authorization } = await newUser('free');
    const first = await connectSandbox(t, authorization);
    await connectSandbox(t, authorization);
    const third = await call('GET', '/v1/social/connect/sandbox', authorization);
    expect(third.statusCode).toBe(403);
    expect(third.json()).toMatchObject({
      code: 'plan.quota_exceeded',
      quota: 'socialAccounts',
      limit: 2,
      requiredPlan: 'pro',
    });

    const image = await readyFile(t, userId);
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    for (let i = 1; i <= 5; i += 1) {
      await post(authorization, {
        text: `Scheduled ${i}`,
        media: [{ fileId: image }],
        accounts: [first],
        scheduledAt: at(i),
      });
    }
    const sixth = await call('POST', '/v1/social/posts', authorization, {
      text: 'One too many',
      media: [{ fileId: image }],
      accounts: [first],
      scheduledAt: at(6),
    });
    expect(sixth.statusCode).toBe(403);
    expect(sixth.json()).toMatchObject({
      code: 'plan.quota_exceeded',
      quota: 'scheduledPosts',
      limit: 5,
      requiredPlan: 'pro',
    });
  });

  it('limits posts per hour by plan: 429 with the plan that allows more (acceptance 8)', async () => {
    const { authorization } = await newUser('free');
    for (let i = 0; i < 20; i += 1) await post(authorization, { text: `Draft ${i}` });
    const over = await call('POST', '/v1/social/posts', authorization, { text: 'Draft 21' });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ code: 'rate_limit.exceeded', requiredPlan: 'pro' });
  });

  it('lets API keys with social:write create and schedule posts', async () => {
    const { userId, authorization } = await newUser('premium');
    const accountId = await connectSandbox(t, authorization);
    const created = await call('POST', '/v1/me/api-keys', authorization, {
      name: 'scheduler',
      scopes: ['social:write'],
    });
    expect(created.statusCode).toBe(201);
    const { secret } = created.json<{ secret: string }>();
    const image = await readyFile(t, userId);
    const response = await t.inject({
      method: 'POST',
      url: '/v1/social/posts',
      headers: { 'x-api-key': secret },
      payload: {
        text: 'From my scheduler',
        media: [{ fileId: image }],
        accounts: [accountId],
        scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<Post>().targets[0].status).toBe('queued');
    const read = await t.inject({
      method: 'GET',
      url: '/v1/social/accounts',
      headers: { 'x-api-key': secret },
    });
    expect(read.statusCode).toBe(403);
  });

  it('refreshes tokens ahead of expiry (rotating them), and a refused refresh asks to reconnect and notifies (acceptance 4)', async () => {
    const { userId, authorization } = await newUser();
    const rotating = await connectSandbox(t, authorization);
    const em = t.get(EntityManager);
    const before = await em.fork().findOneOrFail(SocialAccount, { id: rotating });
    await em
      .fork()
      .nativeUpdate(
        SocialAccount,
        { id: rotating },
        { tokenExpiresAt: new Date(Date.now() + 60_000) },
      );
    const rotated = await eventually(async () => {
      const now = await em.fork().findOneOrFail(SocialAccount, { id: rotating });
      return now.tokenExpiresAt!.getTime() > Date.now() + 3_600_000 ? now : undefined;
    }, 20_000);
    expect(rotated.refreshTokenSealed).not.toBe(before.refreshTokenSealed);

    const failing = await connectSandbox(t, authorization);
    sandbox.simulateRefreshFailure(1);
    await em
      .fork()
      .nativeUpdate(
        SocialAccount,
        { id: failing },
        { tokenExpiresAt: new Date(Date.now() + 60_000) },
      );
    await eventually(async () => {
      const list = (await call('GET', '/v1/social/accounts', authorization)).json<{
        items: Array<{ id: string; health: string }>;
      }>();
      return list.items.find((a) => a.id === failing)?.health === 'reconnect_required'
        ? true
        : undefined;
    }, 20_000);
    const notified = await eventually(async () => {
      const rows = await em
        .fork()
        .execute<Array<{ type: string }>>(
          `select type from notifications where user_id = ? and type = 'social.reconnect_required'`,
          [userId],
        );
      return rows.length ? rows : undefined;
    }, 20_000);
    expect(notified).toHaveLength(1);
  });

  it('erases accounts, posts and metrics with the user', async () => {
    const { userId, authorization } = await newUser();
    const accountId = await connectSandbox(t, authorization);
    await post(authorization, { text: 'Gone with me', accounts: [accountId] });
    const deleted = await call('DELETE', '/v1/me', authorization, {
      password: 'correct horse battery',
    });
    expect([200, 202, 204]).toContain(deleted.statusCode);
    await eventually(async () => {
      const [row] = await t
        .get(EntityManager)
        .fork()
        .execute<Array<{ accounts: string; posts: string }>>(
          `select (select count(*) from social_accounts where user_id = ?) as accounts,
                (select count(*) from social_posts where user_id = ?) as posts`,
          [userId, userId],
        );
      return Number(row.accounts) + Number(row.posts) === 0 ? true : undefined;
    }, 20_000);
  });
});
