import { API_KEY_SCOPES, type ApiKeyScopeName } from '@lib/authz';
import { TestApp } from '@lib/testing';
import { createUser, signIn } from './support/accounts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One route per scope that has routes; the body is empty: passing the guard gives 2xx or 400. */
const ROUTE_PER_SCOPE: Partial<Record<ApiKeyScopeName, [Method, string]>> = {
  'me:read': ['GET', '/v1/me'],
  'cv:read': ['GET', '/v1/cvs'],
  'cv:write': ['POST', '/v1/cvs'],
  'jobs:read': ['GET', '/v1/me/saved-jobs'],
  'jobs:write': ['POST', '/v1/me/job-alerts'],
  'applications:read': ['GET', '/v1/me/applications'],
  'applications:write': ['POST', '/v1/me/applications'],
  'social:read': ['GET', '/v1/social/posts'],
  'social:write': ['POST', '/v1/social/posts'],
};
/** Scopes a key can hold before any route asks for them (teams; webhooks come with their module). */
const RESERVED: ApiKeyScopeName[] = ['teams:read', 'teams:write', 'hooks:write'];

describe('API-key scopes', () => {
  let t: TestApp;
  let owner: string;
  const minted: string[] = [];

  const mintKey = async (scopes: readonly ApiKeyScopeName[]): Promise<string> => {
    const response = await t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { authorization: owner },
      payload: { name: 'scoped', scopes },
    });
    expect(response.statusCode).toBe(201);
    const key = response.json<{ id: string; secret: string }>();
    minted.push(key.id);
    return key.secret;
  };

  const callWith = (secret: string, [method, url]: [Method, string]) =>
    t.inject({
      method,
      url,
      headers: { 'x-api-key': secret },
      ...(method === 'GET' ? {} : { payload: {} }),
    });

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api' });
    await createUser(t, {
      email: 'scopes@example.test',
      password: 'pw-scopes-123',
      tier: 'premium',
    });
    owner = (await signIn(t, 'scopes@example.test', 'pw-scopes-123')).authorization;
  });
  // A user holds at most 10 live keys: each test revokes what it minted.
  afterEach(async () => {
    for (const id of minted.splice(0)) {
      const revoked = await t.inject({
        method: 'DELETE',
        url: `/v1/me/api-keys/${id}`,
        headers: { authorization: owner },
      });
      expect(revoked.statusCode).toBe(204);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('covers every scope: a route to enforce it, or reserved', () => {
    const covered = [...Object.keys(ROUTE_PER_SCOPE), ...RESERVED].sort();
    expect(covered).toEqual([...API_KEY_SCOPES].sort());
  });

  it.each(Object.entries(ROUTE_PER_SCOPE))(
    '%s: refused without the scope (403 naming it), let through with it',
    async (scope, route) => {
      const others = API_KEY_SCOPES.filter((s) => s !== scope);
      const refused = await callWith(await mintKey(others), route);
      expect(refused.statusCode).toBe(403);
      const problem = refused.json<{ code: string; detail: string; requiredScope: string }>();
      expect(problem).toMatchObject({ code: 'auth.scope_required', requiredScope: scope });
      expect(problem.detail).toContain(scope);

      const allowed = await callWith(await mintKey([scope as ApiKeyScopeName]), route);
      expect([200, 201, 400]).toContain(allowed.statusCode);
    },
  );

  it('issues keys with the reserved scopes, which open no route yet', async () => {
    const secret = await mintKey(RESERVED);
    for (const route of Object.values(ROUTE_PER_SCOPE)) {
      expect((await callWith(secret, route)).statusCode).toBe(403);
    }
  });

  it('sends RateLimit-* headers on every answer to a key (403 for a missing scope and 404 too); refusals spend nothing', async () => {
    const secret = await mintKey(['cv:read']);
    const limitOf = (response: { headers: Record<string, unknown> }) => ({
      limit: response.headers['ratelimit-limit'],
      remaining: Number(response.headers['ratelimit-remaining']),
      reset: response.headers['ratelimit-reset'],
    });
    const ok = await callWith(secret, ['GET', '/v1/cvs']);
    expect(ok.statusCode).toBe(200);
    const before = limitOf(ok);
    expect(before.limit).toBe('100');

    const noScope = await callWith(secret, ['POST', '/v1/cvs']);
    expect(noScope.statusCode).toBe(403);
    expect(limitOf(noScope)).toMatchObject({ limit: '100', remaining: before.remaining });
    expect(noScope.headers['retry-after']).toBeUndefined();
    const admin = await callWith(secret, ['GET', '/v1/admin/users']);
    expect(admin.statusCode).toBe(403);
    expect(limitOf(admin)).toMatchObject({ limit: '100', remaining: before.remaining });

    const missing = await callWith(secret, ['GET', '/v1/cvs/01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f']);
    expect(missing.statusCode).toBe(404);
    expect(limitOf(missing)).toMatchObject({ limit: '100', remaining: before.remaining - 1 });
  });

  it('refuses keys on an admin route, even a Premium admin’s key with every scope', async () => {
    await createUser(t, {
      email: 'scoped-admin@example.test',
      password: 'pw-admin-123',
      tier: 'premium',
      role: 'admin',
    });
    const admin = await signIn(t, 'scoped-admin@example.test', 'pw-admin-123');
    const created = await t.inject({
      method: 'POST',
      url: '/v1/me/api-keys',
      headers: { authorization: admin.authorization },
      payload: { name: 'admin key', scopes: API_KEY_SCOPES },
    });
    expect(created.statusCode).toBe(201);
    const secret = created.json<{ secret: string }>().secret;
    expect((await callWith(secret, ['GET', '/v1/me'])).statusCode).toBe(200);
    const response = await callWith(secret, ['GET', '/v1/admin/users']);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.scope_required', requiredScope: null });
  });
});
