import { PLAN_CATALOG, type Tier } from '@lib/authz';
import { RATE_LIMIT_POLICIES, RateLimiter } from '@lib/rate-limit';
import { UnitOfWork } from '@lib/event-store';
import { TestApp } from '@lib/testing';
import { ApiKey, User } from '../src/modules/identity';

interface CreatedKey {
  id: string;
  prefix: string;
  secret: string;
  scopes: string[];
}

const PASSWORD = 'correct-horse-battery';

describe('API keys for Premium customers', () => {
  let t: TestApp;
  const jwt: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function createUser(name: string, tier: Tier): Promise<void> {
    const bcrypt = await import('bcrypt');
    const passwordHash = await bcrypt.hash(PASSWORD, 4);
    const user = User.register({ email: `${name}@example.test`, passwordHash, name });
    user.tier = tier;
    await t.get(UnitOfWork).run((em) => {
      em.persist(user);
      return Promise.resolve();
    });
    ids[name] = user.id;
    const login = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: `${name}@example.test`, password: PASSWORD },
      // A fresh client address per sign-in keeps these tests clear of the auth rate limit.
      remoteAddress: `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
    });
    expect(login.statusCode).toBe(200);
    jwt[name] = `Bearer ${login.json<{ accessToken: string }>().accessToken}`;
  }

  const setTier = (name: string, tier: Tier) =>
    t.get(UnitOfWork).run(async (em) => {
      (await em.findOneOrFail(User, ids[name])).tier = tier;
    });

  const createKey = (name: string, payload: object) =>
    t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { authorization: jwt[name] },
      payload,
    });

  async function newKey(name: string, scopes = ['me:read']): Promise<CreatedKey> {
    const response = await createKey(name, { name: 'integration', scopes });
    expect(response.statusCode).toBe(201);
    return response.json<CreatedKey>();
  }

  const meWithKey = (secret: string, style: 'x-api-key' | 'bearer' = 'x-api-key') =>
    t.inject({
      method: 'GET',
      url: '/v1/me',
      headers:
        style === 'x-api-key' ? { 'x-api-key': secret } : { authorization: `Bearer ${secret}` },
    });

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    await createUser('ada', 'premium');
    await createUser('bob', 'premium');
    await createUser('fay', 'free');
    await createUser('pat', 'pro');
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a key whose secret is shown once, and calls GET /v1/me with either header', async () => {
    const response = await createKey('ada', {
      name: 'CI',
      scopes: ['me:read', 'cv:read'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(response.statusCode).toBe(201);
    const key = response.json<CreatedKey & Record<string, unknown>>();
    expect(key.secret).toMatch(/^ctk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.secret.startsWith(`${key.prefix}_`)).toBe(true);
    expect(key).toMatchObject({ name: 'CI', scopes: ['me:read', 'cv:read'], revokedAt: null });
    expect(response.body).not.toMatch(/hash/i);

    for (const style of ['x-api-key', 'bearer'] as const) {
      const me = await meWithKey(key.secret, style);
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id: ids.ada, tier: 'premium' });
      expect(me.headers['x-ratelimit-limit']).toBe(
        String(PLAN_CATALOG.premium.rateLimits.apiPerHour),
      );
    }

    const list = await t.inject({
      method: 'GET',
      url: '/v1/me/api-keys',
      headers: { authorization: jwt.ada },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(key.secret);
    expect(list.body).not.toMatch(/secret|hash/i);
    const listed = list.json<{ items: { id: string; lastUsedAt: string | null }[] }>().items;
    expect(listed.find((k) => k.id === key.id)?.lastUsedAt).toEqual(expect.any(String));

    const audit = await t.inject({
      method: 'GET',
      url: `/v1/admin/audit/events?type=identity.api_key_created&actor=${ids.ada}`,
      headers: { authorization: await t.adminAuthorization() },
    });
    const events = audit.json<{ items: { streamId: string; payload: object }[] }>().items;
    expect(events.find((e) => e.streamId === key.id)?.payload).toMatchObject({
      userId: ids.ada,
      prefix: key.prefix,
      scopes: ['me:read', 'cv:read'],
    });
    expect(audit.body).not.toContain(key.secret.slice(key.prefix.length));
  });

  it('does not meter JWT requests with the api policy', async () => {
    const me = await t.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: jwt.ada },
    });
    expect(me.statusCode).toBe(200);
    expect(me.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('answers 401 to an unknown, malformed, revoked or expired key', async () => {
    const key = await newKey('ada');
    const forged = `${key.prefix}_${'A'.repeat(43)}`;
    for (const secret of [forged, 'ctk_nope', `${key.secret}x`]) {
      const response = await meWithKey(secret);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.invalid_api_key');
    }

    const revoke = await t.inject({
      method: 'DELETE',
      url: `/v1/me/api-keys/${key.id}`,
      headers: { authorization: jwt.ada },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await meWithKey(key.secret, 'bearer')).statusCode).toBe(401);

    const expiring = await newKey('ada');
    expect((await meWithKey(expiring.secret)).statusCode).toBe(200);
    await t.get(UnitOfWork).run(async (em) => {
      await em.nativeUpdate(
        ApiKey,
        { id: expiring.id },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    });
    const expired = await meWithKey(expiring.secret);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('auth.invalid_api_key');

    const revokedEvents = await t.inject({
      method: 'GET',
      url: `/v1/admin/audit/events?type=identity.api_key_revoked&actor=${ids.ada}`,
      headers: { authorization: await t.adminAuthorization() },
    });
    expect(revokedEvents.json<{ items: { streamId: string }[] }>().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ streamId: key.id })]),
    );
  });

  it('refuses a key on routes it has no scope for, and on routes that declare none', async () => {
    const key = await newKey('ada', ['cv:read']);
    const me = await meWithKey(key.secret);
    expect(me.statusCode).toBe(403);
    expect(me.json()).toMatchObject({ code: 'auth.scope_required', requiredScope: 'me:read' });

    const full = await newKey('ada', [
      'me:read',
      'cv:read',
      'cv:write',
      'jobs:read',
      'social:write',
    ]);
    for (const [method, url] of [
      ['GET', '/v1/me/sessions'],
      ['GET', '/v1/me/api-keys'],
      ['POST', '/v1/auth/logout'],
    ] as const) {
      const response = await t.inject({ method, url, headers: { 'x-api-key': full.secret } });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'auth.scope_required', requiredScope: null });
    }
    const minted = await t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { 'x-api-key': full.secret },
      payload: { name: 'from a key', scopes: ['me:read'] },
    });
    expect(minted.statusCode).toBe(403);

    // The audit trail says which key was refused, not only whose.
    const denials = await t.inject({
      method: 'GET',
      url: `/v1/admin/audit/events?type=security.permission_denied&actor=${ids.ada}`,
      headers: { authorization: await t.adminAuthorization() },
    });
    const metadata = denials.json<{ items: { metadata: { apiKeyId?: string } }[] }>().items[0]
      .metadata;
    expect([key.id, full.id]).toContain(metadata.apiKeyId);
  });

  it('lets only Premium users create keys', async () => {
    for (const name of ['fay', 'pat']) {
      const response = await createKey(name, { name: 'mine', scopes: ['me:read'] });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        code: 'plan.upgrade_required',
        requiredPlan: 'premium',
      });
    }
  });

  it('refuses the keys of an owner who is no longer Premium, at once, until they upgrade again', async () => {
    await createUser('dan', 'premium');
    const key = await newKey('dan');
    expect((await meWithKey(key.secret)).statusCode).toBe(200);

    await setTier('dan', 'free');
    const refused = await meWithKey(key.secret);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'plan.upgrade_required',
      requiredPlan: 'premium',
    });
    // Refused before the limiter runs, the answer still tells the key's budget (none on Free).
    expect(refused.headers['ratelimit-limit']).toBe('0');
    // The downgraded user can still see and revoke their keys.
    const list = await t.inject({
      method: 'GET',
      url: '/v1/me/api-keys',
      headers: { authorization: jwt.dan },
    });
    expect(list.statusCode).toBe(200);

    await setTier('dan', 'premium');
    expect((await meWithKey(key.secret)).statusCode).toBe(200);
  });

  it('keeps one user’s keys out of another’s reach (404, not listed)', async () => {
    const key = await newKey('ada');
    const bobList = await t.inject({
      method: 'GET',
      url: '/v1/me/api-keys',
      headers: { authorization: jwt.bob },
    });
    expect(bobList.statusCode).toBe(200);
    expect(bobList.json<{ items: { id: string }[] }>().items.map((k) => k.id)).not.toContain(
      key.id,
    );

    const steal = await t.inject({
      method: 'DELETE',
      url: `/v1/me/api-keys/${key.id}`,
      headers: { authorization: jwt.bob },
    });
    expect(steal.statusCode).toBe(404);
    expect(steal.json().code).toBe('resource.not_found');
    expect((await meWithKey(key.secret)).statusCode).toBe(200);
  });

  it('validates the request: unknown scopes, no scopes, a past expiry', async () => {
    for (const payload of [
      { name: 'x', scopes: ['admin:everything'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['me:read'], expiresAt: '2000-01-01T00:00:00Z' },
      { name: 'x', scopes: ['me:read'], userId: ids.bob },
    ]) {
      const response = await createKey('bob', payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation.failed');
    }
  });

  it('pages through the list and caps live keys per user (409)', async () => {
    await createUser('cat', 'premium');
    const created: string[] = [];
    for (let i = 0; i < 10; i += 1) created.push((await newKey('cat')).id);
    const over = await createKey('cat', { name: 'eleventh', scopes: ['me:read'] });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('api_key.limit_reached');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.inject({
        method: 'GET',
        url: `/v1/me/api-keys?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        headers: { authorization: jwt.cat },
      });
      const body = page.json<{ items: { id: string }[]; nextCursor: string | null }>();
      seen.push(...body.items.map((k) => k.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());

    await t.inject({
      method: 'DELETE',
      url: `/v1/me/api-keys/${created[0]}`,
      headers: { authorization: jwt.cat },
    });
    expect((await createKey('cat', { name: 'replacement', scopes: ['me:read'] })).statusCode).toBe(
      201,
    );
  });

  it('meters API-key calls with the plan’s api limit per user (429 once spent)', async () => {
    await createUser('eve', 'premium');
    const key = await newKey('eve');
    const first = await meWithKey(key.secret);
    expect(first.headers['x-ratelimit-remaining']).toBe('99');

    // Spend the rest of the hour's budget directly, then the key is refused.
    const limiter = t.get(RateLimiter);
    const window = RATE_LIMIT_POLICIES.api.windowMs;
    await Promise.all(
      Array.from({ length: 99 }, () => limiter.consume('api', `user:${ids.eve}`, 100, window)),
    );
    const refused = await meWithKey(key.secret);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limit.exceeded');
    expect(refused.headers['retry-after']).toBeDefined();

    // Signed in with a JWT, the same user is not affected.
    const me = await t.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { authorization: jwt.eve },
    });
    expect(me.statusCode).toBe(200);
  });
});
