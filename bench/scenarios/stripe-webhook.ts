import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { StripeFake } from '@lib/testing';
import { registerBenchUser } from '../lib/accounts';
import { startForked, type ManagedChild } from '../lib/processes';
import type { Scenario } from '../scenario';

const PRO = 'price_bench_pro';
const PREMIUM = 'price_bench_premium';
const RATE = 200;
/** Builds and signs events here; the fake Stripe the API calls runs in its own process. */
const signer = new StripeFake();

/** The forked fake Stripe and a request/answer exchange with it over IPC. */
class RemoteStripe {
  private next = 0;

  constructor(readonly child: ManagedChild) {}

  ask<T>(message: Record<string, unknown>): Promise<T> {
    const id = (this.next += 1);
    return new Promise((resolve) => {
      const onMessage = (answer: { id?: number; result: T }) => {
        if (answer.id !== id) return;
        this.child.process.off('message', onMessage);
        resolve(answer.result);
      };
      this.child.process.on('message', onMessage);
      this.child.process.send({ id, ...message });
    });
  }
}

let stripe: RemoteStripe | undefined;
let loadStartedAt: Date | undefined;

const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/career_tools_bench';

/**
 * Waits (up to a minute) until the worker has processed every event this run recorded and
 * prints how long after the load that was: the acknowledgement latency is only worth having
 * if processing keeps up.
 */
async function reportProcessing(since: Date): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const loadEnded = Date.now();
    for (;;) {
      const { rows } = await client.query<{ recorded: string; pending: string }>(
        `select count(*) as recorded, count(*) filter (where processed_at is null) as pending
           from billing_webhook_events where received_at >= $1`,
        [since],
      );
      const waited = ((Date.now() - loadEnded) / 1000).toFixed(1);
      if (rows[0].pending === '0' || Date.now() - loadEnded > 60_000) {
        process.stdout.write(
          `[bench] processing: ${rows[0].recorded} events recorded, ${rows[0].pending} unprocessed ${waited} s after the load\n`,
        );
        return;
      }
      await sleep(200);
    }
  } finally {
    await client.end();
  }
}

/**
 * Stripe webhooks at 200 events/s: each request is a new, correctly signed
 * `customer.subscription.updated` event (signed with the SDK's test helper),
 * acknowledged once recorded and queued, while a worker process beside the API
 * (as deployed: APP_ROLE=api + APP_ROLE=worker) processes every one (fetches the
 * subscription from a fake Stripe in a process of its own, upserts, settles the
 * tier). The worker runs at nice 10: deployed, it has its own host or CPU quota, and on
 * these two shared cores an equal share would make the acknowledgements wait for processing
 * that is meant to run behind them. Reports the acknowledgement latency and, after the load,
 * whether processing kept up. Goal: ack p99 ≤ 20 ms.
 */
const stripeWebhook: Scenario = {
  name: 'stripe-webhook',
  analysis:
    "Goal missed: ack p99 48 ms (p50 6.9 ms, p90 17 ms) at a steady 200 events/s with every event processed as it came (none left when the load stopped). These are the first honest figures. Earlier runs timed autocannon's rate mode, which sends each second's 200 requests in a burst (a bare node:http server shows p99 ~28 ms that way), while ~4,300 jobs left by earlier runs were retrying against missing fakes; both are fixed in the harness. Costs per event: 2.6 ms of API CPU (the signature check, one durable insert, one Bull add) and 3.8 ms of worker CPU (Bull, fetch, one transaction). The worker runs at nice 10, but its PostgreSQL backends and Redis do not, so at 200/s the two cores are close to saturation: the load generator itself was more than 2 ms late for 6.5 % of its sends. The tail is CPU contention, not disk: with synchronous_commit off everywhere, p99 did not improve. Without a worker, p99 was still 47–99 ms while p50 fell to 3–4 ms, so the tail comes from sharing two cores. Coalescing (one fetch covers a subscription's earlier-received events) only helps when processing lags, and here it keeps up. Next: a scenario whose events are spread over many subscriptions in renewal bursts, a short debounce so each burst costs one fetch, a leaner sync (fewer ORM round trips), and a run with the load generator on another machine. \"Other CPU\" includes the worker and the fake Stripe process.",
  description: `POST /v1/webhooks/stripe at ${RATE} signed events/s while a worker process processes each one (fake Stripe in its own process on loopback); goal ack p99 ≤ 20 ms.`,
  worker: true,
  load: { connections: 10 },
  async apiEnv() {
    const { child, url } = await startForked(
      join(__dirname, '..', '..'),
      join('bench', 'lib', 'stripe-fake-server.ts'),
      'stripe-fake',
    );
    stripe = new RemoteStripe(child);
    await stripe.ask({
      prices: [
        { id: PRO, unitAmount: 2999, currency: 'usd', interval: 'month' },
        { id: PREMIUM, unitAmount: 4999, currency: 'usd', interval: 'month' },
      ],
    });
    return {
      STRIPE_SECRET_KEY: signer.secretKey,
      STRIPE_WEBHOOK_SECRET: signer.webhookSecret,
      STRIPE_PRO_PRICE_ID: PRO,
      STRIPE_PREMIUM_PRICE_ID: PREMIUM,
      STRIPE_API_BASE: url,
    };
  },
  workerNice: 10,
  async finish() {
    if (loadStartedAt) await reportProcessing(loadStartedAt);
    await stripe?.child.stop();
  },
  async prepare({ apiUrl }) {
    const token = await registerBenchUser(apiUrl);
    const userId = (
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
        sub: string;
      }
    ).sub;
    loadStartedAt = new Date();
    const subscription = await stripe!.ask<Record<string, unknown>>({
      subscription: { customer: 'cus_bench', price: PRO, userId },
    });
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
                const event = signer.event('customer.subscription.updated', subscription);
                event.id = `evt_bench_${randomUUID()}`;
                const body = JSON.stringify(event);
                return {
                  ...request,
                  method: 'POST',
                  body,
                  headers: {
                    'content-type': 'application/json',
                    'stripe-signature': signer.sign(body),
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
