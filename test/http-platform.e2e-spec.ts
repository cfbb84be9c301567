import { TestApp } from '@lib/testing';

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('answers unknown routes with a 404 problem', async () => {
    const res = await t.inject({ method: 'GET', url: '/v1/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'resource.not_found',
      instance: '/v1/no-such-route',
    });
  });

  it('lists every invalid field of a body with its JSON path', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'nope', password: 5 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation.failed');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.email', '$.password']));
  });

  it('rejects unknown fields', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'a@example.com', password: 'x', role: 'admin' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: '$.role', message: 'property role should not exist' },
    ]);
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('accepts and echoes X-Request-Id, and makes one when absent', async () => {
    const given = await t.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.inject({ method: 'GET', url: '/health/live' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await t.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'x'.repeat(500) },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports readiness of PostgreSQL, Redis and the queues', async () => {
    const res = await t.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().details).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      queues: { status: 'up' },
    });
  });

  it('exposes Prometheus metrics with HTTP latency by route template', async () => {
    await t.inject({ method: 'GET', url: '/v1/plans' });
    const res = await t.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/v1\/plans"/);
    expect(res.body).toMatch(/queue_jobs\{queue="mail",state="waiting"\}/);
  });

  it('sets the security headers from the brief', async () => {
    const res = await t.inject({ method: 'GET', url: '/v1/plans' });
    expect(res.headers['content-security-policy']).toContain(
      "script-src 'self' 'unsafe-inline' https://js.stripe.com",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('serves Swagger UI at /docs and the document at /docs/openapi.json', async () => {
    const ui = await t.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    expect(ui.headers['content-security-policy']).toContain("img-src 'self' data: https:");
    expect(ui.headers['x-frame-options']).toBe('DENY');
    const doc = await t.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(doc.json().paths['/v1/admin/audit/verify']).toBeDefined();
  });

  it('requires a token on non-public routes and the admin role on admin routes', async () => {
    expect((await t.inject({ method: 'GET', url: '/v1/admin/outbox' })).statusCode).toBe(401);
    const forged = await t.inject({
      method: 'GET',
      url: '/v1/admin/outbox',
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('auth.invalid_token');
    const ok = await t.inject({
      method: 'GET',
      url: '/v1/admin/outbox',
      headers: { authorization: await t.adminAuthorization() },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('answers wrong credentials with auth.invalid_credentials', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: t.config.env.ADMIN_EMAIL, password: 'wrong-password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_credentials');
  });

  it('lists the plan catalog publicly', async () => {
    const res = await t.inject({ method: 'GET', url: '/v1/plans' });
    expect(res.json().map((p: { tier: string }) => p.tier)).toEqual(['free', 'pro', 'premium']);
  });
});

describe('/metrics with METRICS_TOKEN set', () => {
  const token = 'metrics-token-for-the-e2e-test';
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ role: 'worker', env: { METRICS_TOKEN: token } });
  });
  afterAll(() => t.close());

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', `Bearer ${token}x`],
    ['the token without the Bearer scheme', token],
  ])('answers 401 problem+json to %s', async (_case, authorization) => {
    const res = await t.inject({
      method: 'GET',
      url: '/metrics',
      headers: authorization ? { authorization } : {},
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'metrics.unauthorized' });
    expect(res.body).not.toContain('queue_jobs');
  });

  it('serves the metrics to the bearer of the token', async () => {
    const res = await t.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/queue_jobs\{queue="mail",state="waiting"\}/);
  });

  it('keeps the health probes open', async () => {
    expect((await t.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });
});
