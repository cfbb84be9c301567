import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { QUEUES } from '@lib/queue';
import { eventually, StripeFake, TestApp } from '@lib/testing';
import { BillingSync, WebhookIntake } from '../src/modules/billing';
import { call, createUser, signIn, type Session } from './support/accounts';
import {
  billingMails,
  deliver,
  PRICES,
  processed,
  sendWebhook,
  sql,
  stripeEnv,
  stripeFakePrices,
} from './support/stripe';

const PASSWORD = 'a-long-password-for-tests';

describe('billing with Stripe (the real SDK against a fake Stripe)', () => {
  const fake = new StripeFake();
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    await fake.start(stripeFakePrices());
    t = await TestApp.create({ env: stripeEnv(fake) });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  async function newUser(): Promise<{ id: string; email: string; session: Session }> {
    counter += 1;
    const email = `payer${counter}@example.test`;
    const id = await createUser(t, { email, password: PASSWORD, name: `Payer ${counter}` });
    return { id, email, session: await signIn(t, email, PASSWORD) };
  }

  /** How many times the fake Stripe was asked for the object with this id. */
  const fetches = (id: string) =>
    fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith(id)).length;

  const me = async (session: Session) =>
    (await call(t, 'GET', '/v1/me', session.authorization)).json<{ tier: string }>();

  /** Checkout, Stripe takes the payment, its webhooks arrive: the usual upgrade. */
  async function subscribe(session: Session, plan: 'pro' | 'premium' = 'pro') {
    const checkout = await call(t, 'POST', '/v1/billing/checkout', session.authorization, { plan });
    expect(checkout.statusCode).toBe(201);
    const { sessionId } = checkout.json<{ sessionId: string }>();
    const { session: completed, subscription } = fake.completeCheckout(sessionId);
    await deliver(t, fake, 'checkout.session.completed', completed);
    await deliver(t, fake, 'customer.subscription.created', subscription!);
    return subscription!.id as string;
  }

  it('shows prices and the publishable key in GET /v1/plans', async () => {
    const plans = (await t.inject({ method: 'GET', url: '/v1/plans' })).json<
      {
        tier: string;
        prices: { interval: string; amountCents: number }[];
        publishableKey: string;
      }[]
    >();
    const pro = plans.find((p) => p.tier === 'pro')!;
    expect(pro.prices).toEqual([
      expect.objectContaining({ interval: 'month', amountCents: 2999, priceId: PRICES.pro }),
      expect.objectContaining({ interval: 'year', priceId: PRICES.proYearly }),
    ]);
    expect(pro.publishableKey).toBe('pk_test_fake');
    expect(plans.find((p) => p.tier === 'free')!.prices).toEqual([]);
  });

  it('1. upgrades on the signed webhooks: the same access token gets pro at once; a portal downgrade disables premium features and keeps the data', async () => {
    const user = await newUser();
    const cv = await call(t, 'POST', '/v1/cvs', user.session.authorization, {
      title: 'Backend CV',
      document: { basics: { name: 'Payer' } },
    });
    expect(cv.statusCode).toBe(201);
    const cvId = cv.json<{ id: string }>().id;
    const aiRoute = `/v1/cvs/${cvId}/ai/suggestions`;
    expect((await call(t, 'GET', aiRoute, user.session.authorization)).statusCode).toBe(403);

    const checkout = await call(t, 'POST', '/v1/billing/checkout', user.session.authorization, {
      plan: 'pro',
    });
    expect(checkout.statusCode).toBe(201);
    const { sessionId, url } = checkout.json<{ sessionId: string; url: string }>();
    expect(url).toContain(sessionId);
    const created = fake.sessions.get(sessionId)!;
    expect(created).toMatchObject({ mode: 'subscription', client_reference_id: user.id });
    const customer = fake.customers.get(created.customer as string)!;
    expect(customer.metadata).toEqual({ userId: user.id });
    // Every create carried an idempotency key.
    const creates = fake.requests.filter((r) => r.method === 'POST');
    expect(creates.every((r) => r.idempotencyKey)).toBe(true);

    const { session: completed, subscription } = fake.completeCheckout(sessionId);
    const invoice = [...fake.invoices.values()].at(-1)!;
    await deliver(t, fake, 'checkout.session.completed', completed);
    await deliver(t, fake, 'customer.subscription.created', subscription!);
    await deliver(t, fake, 'invoice.paid', invoice);

    // The same access token, without a refresh: GET /v1/me and the pro-only route.
    expect((await me(user.session)).tier).toBe('pro');
    expect((await call(t, 'GET', aiRoute, user.session.authorization)).statusCode).toBe(200);
    expect(await billingMails(t, user.email)).toEqual(['billing-confirmed']);
    const changed = await sql<{ type: string }>(
      t,
      `select type from event_store where type = 'identity.user_tier_changed' and metadata->>'subject' = ?`,
      [user.id],
    );
    expect(changed).toHaveLength(1);
    const analytics = await sql<{ name: string }>(
      t,
      'select name from analytics_events where user_id = ? order by occurred_at',
      [user.id],
    );
    expect(analytics.map((a) => a.name)).toEqual(
      expect.arrayContaining(['plan_upgrade_started', 'plan_upgrade_completed']),
    );

    // Same plan again: 409; the other plan: use the portal.
    const again = await call(t, 'POST', '/v1/billing/checkout', user.session.authorization, {
      plan: 'pro',
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'billing.already_subscribed' });
    const other = await call(t, 'POST', '/v1/billing/checkout', user.session.authorization, {
      plan: 'premium',
    });
    expect(other.json()).toMatchObject({ status: 409, code: 'billing.use_portal' });

    // Portal: upgrade to premium, make an API key, then downgrade to pro.
    const portal = await call(t, 'POST', '/v1/billing/portal', user.session.authorization, {});
    expect(portal.statusCode).toBe(200);
    expect(portal.json<{ url: string }>().url).toMatch(/^https:\/\/billing\.stripe\.com\//);
    const subscriptionId = subscription!.id as string;
    await deliver(
      t,
      fake,
      'customer.subscription.updated',
      fake.updateSubscription(subscriptionId, { priceId: PRICES.premium }),
    );
    expect((await me(user.session)).tier).toBe('premium');
    const key = await call(t, 'POST', '/v1/me/api-keys', user.session.authorization, {
      name: 'integration',
      scopes: ['me:read'],
    });
    expect(key.statusCode).toBe(201);
    const secret = key.json<{ secret: string }>().secret;
    expect(
      (await t.inject({ method: 'GET', url: '/v1/me', headers: { 'x-api-key': secret } }))
        .statusCode,
    ).toBe(200);

    await deliver(
      t,
      fake,
      'customer.subscription.updated',
      fake.updateSubscription(subscriptionId, { priceId: PRICES.pro }),
    );
    expect((await me(user.session)).tier).toBe('pro');
    const refusedKey = await t.inject({
      method: 'GET',
      url: '/v1/me',
      headers: { 'x-api-key': secret },
    });
    expect(refusedKey.statusCode).toBe(403);
    expect(refusedKey.json()).toMatchObject({
      code: 'plan.upgrade_required',
      requiredPlan: 'premium',
    });
    const newKey = await call(t, 'POST', '/v1/me/api-keys', user.session.authorization, {
      name: 'another',
      scopes: ['me:read'],
    });
    expect(newKey.statusCode).toBe(403);
    // Nothing deleted: the key and the CV are still there; pro features still work.
    const keys = await call(t, 'GET', '/v1/me/api-keys', user.session.authorization);
    expect(keys.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await call(t, 'GET', `/v1/cvs/${cvId}`, user.session.authorization)).statusCode).toBe(
      200,
    );
    expect((await call(t, 'GET', aiRoute, user.session.authorization)).statusCode).toBe(200);

    const subscriptionView = await call(
      t,
      'GET',
      '/v1/billing/subscription',
      user.session.authorization,
    );
    expect(subscriptionView.json()).toMatchObject({
      tier: 'pro',
      plan: 'pro',
      status: 'active',
      cancelAtPeriodEnd: false,
      graceUntil: null,
    });
    const invoices = await call(
      t,
      'GET',
      '/v1/billing/invoices?limit=1',
      user.session.authorization,
    );
    expect(invoices.statusCode).toBe(200);
    expect(invoices.json()).toMatchObject({
      items: [{ id: invoice.id, amount: 2999, currency: 'usd', status: 'paid' }],
    });
  });

  it('2. refuses a tampered body, a wrong secret and a stale timestamp with 400; nothing changes', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    const before = await sql<{ n: string }>(
      t,
      'select count(*)::text as n from billing_webhook_events',
    );
    const canceled = fake.updateSubscription(subscriptionId, { status: 'canceled' });
    const attempts = [
      { tamper: (payload: string) => payload.replace('"canceled"', '"active"') },
      { secret: 'whsec_someone_else' },
      { timestamp: Math.floor(Date.now() / 1000) - 301 },
    ];
    for (const options of attempts) {
      const { response } = await sendWebhook(
        t,
        fake,
        'customer.subscription.deleted',
        canceled,
        options,
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'billing.webhook_signature_invalid' });
    }
    const missing = await t.inject({
      method: 'POST',
      url: '/v1/webhooks/stripe',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(fake.event('customer.subscription.deleted', canceled)),
    });
    expect(missing.statusCode).toBe(400);
    const after = await sql<{ n: string }>(
      t,
      'select count(*)::text as n from billing_webhook_events',
    );
    expect(after).toEqual(before);
    expect((await me(user.session)).tier).toBe('pro');
    const security = await sql<{ type: string }>(
      t,
      `select type from event_store where type = 'security.webhook_signature_rejected'`,
    );
    expect(security.length).toBeGreaterThan(0);
    fake.updateSubscription(subscriptionId, { status: 'active' });
  });

  it('records an event once: a repeat or a concurrent repeat answers 200 and has one effect', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    const object = fake.updateSubscription(subscriptionId, { cancelAtPeriodEnd: true });
    const event = fake.event('customer.subscription.updated', object);
    const payload = JSON.stringify(event);
    const post = () =>
      t.inject({
        method: 'POST',
        url: '/v1/webhooks/stripe',
        headers: { 'content-type': 'application/json', 'stripe-signature': fake.sign(payload) },
        payload,
      });
    const answers = await Promise.all([post(), post(), post()]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    await eventually(async () => (await billingMails(t, user.email)).includes('billing-cancelled'));
    expect((await post()).statusCode).toBe(200);
    const rows = await sql(t, 'select 1 from billing_webhook_events where id = ?', [event.id]);
    expect(rows).toHaveLength(1);
    expect(await billingMails(t, user.email)).toEqual(['billing-confirmed', 'billing-cancelled']);
  });

  it('answers 503 when the event cannot be recorded, and the redelivery is processed once', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    const object = fake.updateSubscription(subscriptionId, { cancelAtPeriodEnd: true });
    const event = fake.event('customer.subscription.updated', object);
    const payload = JSON.stringify(event);
    const post = () =>
      t.inject({
        method: 'POST',
        url: '/v1/webhooks/stripe',
        headers: { 'content-type': 'application/json', 'stripe-signature': fake.sign(payload) },
        payload,
      });
    await sql(t, 'alter table billing_webhook_events rename to billing_webhook_events_away');
    let refused;
    try {
      refused = await post();
    } finally {
      await sql(t, 'alter table billing_webhook_events_away rename to billing_webhook_events');
    }
    expect(refused.statusCode).toBe(503);
    expect((await post()).statusCode).toBe(200);
    await eventually(async () => (await billingMails(t, user.email)).includes('billing-cancelled'));
    expect(await billingMails(t, user.email)).toEqual(['billing-confirmed', 'billing-cancelled']);
  });

  it('one fetch covers the events of a subscription received before it: their jobs find them done', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    fake.updateSubscription(subscriptionId, { cancelAtPeriodEnd: true });
    const invoice = fake.createInvoice(subscriptionId, 'paid');
    // Recorded and not processed, too long ago for the worker's feed (which would queue them);
    // the last one arrives later.
    const burst = [
      ['customer.subscription.updated', subscriptionId, -10],
      ['invoice.paid', invoice.id as string, -10],
      ['customer.subscription.updated', subscriptionId, -10],
      ['customer.subscription.updated', subscriptionId, 10],
    ] as const;
    const ids = burst.map((_, n) => `evt_burst_${subscriptionId}_${n}`);
    for (const [i, [type, objectId, minutes]] of burst.entries()) {
      await sql(
        t,
        `insert into billing_webhook_events
           (id, type, object_id, subscription_id, source, created_at, received_at)
         values (?, ?, ?, ?, 'stripe', now(), now() + make_interval(mins => ?))`,
        [ids[i], type, objectId, subscriptionId, minutes],
      );
    }
    const before = fetches(subscriptionId);
    const sync = t.get(BillingSync);
    await sync.processEvent(ids[0]);
    expect(fetches(subscriptionId)).toBe(before + 1);
    const done = async () =>
      (
        await sql<{ id: string }>(
          t,
          'select id from billing_webhook_events where id = any(?::text[]) and processed_at is not null order by id',
          [`{${ids.join(',')}}`],
        )
      ).map((row) => row.id);
    expect(await done()).toEqual(ids.slice(0, 3));
    await sync.processEvent(ids[1]);
    await sync.processEvent(ids[2]);
    expect(fetches(subscriptionId)).toBe(before + 1);
    expect(fetches(invoice.id as string)).toBe(0); // the invoice's event was covered too
    // Received after the fetch started: its own job fetches again.
    await sync.processEvent(ids[3]);
    expect(fetches(subscriptionId)).toBe(before + 2);
    expect(await done()).toEqual(ids);
    expect(await billingMails(t, user.email)).toEqual(['billing-confirmed', 'billing-cancelled']);
  });

  it('a renewal burst through the webhook: one fetch of the subscription, no job for types nothing acts on', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    const renewed = fake.updateSubscription(subscriptionId, { cancelAtPeriodEnd: true });
    const invoice = fake.createInvoice(subscriptionId, 'paid');
    const before = fetches(subscriptionId);
    // The worker takes no job while the burst arrives, however slow this machine is.
    const queue = t.get<Queue>(getQueueToken(QUEUES.billing));
    await queue.pause(true, true);
    const sent: string[] = [];
    try {
      for (const [type, object] of [
        ['invoice.created', invoice],
        ['invoice.finalized', invoice],
        ['invoice.paid', invoice],
        ['invoice.payment_succeeded', invoice],
        ['customer.subscription.updated', renewed],
      ] as const) {
        const { response, eventId } = await sendWebhook(t, fake, type, object);
        expect(response.statusCode).toBe(200);
        sent.push(eventId);
      }
    } finally {
      await queue.resume(true);
    }
    for (const eventId of sent) await processed(t, eventId);
    const rows = await sql<{ type: string; subscription_id: string | null }>(
      t,
      'select type, subscription_id from billing_webhook_events where id = any(?::text[]) order by type',
      [`{${sent.join(',')}}`],
    );
    expect(rows).toEqual([
      { type: 'customer.subscription.updated', subscription_id: subscriptionId },
      { type: 'invoice.created', subscription_id: null },
      { type: 'invoice.finalized', subscription_id: null },
      { type: 'invoice.paid', subscription_id: subscriptionId },
      { type: 'invoice.payment_succeeded', subscription_id: subscriptionId },
    ]);
    // Nothing acts on invoice.created/finalized: recorded as processed, no job.
    expect(await queue.getJob(sent[0])).toBeNull();
    expect(await queue.getJob(sent[1])).toBeNull();
    // The three syncing events take turns: the first one's sync covers the other two.
    expect(fetches(subscriptionId) - before).toBe(1);
    expect(fetches(invoice.id as string)).toBe(0); // the payload named its subscription
    await eventually(async () => (await billingMails(t, user.email)).includes('billing-cancelled'));
  });

  it('an invoice event recorded without its subscription fetches the invoice to find it', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    fake.updateSubscription(subscriptionId, { cancelAtPeriodEnd: true });
    const invoice = fake.createInvoice(subscriptionId, 'paid');
    const before = fetches(subscriptionId);
    const eventId = `evt_unhinted_${subscriptionId}`;
    await sql(
      t,
      `insert into billing_webhook_events (id, type, object_id, source, created_at, received_at)
       values (?, 'invoice.paid', ?, 'stripe', now(), now())`,
      [eventId, invoice.id],
    );
    await processed(t, eventId); // the worker's feed queued it
    expect(fetches(invoice.id as string)).toBe(1);
    expect(fetches(subscriptionId)).toBe(before + 1);
    expect(await billingMails(t, user.email)).toEqual(['billing-confirmed', 'billing-cancelled']);
  });

  it('an API replica only records events; a worker replica queues one job for the burst and processes it', async () => {
    const api = await TestApp.create({ role: 'api', env: stripeEnv(fake) });
    let worker: TestApp | undefined;
    try {
      const email = 'replica-payer@example.test';
      const userId = await createUser(api, { email, password: PASSWORD, name: 'Replica Payer' });
      fake.customers.set('cus_replica', {
        id: 'cus_replica',
        object: 'customer',
        metadata: { userId },
      });
      const subscription = fake.createSubscription('cus_replica', PRICES.pro, {
        metadata: { userId },
      });
      const invoice = fake.createInvoice(subscription.id as string, 'paid');
      const sent: string[] = [];
      for (const [type, object] of [
        ['customer.subscription.created', subscription],
        ['invoice.paid', invoice],
        ['customer.subscription.updated', subscription],
      ] as const) {
        const { response, eventId } = await sendWebhook(api, fake, type, object);
        expect(response.statusCode).toBe(200);
        sent.push(eventId);
      }
      const queue = api.get<Queue>(getQueueToken(QUEUES.billing));
      expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, delayed: 0, active: 0 });
      const pending = await sql<{ id: string }>(
        api,
        'select id from billing_webhook_events where id = any(?::text[]) and processed_at is null',
        [`{${sent.join(',')}}`],
      );
      expect(pending).toHaveLength(3);

      worker = await TestApp.create({ role: 'worker', replicaOf: api, env: stripeEnv(fake) });
      for (const eventId of sent) await processed(api, eventId);
      expect(fetches(subscription.id as string)).toBe(1);
      // One job, the first event's: the other two never had one.
      expect(await queue.getJob(sent[0])).not.toBeNull();
      expect(await queue.getJob(sent[1])).toBeNull();
      expect(await queue.getJob(sent[2])).toBeNull();
      const [user] = await sql<{ tier: string }>(api, 'select tier from users where id = ?', [
        userId,
      ]);
      expect(user.tier).toBe('pro');
    } finally {
      await worker?.stop();
      await api.close();
    }
  });

  it('queues again a recorded event whose job was lost or whose processing was lost', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    fake.updateSubscription(subscriptionId, { cancelAtPeriodEnd: true });
    // Processed, but a crash lost the processing transaction: its job is completed.
    const { eventId: undone } = await sendWebhook(
      t,
      fake,
      'customer.subscription.updated',
      fake.updateSubscription(subscriptionId, {}),
    );
    const jobs = t.get<Queue>(getQueueToken(QUEUES.billing));
    await eventually(async () => (await (await jobs.getJob(undone))?.getState()) === 'completed');
    await sql(
      t,
      `update billing_webhook_events set processed_at = null, received_at = now() - interval '10 minutes' where id = ?`,
      [undone],
    );
    // Recorded, but Redis lost its job.
    const lost = `evt_lost_job_${subscriptionId}`;
    await sql(
      t,
      `insert into billing_webhook_events (id, type, object_id, source, created_at, received_at)
       values (?, 'customer.subscription.updated', ?, 'stripe', now(), now() - interval '10 minutes')`,
      [lost, subscriptionId],
    );
    // Young unprocessed events are left to their jobs.
    expect(await t.get(WebhookIntake).recoverUnprocessed(60 * 60_000)).toBe(0);
    expect(await t.get(WebhookIntake).recoverUnprocessed()).toBeGreaterThanOrEqual(2);
    await processed(t, lost);
    await processed(t, undone);
    await eventually(async () => (await billingMails(t, user.email)).includes('billing-cancelled'));
    expect(await billingMails(t, user.email)).toEqual(['billing-confirmed', 'billing-cancelled']);
  });

  it('4. past_due keeps the plan for the grace period, then free; unpaid ends it; one email each', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    const pastDue = fake.updateSubscription(subscriptionId, { status: 'past_due' });
    const failedInvoice = fake.createInvoice(subscriptionId, 'open');
    await deliver(t, fake, 'invoice.payment_failed', failedInvoice);
    await deliver(t, fake, 'customer.subscription.updated', pastDue);
    await deliver(t, fake, 'invoice.payment_failed', failedInvoice);
    const view = (
      await call(t, 'GET', '/v1/billing/subscription', user.session.authorization)
    ).json<{
      tier: string;
      status: string;
      graceUntil: string;
    }>();
    expect(view).toMatchObject({ tier: 'pro', status: 'past_due' });
    const graceUntil = new Date(view.graceUntil);
    expect(graceUntil.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);
    expect(await billingMails(t, user.email)).toEqual([
      'billing-confirmed',
      'billing-payment-failed',
    ]);

    const sync = t.get(BillingSync);
    expect(await sync.sweepGrace(new Date(graceUntil.getTime() - 1000))).toBe(0);
    expect((await me(user.session)).tier).toBe('pro');
    expect(await sync.sweepGrace(new Date(graceUntil.getTime() + 1000))).toBe(1);
    await sync.sweepGrace(new Date(graceUntil.getTime() + 2000));
    expect((await me(user.session)).tier).toBe('free');

    await deliver(
      t,
      fake,
      'customer.subscription.updated',
      fake.updateSubscription(subscriptionId, { status: 'unpaid' }),
    );
    await deliver(
      t,
      fake,
      'customer.subscription.updated',
      fake.subscriptions.get(subscriptionId)!,
    );
    expect((await me(user.session)).tier).toBe('free');
    expect(await billingMails(t, user.email)).toEqual([
      'billing-confirmed',
      'billing-payment-failed',
      'billing-grace-ended',
      'billing-ended',
    ]);
  });

  it('4. cancel at period end keeps the plan until Stripe ends it; resume undoes it', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    const cancelled = await call(
      t,
      'POST',
      '/v1/billing/subscription/cancel',
      user.session.authorization,
    );
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      tier: 'pro',
      status: 'active',
      cancelAtPeriodEnd: true,
    });
    expect(fake.subscriptions.get(subscriptionId)!.cancel_at_period_end).toBe(true);
    await deliver(
      t,
      fake,
      'customer.subscription.updated',
      fake.subscriptions.get(subscriptionId)!,
    );
    expect(await billingMails(t, user.email)).toEqual(['billing-confirmed', 'billing-cancelled']);

    const resumed = await call(
      t,
      'POST',
      '/v1/billing/subscription/resume',
      user.session.authorization,
    );
    expect(resumed.json()).toMatchObject({ tier: 'pro', cancelAtPeriodEnd: false });
    expect(fake.subscriptions.get(subscriptionId)!.cancel_at_period_end).toBe(false);

    await call(t, 'POST', '/v1/billing/subscription/cancel', user.session.authorization);
    // The period ends: Stripe cancels the subscription.
    await deliver(
      t,
      fake,
      'customer.subscription.deleted',
      fake.updateSubscription(subscriptionId, { status: 'canceled' }),
    );
    expect((await me(user.session)).tier).toBe('free');
    expect(await billingMails(t, user.email)).toEqual([
      'billing-confirmed',
      'billing-cancelled',
      'billing-ended',
    ]);
    const again = await call(
      t,
      'POST',
      '/v1/billing/subscription/cancel',
      user.session.authorization,
    );
    expect(again.json()).toMatchObject({ status: 404, code: 'billing.no_subscription' });
  });

  it('5. a Stripe timeout or 5xx during checkout is a 503 with nothing half-created; the retry makes no second customer', async () => {
    const user = await newUser();
    const customersOf = () =>
      [...fake.customers.values()].filter(
        (c) => (c.metadata as { userId?: string }).userId === user.id,
      );

    fake.failNext(500, 2); // the SDK's own retry fails too
    const failed = await call(t, 'POST', '/v1/billing/checkout', user.session.authorization, {
      plan: 'pro',
    });
    expect(failed.statusCode).toBe(503);
    expect(failed.json()).toMatchObject({ code: 'billing.provider_unavailable' });
    expect(customersOf()).toHaveLength(0);

    fake.delayNext(4000, 2); // Stripe creates the customer, the answers never arrive in time
    const timedOut = await call(t, 'POST', '/v1/billing/checkout', user.session.authorization, {
      plan: 'pro',
    });
    expect(timedOut.statusCode).toBe(503);
    expect(
      await sql(t, 'select 1 from billing_customers where user_id = ?', [user.id]),
    ).toHaveLength(0);
    expect(customersOf()).toHaveLength(1);

    const headers = { authorization: user.session.authorization, 'idempotency-key': 'retry-key-1' };
    const retried = await t.inject({
      method: 'POST',
      url: '/v1/billing/checkout',
      headers,
      payload: { plan: 'pro' },
    });
    expect(retried.statusCode).toBe(201);
    const again = await t.inject({
      method: 'POST',
      url: '/v1/billing/checkout',
      headers,
      payload: { plan: 'pro' },
    });
    expect(again.json<{ sessionId: string }>().sessionId).toBe(
      retried.json<{ sessionId: string }>().sessionId,
    );
    expect(customersOf()).toHaveLength(1);
    expect(
      await sql(t, 'select 1 from billing_customers where user_id = ?', [user.id]),
    ).toHaveLength(1);
  });

  it('refuses redirects outside the frontend origins and unknown plans', async () => {
    const user = await newUser();
    const evil = await call(t, 'POST', '/v1/billing/checkout', user.session.authorization, {
      plan: 'pro',
      successUrl: 'https://evil.example/steal',
    });
    expect(evil.json()).toMatchObject({ status: 400, code: 'billing.redirect_not_allowed' });
    const portal = await call(t, 'POST', '/v1/billing/portal', user.session.authorization, {
      returnUrl: 'https://evil.example/',
    });
    expect(portal.json()).toMatchObject({ status: 400, code: 'billing.redirect_not_allowed' });
    const gold = await call(t, 'POST', '/v1/billing/checkout', user.session.authorization, {
      plan: 'gold',
    });
    expect(gold.statusCode).toBe(400);
    const noCustomer = await call(t, 'POST', '/v1/billing/portal', user.session.authorization, {});
    expect(noCustomer.json()).toMatchObject({ status: 404, code: 'billing.no_customer' });
    expect(
      (await call(t, 'POST', '/v1/billing/checkout', undefined, { plan: 'pro' })).statusCode,
    ).toBe(401);
  });

  it('sells AI credit packs once: the paid checkout adds credits and a receipt, a repeat adds nothing', async () => {
    const user = await newUser();
    const checkout = await call(
      t,
      'POST',
      '/v1/billing/credits/checkout',
      user.session.authorization,
      {
        packs: 2,
      },
    );
    expect(checkout.statusCode).toBe(201);
    const { sessionId } = checkout.json<{ sessionId: string }>();
    expect(fake.sessions.get(sessionId)).toMatchObject({ mode: 'payment', amount_total: 1998 });
    const { session } = fake.completeCheckout(sessionId);
    await deliver(t, fake, 'checkout.session.completed', session);
    await deliver(t, fake, 'checkout.session.completed', session);
    const view = await call(t, 'GET', '/v1/billing/subscription', user.session.authorization);
    expect(view.json()).toMatchObject({ tier: 'free', status: 'none', aiCredits: 200 });
    expect(await billingMails(t, user.email)).toEqual(['billing-credits-receipt']);
  });

  it('admin: lists subscriptions by status and plan, and sums MRR', async () => {
    const admin = await signIn(t, t.config.env.ADMIN_EMAIL, t.config.env.ADMIN_PASSWORD!);
    const list = await call(
      t,
      'GET',
      '/v1/admin/billing/subscriptions?status=active&plan=pro',
      admin.authorization,
    );
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { status: string; plan: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.status === 'active' && s.plan === 'pro')).toBe(true);
    const summary = await call(t, 'GET', '/v1/admin/billing/summary', admin.authorization);
    const body = summary.json<{ mrrCents: number; active: { pro: number; premium: number } }>();
    expect(body.active.pro).toBe(items.length);
    expect(body.mrrCents).toBe(2999 * body.active.pro + 4999 * body.active.premium);
    const user = await newUser();
    expect(
      (await call(t, 'GET', '/v1/admin/billing/summary', user.session.authorization)).statusCode,
    ).toBe(403);
  });

  it('erasure cancels the subscription and deletes the Stripe customer', async () => {
    const user = await newUser();
    const subscriptionId = await subscribe(user.session);
    const customerId = fake.subscriptions.get(subscriptionId)!.customer as string;
    const deleted = await t.inject({
      method: 'DELETE',
      url: '/v1/me',
      headers: { authorization: user.session.authorization },
      payload: { password: PASSWORD },
    });
    expect(deleted.statusCode).toBe(204);
    await eventually(() => Promise.resolve(!fake.customers.has(customerId)));
    expect(fake.subscriptions.get(subscriptionId)!.status).toBe('canceled');
    await eventually(
      async () =>
        (await sql(t, 'select 1 from billing_subscriptions where user_id = ?', [user.id]))
          .length === 0,
    );
  });
});
