import { randomUUID } from 'node:crypto';
import { StripeFake } from '@lib/testing';
import { registerBenchUser } from '../lib/accounts';
import type { Scenario } from '../scenario';

const PRO = 'price_bench_pro';
const PREMIUM = 'price_bench_premium';
const RATE = 200;
const fake = new StripeFake();

/**
 * Stripe webhooks at 200 events/s: each request is a new, correctly signed
 * `customer.subscription.updated` event (signed with the SDK's test helper),
 * acknowledged once recorded and queued, while a worker process beside the API
 * (as deployed: APP_ROLE=api + APP_ROLE=worker) processes every one (fetches the
 * subscription from a fake Stripe, upserts, settles the tier). Reports the
 * acknowledgement latency. Goal: ack p99 ≤ 20 ms.
 */
const stripeWebhook: Scenario = {
  name: 'stripe-webhook',
  description: `POST /v1/webhooks/stripe at ${RATE} signed events/s while a worker process processes each one (fake Stripe on loopback); goal ack p99 ≤ 20 ms.`,
  worker: true,
  load: { connections: 10 },
  async apiEnv() {
    const { url } = await fake.start([
      { id: PRO, unitAmount: 2999, currency: 'usd', interval: 'month' },
      { id: PREMIUM, unitAmount: 4999, currency: 'usd', interval: 'month' },
    ]);
    fake.unref();
    return {
      STRIPE_SECRET_KEY: fake.secretKey,
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_PRO_PRICE_ID: PRO,
      STRIPE_PREMIUM_PRICE_ID: PREMIUM,
      STRIPE_API_BASE: url,
    };
  },
  async prepare({ apiUrl }) {
    const token = await registerBenchUser(apiUrl);
    const userId = (
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
        sub: string;
      }
    ).sub;
    fake.customers.set('cus_bench', { id: 'cus_bench', object: 'customer', metadata: { userId } });
    const subscription = fake.createSubscription('cus_bench', PRO, { metadata: { userId } });
    return [
      {
        name: 'webhook',
        url: `${apiUrl}/v1/webhooks/stripe`,
        request: {
          method: 'POST',
          overallRate: RATE,
          requests: [
            {
              setupRequest: (request) => {
                const event = fake.event('customer.subscription.updated', subscription);
                event.id = `evt_bench_${randomUUID()}`;
                const body = JSON.stringify(event);
                return {
                  ...request,
                  method: 'POST',
                  body,
                  headers: {
                    'content-type': 'application/json',
                    'stripe-signature': fake.sign(body),
                  },
                };
              },
            },
          ],
        },
      },
    ];
  },
};

export default stripeWebhook;
