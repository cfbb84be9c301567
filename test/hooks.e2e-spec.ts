import { EntityManager } from '@mikro-orm/postgresql';
import { Webhook } from 'standardwebhooks';
import { eventually, TestApp, WebhookReceiverFake } from '@lib/testing';
import { createUser, signIn, signInAsAdmin, type Session } from './support/accounts';

const PASSWORD = 'correct-horse-battery';

interface Hook {
  id: string;
  event: string;
  target_url: string;
  active: boolean;
  deactivated_reason: string | null;
  secret?: string;
}

interface Attempt {
  event_id: string;
  event: string;
  attempt: number;
  status_code: number | null;
  outcome: string;
  error: string | null;
  duration_ms: number;
  next_retry_at: string | null;
}

describe('Zapier REST hooks', () => {
  const receiver = new WebhookReceiverFake();
  let t: TestApp;
  const users: Record<string, Session> = {};

  beforeAll(async () => {
    await receiver.start();
    t = await TestApp.create({
      env: { HOOKS_RETRY_DELAYS_MS: '200,200', HOOKS_MAX_PER_USER: '4' },
    });
    for (const [name, tier] of [
      ['ada', 'premium'],
      ['bob', 'premium'],
      ['cy', 'free'],
    ] as const) {
      const email = `${name}@example.test`;
      await createUser(t, { email, password: PASSWORD, tier });
      users[name] = await signIn(t, email, PASSWORD);
    }
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const as = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.inject({
      method,
      url,
      headers: { authorization: users[who].authorization },
      ...(payload ? { payload } : {}),
    });

  async function subscribe(who: string, path: string, event = 'cv.completed'): Promise<Hook> {
    const response = await as(who, 'POST', '/v1/hooks', {
      target_url: `${receiver.url}${path}`,
      event,
    });
    expect(response.statusCode).toBe(201);
    return response.json<Hook>();
  }

  const newCv = async (who: string, title: string) => {
    const response = await as(who, 'POST', '/v1/cvs', { title });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  };

  const attemptsOf = async (who: string, hookId: string) => {
    const response = await as(who, 'GET', `/v1/hooks/${hookId}/deliveries`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Attempt[] }>().items;
  };

  it('is Premium: a free user is asked to upgrade, an API key needs hooks:write', async () => {
    const free = await as('cy', 'POST', '/v1/hooks', {
      target_url: `${receiver.url}/free`,
      event: 'cv.completed',
    });
    expect(free.statusCode).toBe(403);
    expect(free.json()).toMatchObject({ code: 'plan.upgrade_required', requiredPlan: 'premium' });

    const key = async (scopes: string[]) => {
      const response = await as('ada', 'POST', '/v1/me/api-keys', { name: 'zapier', scopes });
      expect(response.statusCode).toBe(201);
      return response.json<{ secret: string }>().secret;
    };
    const unscoped = await key(['me:read']);
    const refused = await t.inject({
      method: 'GET',
      url: '/v1/hooks',
      headers: { 'x-api-key': unscoped },
    });
    expect(refused.statusCode).toBe(403);
    const scoped = await key(['hooks:write']);
    const created = await t.inject({
      method: 'POST',
      url: '/v1/hooks',
      headers: { 'x-api-key': scoped },
      payload: { target_url: `${receiver.url}/by-key`, event: 'job.applied' },
    });
    expect(created.statusCode).toBe(201);
    const listed = await t.inject({
      method: 'GET',
      url: '/v1/hooks',
      headers: { 'x-api-key': scoped },
    });
    expect(listed.json<{ items: Hook[] }>().items.map((h) => h.target_url)).toContain(
      `${receiver.url}/by-key`,
    );
    const removed = await t.inject({
      method: 'DELETE',
      url: `/v1/hooks/${created.json<Hook>().id}`,
      headers: { 'x-api-key': scoped },
    });
    expect(removed.statusCode).toBe(204);
  });

  it('delivers an event signed the Standard Webhooks way, verifiable with the reference library', async () => {
    const hook = await subscribe('ada', '/signed');
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(hook).toMatchObject({ event: 'cv.completed', active: true, deactivated_reason: null });

    const cvId = await newCv('ada', 'Staff engineer');
    const [delivery] = await eventually(() =>
      Promise.resolve(receiver.to('/signed').length > 0 && receiver.to('/signed')),
    );
    const headers = {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    };
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    const verified = new Webhook(hook.secret!).verify(delivery.body, headers);
    expect(verified).toMatchObject({
      type: 'cv.completed',
      timestamp: expect.any(String),
      data: { id: cvId, title: 'Staff engineer', created_at: expect.any(String) },
    });
    // A forged body does not verify.
    expect(() =>
      new Webhook(hook.secret!).verify(delivery.body.replace('Staff', 'Chief'), headers),
    ).toThrow();
    // The perform list shows Ada's most recent CV exactly as it was delivered.
    const samples = await as('ada', 'GET', '/v1/hooks/samples/cv.completed');
    expect(samples.statusCode).toBe(200);
    const [recent] = samples.json<{ items: { type: string; data: object }[] }>().items;
    const delivered = JSON.parse(delivery.body) as { type: string; data: object };
    expect([recent.type, recent.data]).toEqual([delivered.type, delivered.data]);
    // Without records of their own, a sample of the same shape.
    const none = await as('bob', 'GET', '/v1/hooks/samples/job.applied');
    expect(none.json<{ items: object[] }>().items).toEqual([
      {
        type: 'job.applied',
        timestamp: expect.any(String),
        data: {
          id: expect.any(String),
          job_id: expect.any(String),
          job_title: expect.any(String),
          company: expect.any(String),
          status: 'applied',
          applied_at: expect.any(String),
        },
      },
    ]);
    expect((await as('bob', 'GET', '/v1/hooks/samples/cv.exploded')).statusCode).toBe(400);

    const attempts = await eventually(async () => {
      const items = await attemptsOf('ada', hook.id);
      return items.length === 1 && items;
    });
    expect(attempts[0]).toMatchObject({
      event_id: headers['webhook-id'],
      event: 'cv.completed',
      attempt: 1,
      status_code: 200,
      outcome: 'delivered',
      error: null,
      next_retry_at: null,
    });
    // Bob's CVs are not Ada's events.
    await newCv('bob', 'Not for Ada');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.to('/signed')).toHaveLength(1);
    expect((await as('ada', 'DELETE', `/v1/hooks/${hook.id}`)).statusCode).toBe(204);
  });

  it('retries a 500 with backoff and records every attempt with the same webhook-id', async () => {
    const hook = await subscribe('ada', '/flaky');
    receiver.respondWith('/flaky', 500, { status: 429, headers: { 'retry-after': '0' } }, 200);
    await newCv('ada', 'Retried');
    const attempts = await eventually(async () => {
      const items = await attemptsOf('ada', hook.id);
      return items.length === 3 && items;
    }, 15000);
    expect(attempts.map((a) => [a.attempt, a.status_code, a.outcome])).toEqual([
      [3, 200, 'delivered'],
      [2, 429, 'retrying'],
      [1, 500, 'retrying'],
    ]);
    expect(attempts[2].next_retry_at).toEqual(expect.any(String));
    expect(attempts[2].error).toBe('HTTP 500');
    const ids = new Set(receiver.to('/flaky').map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    expect((await as('ada', 'DELETE', `/v1/hooks/${hook.id}`)).statusCode).toBe(204);
  });

  it('fails without retrying on other 4xx, and gives up when the schedule is used up', async () => {
    const refused = await subscribe('bob', '/refuses');
    receiver.respondWith('/refuses', 400);
    const down = await subscribe('bob', '/down');
    receiver.respondWith('/down', 503, 503, 503, 503);
    await newCv('bob', 'Failing');
    const downAttempts = await eventually(async () => {
      const items = await attemptsOf('bob', down.id);
      return items.length === 3 && items;
    }, 15000);
    expect(downAttempts.map((a) => a.outcome)).toEqual(['failed', 'retrying', 'retrying']);
    expect(downAttempts[0].next_retry_at).toBeNull();
    const refusedAttempts = await attemptsOf('bob', refused.id);
    expect(refusedAttempts.map((a) => [a.status_code, a.outcome])).toEqual([[400, 'failed']]);
    await as('bob', 'DELETE', `/v1/hooks/${refused.id}`);
    await as('bob', 'DELETE', `/v1/hooks/${down.id}`);
  });

  it('deactivates a subscription whose target answers 410 Gone', async () => {
    const hook = await subscribe('ada', '/gone');
    receiver.respondWith('/gone', 410);
    await newCv('ada', 'First');
    const listed = await eventually(async () => {
      const items = (await as('ada', 'GET', '/v1/hooks')).json<{ items: Hook[] }>().items;
      const found = items.find((h) => h.id === hook.id);
      return found && !found.active && found;
    });
    expect(listed).toMatchObject({ active: false, deactivated_reason: 'gone' });
    expect((await attemptsOf('ada', hook.id)).map((a) => [a.status_code, a.outcome])).toEqual([
      [410, 'gone'],
    ]);
    await newCv('ada', 'Second');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.to('/gone')).toHaveLength(1);
    // Its owner is told in the inbox.
    const inbox = await eventually(async () => {
      const response = await as('ada', 'GET', '/v1/me/notifications');
      const items = response.json<{ items: { type: string; body: string }[] }>().items;
      return items.some((n) => n.type === 'hooks.deactivated') && items;
    });
    expect(inbox.find((n) => n.type === 'hooks.deactivated')?.body).toContain('410 Gone');
  });

  it('follows up to three redirects, each target checked again by the SSRF guard', async () => {
    const moved = await subscribe('bob', '/moved');
    receiver.respondWith('/moved', { status: 307, headers: { location: '/moved-here' } });
    const toMetadata = await subscribe('bob', '/to-metadata');
    receiver.respondWith('/to-metadata', {
      status: 302,
      headers: { location: 'http://169.254.169.254/latest/meta-data/' },
    });
    const loop = await subscribe('bob', '/loop');
    receiver.respondWith(
      '/loop',
      ...Array.from({ length: 5 }, () => ({ status: 308, headers: { location: '/loop' } })),
    );
    await newCv('bob', 'Redirected');
    const outcomes = async (hookId: string) =>
      (await attemptsOf('bob', hookId)).map((a) => [a.outcome, a.error]);
    expect(
      await eventually(async () => (await outcomes(moved.id)).length === 1 && outcomes(moved.id)),
    ).toEqual([['delivered', null]]);
    expect(receiver.to('/moved-here')).toHaveLength(1);
    expect(
      await eventually(
        async () => (await outcomes(toMetadata.id)).length === 1 && outcomes(toMetadata.id),
      ),
    ).toEqual([['failed', expect.stringMatching(/^redirect: .*169\.254\.169\.254/)]]);
    expect(
      await eventually(async () => (await outcomes(loop.id)).length === 1 && outcomes(loop.id)),
    ).toEqual([['failed', 'more than 3 redirects']]);
    expect(receiver.to('/loop')).toHaveLength(4);
    for (const hook of [moved, toMetadata, loop]) await as('bob', 'DELETE', `/v1/hooks/${hook.id}`);
  });

  it('sends user.registered to administrators’ subscriptions', async () => {
    users.admin = await signInAsAdmin(t);
    const hook = await subscribe('admin', '/signups', 'user.registered');
    const registered = await t.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: { email: 'dee@example.test', password: 'violet-harbour-tram-1987', name: 'Dee' },
    });
    expect(registered.statusCode).toBe(201);
    const [delivery] = await eventually(() =>
      Promise.resolve(receiver.to('/signups').length > 0 && receiver.to('/signups')),
    );
    const verified = new Webhook(hook.secret!).verify(delivery.body, {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    });
    expect(verified).toMatchObject({
      type: 'user.registered',
      data: { email: 'dee@example.test', name: 'Dee', id: expect.any(String) },
    });
  });

  it('refuses unsafe targets, duplicates, excess, and admin-only events', async () => {
    for (const target_url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/hook',
      'http://[::ffff:a9fe:a9fe]/hook',
      'ftp://example.com/hook',
    ]) {
      const response = await as('bob', 'POST', '/v1/hooks', { target_url, event: 'cv.completed' });
      expect([target_url, response.statusCode]).toEqual([target_url, 422]);
      expect(response.json()).toMatchObject({ code: 'hooks.unsafe_target' });
    }
    const invalid = await as('bob', 'POST', '/v1/hooks', {
      target_url: `${receiver.url}/x`,
      event: 'cv.exploded',
    });
    expect(invalid.statusCode).toBe(400);
    const adminOnly = await as('bob', 'POST', '/v1/hooks', {
      target_url: `${receiver.url}/x`,
      event: 'user.registered',
    });
    expect(adminOnly.statusCode).toBe(403);
    expect(adminOnly.json()).toMatchObject({ code: 'hooks.event_not_allowed' });

    await subscribe('bob', '/one');
    const duplicate = await as('bob', 'POST', '/v1/hooks', {
      target_url: `${receiver.url}/one`,
      event: 'cv.completed',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'hooks.duplicate' });
    await subscribe('bob', '/two');
    await subscribe('bob', '/three');
    await subscribe('bob', '/four');
    const excess = await as('bob', 'POST', '/v1/hooks', {
      target_url: `${receiver.url}/five`,
      event: 'cv.completed',
    });
    expect(excess.statusCode).toBe(409);
    expect(excess.json()).toMatchObject({ code: 'hooks.limit_reached' });
  });

  it('erases a deleted account’s subscriptions and their delivery log', async () => {
    const email = 'gil@example.test';
    const gilId = await createUser(t, { email, password: PASSWORD, tier: 'premium' });
    users.gil = await signIn(t, email, PASSWORD);
    const hook = await subscribe('gil', '/gil');
    await newCv('gil', 'Before leaving');
    await eventually(() => Promise.resolve(receiver.to('/gil').length === 1));
    const sql = (query: string, id: string) => t.get(EntityManager).fork().execute(query, [id]);
    const attempts = () => sql('select 1 from hook_delivery_attempts where hook_id = ?', hook.id);
    expect(await eventually(async () => (await attempts()).length === 1)).toBe(true);
    const deleted = await t.inject({
      method: 'DELETE',
      url: '/v1/me',
      headers: { authorization: users.gil.authorization },
      payload: { password: PASSWORD },
    });
    expect(deleted.statusCode).toBe(204);
    await eventually(async () => {
      const left = await sql('select 1 from hook_subscriptions where user_id = ?', gilId);
      return left.length === 0;
    });
    expect(await attempts()).toHaveLength(0);
  });

  it('keeps hooks and their deliveries to their owner', async () => {
    const hook = await subscribe('ada', '/private', 'subscription.started');
    expect((await as('bob', 'DELETE', `/v1/hooks/${hook.id}`)).statusCode).toBe(404);
    const foreign = await as('bob', 'GET', `/v1/hooks/${hook.id}/deliveries`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'hooks.not_found' });
    const bobs = (await as('bob', 'GET', '/v1/hooks')).json<{ items: Hook[] }>().items;
    expect(bobs.map((h) => h.id)).not.toContain(hook.id);
    expect(JSON.stringify(bobs)).not.toContain('secret');
    expect((await as('ada', 'DELETE', `/v1/hooks/${hook.id}`)).statusCode).toBe(204);
    expect((await as('ada', 'DELETE', `/v1/hooks/${hook.id}`)).statusCode).toBe(404);
  });
});
