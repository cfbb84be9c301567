import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, Module } from '@nestjs/common';
import { RateLimit } from '@lib/rate-limit';
import { LocalBillingDriver } from '@lib/providers';
import { eventually, TestApp } from '@lib/testing';
import { BillingProvider, BillingSync } from '../src/modules/billing';
import { Access } from '../src/common/access.decorator';
import { call, createUser, signIn, type Session } from './support/accounts';

/** An AI-metered route without an AI call: the `ai` limit and the credits behind it. */
@Controller({ path: 'credits-probe', version: '1' })
class CreditsProbeController {
  @Get()
  @Access('user', { feature: 'aiEnhancement' })
  @RateLimit('ai')
  probe(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [CreditsProbeController] })
class CreditsProbeModule {}

const PASSWORD = 'a-long-password-for-tests';

describe('billing with the local driver (a fresh install, no Stripe keys)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // testEnv sets no Stripe variable: the local driver.
    t = await TestApp.create({
      env: { BILLING_AI_CREDITS_PER_PACK: '2' },
      extra: [CreditsProbeModule],
      probeRoutes: /^\/v1\/credits-probe/,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('6. upgrades through the local confirmation page and gets pro, through the same processor', async () => {
    await createUser(t, { email: 'local@example.test', password: PASSWORD });
    const session = await signIn(t, 'local@example.test', PASSWORD);
    const checkout = await call(t, 'POST', '/v1/billing/checkout', session.authorization, {
      plan: 'pro',
    });
    expect(checkout.statusCode).toBe(201);
    const { sessionId, url } = checkout.json<{ sessionId: string; url: string }>();
    const path = new URL(url).pathname;
    expect(path).toBe(`/v1/billing/local/checkout/${sessionId}`);

    const page = await t.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Career Tools Pro');
    expect(page.body).toContain('29.99 USD');
    expect(page.body).toContain(`${sessionId}/confirm`);

    const confirmed = await t.inject({ method: 'POST', url: `${path}/confirm` });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(
      `${t.config.env.FRONTEND_URL}/billing/success?session_id=${sessionId}`,
    );
    // Confirming again changes nothing.
    expect((await t.inject({ method: 'POST', url: `${path}/confirm` })).statusCode).toBe(303);

    await eventually(async () => {
      const me = await call(t, 'GET', '/v1/me', session.authorization);
      return me.json<{ tier: string }>().tier === 'pro';
    });
    // The page fed the webhook engine: recorded events, processed by the same job.
    const events = await eventually(async () => {
      const rows = await t
        .get(EntityManager)
        .fork()
        .execute<{ type: string; source: string; processed: boolean }[]>(
          `select type, source, processed_at is not null as processed from billing_webhook_events order by type`,
        );
      return rows.every((row) => row.processed) && rows;
    });
    expect(events).toEqual([
      { type: 'checkout.session.completed', source: 'local', processed: true },
      { type: 'customer.subscription.created', source: 'local', processed: true },
      { type: 'invoice.paid', source: 'local', processed: true },
    ]);
    const view = await call(t, 'GET', '/v1/billing/subscription', session.authorization);
    expect(view.json()).toMatchObject({ tier: 'pro', plan: 'pro', status: 'active' });
    const invoices = await call(t, 'GET', '/v1/billing/invoices', session.authorization);
    expect(invoices.json()).toMatchObject({ items: [{ amount: 2999, status: 'paid' }] });
  });

  it('renews a local subscription when its period ends, and ends it at the period end once cancelled', async () => {
    await createUser(t, { email: 'renewing@example.test', password: PASSWORD });
    const session = await signIn(t, 'renewing@example.test', PASSWORD);
    const checkout = await call(t, 'POST', '/v1/billing/checkout', session.authorization, {
      plan: 'pro',
    });
    const path = new URL(checkout.json<{ url: string }>().url).pathname;
    expect((await t.inject({ method: 'POST', url: `${path}/confirm` })).statusCode).toBe(303);
    const tier = async () =>
      (await call(t, 'GET', '/v1/me', session.authorization)).json<{ tier: string }>().tier;
    await eventually(async () => (await tier()) === 'pro');
    const row = async () =>
      (
        await t
          .get(EntityManager)
          .fork()
          .execute<{ id: string; status: string; end_ms: string }[]>(
            `select s.id, s.status, (extract(epoch from s.current_period_end) * 1000)::bigint::text as end_ms
               from billing_subscriptions s
              join users u on u.id = s.user_id where u.email = 'renewing@example.test'`,
          )
      )[0];
    const first = await row();
    const driver = t.get(BillingProvider).require() as LocalBillingDriver;
    const sync = t.get(BillingSync);
    const day = 24 * 3600 * 1000;

    // The period ends: the driver renews (a second paid invoice), the sweep syncs it.
    const renewedAt = new Date(Number(first.end_ms) + day);
    await driver.retrieveSubscription(first.id, renewedAt);
    expect(await sync.settleLocalPeriods(renewedAt)).toBeGreaterThanOrEqual(1);
    const renewed = await row();
    expect(renewed.status).toBe('active');
    expect(Number(renewed.end_ms)).toBe(Number(first.end_ms) + 30 * day);
    const invoices = await call(t, 'GET', '/v1/billing/invoices', session.authorization);
    expect(invoices.json<{ items: { status: string }[] }>().items).toHaveLength(2);
    expect(await tier()).toBe('pro');
    // A second reader of the same period end bills nothing more.
    await driver.retrieveSubscription(first.id, renewedAt);
    expect(
      (await call(t, 'GET', '/v1/billing/invoices', session.authorization)).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(2);

    // Cancelled at period end: the plan stays until the period ends, then the account is Free.
    const cancel = await call(t, 'POST', '/v1/billing/subscription/cancel', session.authorization);
    expect(cancel.statusCode).toBe(200);
    expect(await tier()).toBe('pro');
    const endedAt = new Date(Number(renewed.end_ms) + day);
    await driver.retrieveSubscription(first.id, endedAt);
    await sync.settleLocalPeriods(endedAt);
    expect((await row()).status).toBe('canceled');
    expect(await tier()).toBe('free');
  });

  it('spends bought AI credits only once the plan’s hourly AI limit is used up', async () => {
    const buyer = await proUser('buyer@example.test');
    const other = await proUser('other@example.test');
    const checkout = await call(t, 'POST', '/v1/billing/credits/checkout', buyer.authorization, {
      packs: 1,
    });
    const path = new URL(checkout.json<{ url: string }>().url).pathname;
    expect((await t.inject({ method: 'POST', url: `${path}/confirm` })).statusCode).toBe(303);
    await eventually(async () => (await credits(buyer)) === 2);

    const probe = (session: Session) => call(t, 'GET', '/v1/credits-probe', session.authorization);
    for (let i = 0; i < 10; i += 1) expect((await probe(buyer)).statusCode).toBe(200); // Pro: 10 an hour
    expect(await credits(buyer)).toBe(2);
    expect((await probe(buyer)).statusCode).toBe(200);
    expect((await probe(buyer)).statusCode).toBe(200);
    expect(await credits(buyer)).toBe(0);
    expect((await probe(buyer)).statusCode).toBe(429);

    for (let i = 0; i < 10; i += 1) await probe(other);
    expect((await probe(other)).statusCode).toBe(429);
  });

  async function proUser(email: string): Promise<Session> {
    await createUser(t, { email, password: PASSWORD, tier: 'pro' });
    return signIn(t, email, PASSWORD);
  }

  async function credits(session: Session): Promise<number> {
    const view = await call(t, 'GET', '/v1/billing/subscription', session.authorization);
    return view.json<{ aiCredits: number }>().aiCredits;
  }

  it('answers 404 for an unknown local checkout', async () => {
    const page = await t.inject({ method: 'GET', url: '/v1/billing/local/checkout/cs_local_nope' });
    expect(page.json()).toMatchObject({ status: 404, code: 'billing.checkout_not_found' });
  });
});

describe('billing switched off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create({ role: 'api', env: { BILLING_DRIVER: 'off' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 billing.not_configured on billing routes; everything else keeps working', async () => {
    await createUser(t, { email: 'off@example.test', password: PASSWORD });
    const session = await signIn(t, 'off@example.test', PASSWORD);
    for (const [method, url, body] of [
      ['POST', '/v1/billing/checkout', { plan: 'pro' }],
      ['POST', '/v1/billing/portal', {}],
      ['GET', '/v1/billing/subscription', undefined],
      ['GET', '/v1/billing/invoices', undefined],
    ] as const) {
      const response = await call(t, method, url, session.authorization, body);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'billing.not_configured' });
    }
    const webhook = await t.inject({
      method: 'POST',
      url: '/v1/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=x' },
      payload: '{}',
    });
    expect(webhook.json()).toMatchObject({ status: 503, code: 'billing.not_configured' });
    expect((await call(t, 'GET', '/v1/me', session.authorization)).statusCode).toBe(200);
    const plans = await t.inject({ method: 'GET', url: '/v1/plans' });
    expect(plans.json<{ prices: unknown[] }[]>().every((p) => p.prices.length === 0)).toBe(true);
  });
});
