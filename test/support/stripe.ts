import { EntityManager } from '@mikro-orm/postgresql';
import { eventually, type TestApp } from '@lib/testing';
import type { StripeFake } from '@lib/testing';

export const PRICES = {
  pro: 'price_pro_monthly',
  premium: 'price_premium_monthly',
  proYearly: 'price_pro_yearly',
  credits: 'price_ai_credits',
};

export function stripeFakePrices() {
  return [
    { id: PRICES.pro, unitAmount: 2999, currency: 'usd', interval: 'month' as const },
    { id: PRICES.premium, unitAmount: 4999, currency: 'usd', interval: 'month' as const },
    { id: PRICES.proYearly, unitAmount: 29990, currency: 'usd', interval: 'year' as const },
    { id: PRICES.credits, unitAmount: 999, currency: 'usd', interval: null },
  ];
}

/** The app's environment for billing with Stripe pointed at the fake. */
export function stripeEnv(fake: StripeFake): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_PUBLISHABLE_KEY: 'pk_test_fake',
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_PRO_PRICE_ID: PRICES.pro,
    STRIPE_PREMIUM_PRICE_ID: PRICES.premium,
    STRIPE_PRO_YEARLY_PRICE_ID: PRICES.proYearly,
    STRIPE_AI_CREDITS_PRICE_ID: PRICES.credits,
    STRIPE_API_BASE: fake.url,
    STRIPE_TIMEOUT_MS: '1500',
  };
}

/** Posts a signed event to the webhook endpoint, as Stripe does. */
export async function sendWebhook(
  t: TestApp,
  fake: StripeFake,
  type: string,
  object: Record<string, unknown>,
  options: { secret?: string; timestamp?: number; tamper?: (payload: string) => string } = {},
) {
  const event = fake.event(type, object);
  const payload = JSON.stringify(event);
  const signature = fake.sign(payload, options);
  const response = await t.inject({
    method: 'POST',
    url: '/v1/webhooks/stripe',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload: options.tamper ? options.tamper(payload) : payload,
  });
  return { response, eventId: event.id as string };
}

/** Waits until the worker processed the recorded event. */
export function processed(t: TestApp, eventId: string): Promise<true> {
  return eventually(async () => {
    const rows = await t
      .get(EntityManager)
      .fork()
      .execute<{ processed_at: Date | null }[]>(
        'select processed_at from billing_webhook_events where id = ?',
        [eventId],
      );
    return rows[0]?.processed_at ? true : undefined;
  });
}

/** Sends a signed event and waits until it is processed. */
export async function deliver(
  t: TestApp,
  fake: StripeFake,
  type: string,
  object: Record<string, unknown>,
): Promise<void> {
  const { response, eventId } = await sendWebhook(t, fake, type, object);
  if (response.statusCode !== 200) throw new Error(`webhook refused: ${response.body}`);
  await processed(t, eventId);
}

export async function sql<T>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return t.get(EntityManager).fork().execute<T[]>(query, params);
}

/** Billing emails sent to an address, by template. */
export async function billingMails(t: TestApp, email: string): Promise<string[]> {
  const rows = await sql<{ template: string }>(
    t,
    `select template from mail_messages where recipients @> ?::jsonb and template like 'billing-%' order by created_at`,
    [JSON.stringify([email])],
  );
  return rows.map((row) => row.template);
}
