import { EntityManager } from '@mikro-orm/postgresql';
import { newWebhookSecret, signedResendWebhook, TestApp, type SignedWebhook } from '@lib/testing';
import { SuppressionList } from '../src/modules/notifications/deliverability';
import { createUser, signIn, signInAsAdmin, type Session } from './support/accounts';

interface Suppression {
  id: string;
  email: string;
  reason: string;
  detail: string | null;
  providerEmailId: string | null;
}

describe('Deliverability: Resend webhooks and the suppression list', () => {
  const secret = newWebhookSecret();
  let t: TestApp;
  let admin: Session;
  let member: Session;

  beforeAll(async () => {
    t = await TestApp.create({ env: { RESEND_WEBHOOK_SECRET: secret } });
    admin = await signInAsAdmin(t);
    await createUser(t, { email: 'member@example.test', password: 'correct-horse-battery' });
    member = await signIn(t, 'member@example.test', 'correct-horse-battery');
  });

  afterAll(() => t?.close());

  const post = (webhook: SignedWebhook, app = t) =>
    app.inject({
      method: 'POST',
      url: '/v1/webhooks/resend',
      headers: webhook.headers,
      payload: webhook.payload,
    });
  const suppressed = (email: string) => t.get(SuppressionList).isSuppressed(email);
  const list = async (query = '') => {
    const response = await t.inject({
      method: 'GET',
      url: `/v1/admin/suppressions${query}`,
      headers: { authorization: admin.authorization },
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Suppression[]; nextCursor: string | null }>().items;
  };
  const recordedEvents = async () =>
    Number(
      (
        await t
          .get(EntityManager)
          .fork()
          .execute<{ n: string }[]>('select count(*) as n from email_delivery_events')
      )[0].n,
    );
  const email = (to: string) => ({ id: crypto.randomUUID(), to: [to] });

  it('suppresses the address of a hard bounce, once per svix-id', async () => {
    const bounce = signedResendWebhook(secret, 'email.bounced', email('Gone@Example.com'), {
      bounce: { type: 'Permanent', message: '550 5.1.1 No such user' },
    });
    const events = await recordedEvents();

    const response = await post(bounce);

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, duplicate: false });
    expect(await suppressed('gone@example.com')).toBe(true);
    expect(await suppressed('  GONE@example.COM ')).toBe(true);
    const [row] = await list('?email=gone@');
    expect(row).toMatchObject({
      email: 'gone@example.com',
      reason: 'hard_bounce',
      detail: '550 5.1.1 No such user',
    });

    // Svix redelivers the same message: nothing changes.
    const again = await post(bounce);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ received: true, duplicate: true });
    expect(await list('?email=gone@')).toHaveLength(1);
    expect(await recordedEvents()).toBe(events + 1);
  });

  it('refuses a tampered, foreign-signed, stale or unsigned webhook with 400 and changes nothing', async () => {
    const genuine = signedResendWebhook(secret, 'email.bounced', email('victim@example.com'), {
      bounce: { type: 'Permanent' },
    });
    const events = await recordedEvents();
    const attempts: SignedWebhook[] = [
      // The body changed after signing (another address).
      { ...genuine, payload: genuine.payload.replace('victim@', 'other@') },
      // Signed with another secret.
      signedResendWebhook(newWebhookSecret(), 'email.bounced', email('victim@example.com'), {
        bounce: { type: 'Permanent' },
      }),
      // Correctly signed, but ten minutes old (a replay).
      signedResendWebhook(secret, 'email.bounced', email('victim@example.com'), {
        bounce: { type: 'Permanent' },
        timestamp: new Date(Date.now() - 10 * 60_000),
      }),
      // No signature at all.
      {
        payload: genuine.payload,
        headers: { ...genuine.headers, 'svix-signature': '' },
      },
    ];
    for (const attempt of attempts) {
      const response = await post(attempt);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'deliverability.invalid_signature' });
    }
    expect(await suppressed('victim@example.com')).toBe(false);
    expect(await suppressed('other@example.com')).toBe(false);
    expect(await recordedEvents()).toBe(events);

    // The genuine one still works afterwards.
    expect((await post(genuine)).statusCode).toBe(200);
    expect(await suppressed('victim@example.com')).toBe(true);
  });

  it('suppresses complaints; soft bounces, deliveries and delays are only recorded', async () => {
    const events = await recordedEvents();
    const sent = [
      signedResendWebhook(secret, 'email.bounced', email('full@example.com'), {
        bounce: { type: 'Transient', subType: 'MailboxFull' },
      }),
      signedResendWebhook(secret, 'email.delivered', email('fine@example.com')),
      signedResendWebhook(secret, 'email.delivery_delayed', email('slow@example.com')),
      signedResendWebhook(secret, 'email.complained', email('Annoyed <annoyed@example.com>')),
    ];
    for (const webhook of sent) expect((await post(webhook)).statusCode).toBe(200);

    expect(await suppressed('full@example.com')).toBe(false);
    expect(await suppressed('fine@example.com')).toBe(false);
    expect(await suppressed('slow@example.com')).toBe(false);
    expect(await suppressed('annoyed@example.com')).toBe(true);
    expect((await list('?reason=complaint')).map((s) => s.email)).toEqual(['annoyed@example.com']);
    expect(await recordedEvents()).toBe(events + 4);
  });

  it('lets admins clear a suppression by address or by id; others cannot', async () => {
    await post(
      signedResendWebhook(secret, 'email.bounced', email('back@example.com'), {
        bounce: { type: 'Permanent' },
      }),
    );
    await post(signedResendWebhook(secret, 'email.complained', email('again@example.com')));
    const [byId] = await list('?email=again@');

    const asMember = await t.inject({
      method: 'DELETE',
      url: '/v1/admin/suppressions/back@example.com',
      headers: { authorization: member.authorization },
    });
    expect(asMember.statusCode).toBe(403);
    const asMemberList = await t.inject({
      method: 'GET',
      url: '/v1/admin/suppressions',
      headers: { authorization: member.authorization },
    });
    expect(asMemberList.statusCode).toBe(403);

    const clear = (key: string) =>
      t.inject({
        method: 'DELETE',
        url: `/v1/admin/suppressions/${key}`,
        headers: { authorization: admin.authorization },
      });
    expect((await clear('Back@Example.com')).statusCode).toBe(204);
    expect(await suppressed('back@example.com')).toBe(false);
    const missing = await clear('back@example.com');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'deliverability.suppression_not_found' });
    expect((await clear(byId.id)).statusCode).toBe(204);
    expect(await suppressed('again@example.com')).toBe(false);
    const bad = await clear('not-an-address');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'deliverability.invalid_suppression_key' });
  });

  it('pages the list newest first', async () => {
    for (const name of ['p1', 'p2', 'p3']) {
      await post(signedResendWebhook(secret, 'email.complained', email(`${name}@paging.test`)));
    }
    const first = await t.inject({
      method: 'GET',
      url: '/v1/admin/suppressions?email=@paging.test&limit=2',
      headers: { authorization: admin.authorization },
    });
    const page = first.json<{ items: Suppression[]; nextCursor: string }>();
    expect(page.items.map((s) => s.email)).toEqual(['p3@paging.test', 'p2@paging.test']);
    const rest = await list(`?email=@paging.test&limit=2&cursor=${page.nextCursor}`);
    expect(rest.map((s) => s.email)).toEqual(['p1@paging.test']);
  });

  it('answers 503 when no webhook secret is configured', async () => {
    const bare = await TestApp.create({ replicaOf: t, role: 'api' });
    try {
      const response = await post(
        signedResendWebhook(secret, 'email.complained', email('x@example.com')),
        bare,
      );
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'deliverability.webhook_not_configured' });
    } finally {
      await bare.close();
    }
    expect(await suppressed('x@example.com')).toBe(false);
  });
});
