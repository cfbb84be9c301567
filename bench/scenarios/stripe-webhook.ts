import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { StripeFake } from '@lib/testing';
import { registerBenchUser, userIdOf } from '../lib/accounts';
import { startForked, type ManagedChild } from '../lib/processes';
import type autocannon from 'autocannon';
import type { Scenario, Target } from '../scenario';

const PRO = 'price_bench_pro';
const PREMIUM = 'price_bench_premium';
const RATE = 200;
/** Subscribers whose renewals make up the load, each with a subscription and its invoice. */
const SUBSCRIBERS = 100;
/**
 * What Stripe sends when a subscription renews and its invoice is paid, one burst per renewal
 * (payment_intent.* and charge.* would come too when the endpoint subscribes to them).
 */
const RENEWAL = [
  ['invoice.created', 'invoice'],
  ['invoice.finalized', 'invoice'],
  ['invoice.paid', 'invoice'],
  ['invoice.payment_succeeded', 'invoice'],
  ['customer.subscription.updated', 'subscription'],
] as const;

type Json = Record<string, unknown>;
interface Subscriber {
  subscription: Json;
  invoice: Json;
}
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
 * Marks events left unprocessed by earlier runs processed: their subscriptions lived in an
 * earlier fake Stripe, and the worker's feed would otherwise retry them during this run.
 */
async function settleEarlierRuns(): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      'update billing_webhook_events set processed_at = now() where processed_at is null',
    );
  } finally {
    await client.end();
  }
}

/**
 * Waits (up to a minute) until the worker has processed every event recorded since `since` and
 * prints how long that took after `what`.
 */
async function waitForProcessing(since: Date, what: string): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const started = Date.now();
    for (;;) {
      const { rows } = await client.query<{ recorded: string; pending: string }>(
        `select count(*) as recorded, count(*) filter (where processed_at is null) as pending
           from billing_webhook_events where received_at >= $1`,
        [since],
      );
      const waited = ((Date.now() - started) / 1000).toFixed(1);
      if (rows[0].pending === '0' || Date.now() - started > 60_000) {
        process.stdout.write(
          `[bench] processing: ${rows[0].recorded} events recorded, ${rows[0].pending} unprocessed ${waited} s after ${what}\n`,
        );
        return;
      }
      await sleep(200);
    }
  } finally {
    await client.end();
  }
}

/** Sends one signed event to the API outside the measured load. */
async function post(apiUrl: string, type: string, object: Json): Promise<void> {
  const request = signedEvents(() => [type, object])({});
  const response = await fetch(`${apiUrl}/v1/webhooks/stripe`, {
    method: 'POST',
    headers: request.headers as Record<string, string>,
    body: request.body as string,
  });
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
}

/** A signed webhook request for each call: `next()` says which event it carries. */
function signedEvents(
  next: () => [type: string, object: Json],
): (request: autocannon.Request) => autocannon.Request {
  return (request) => {
    const [type, object] = next();
    const event = signer.event(type, object);
    event.id = `evt_bench_${randomUUID()}`;
    const body = JSON.stringify(event);
    return {
      ...request,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'stripe-signature': signer.sign(body) },
    };
  };
}

/** Renewal bursts, subscriber after subscriber, round and round. */
function renewals(subscribers: Subscriber[]): () => [string, Json] {
  let sent = 0;
  return () => {
    const subscriber = subscribers[Math.floor(sent / RENEWAL.length) % subscribers.length];
    const [type, object] = RENEWAL[sent % RENEWAL.length];
    sent += 1;
    return [type, subscriber[object]];
  };
}

/**
 * Stripe webhooks at 200 events/s, each request a new, correctly signed event (signed with the
 * SDK's test helper), acknowledged once recorded and queued, while a worker process beside the
 * API (as deployed: APP_ROLE=api + APP_ROLE=worker) processes every one (fetches from a fake
 * Stripe in a process of its own, upserts, settles the tier). `renewals`: 40 renewals a second
 * over 100 subscribers, five events each (invoice created, finalized, paid, payment succeeded,
 * subscription updated). `one-subscription`: 200 updates a second of a single subscription.
 * The worker runs at nice 10: deployed, it has its own host or CPU quota, and on these two
 * shared cores an equal share would make the acknowledgements wait for processing that is meant
 * to run behind them. Reports the acknowledgement latency and, after the load, whether
 * processing kept up. Goal: ack p99 ≤ 20 ms.
 */
const ANALYSIS =
  'Goal met in two runs of three, so not yet. Ack p99 over three quiet runs of this version: ' +
  '`renewals` 18.8, 20.5 and 88.8 ms (p50 3.3-4.8 ms), `one-subscription` 21.5, 10.9 and 19.6 ms ' +
  '(p50 2.5-3.5 ms); the table is the third run, whose renewals p99 came from one stall of about ' +
  '100 ms (the load generator was late for 8 % of its sends then). What changed since the 48 ms ' +
  'of commit ac2bda7: the acknowledgement only records the event (one insert; no Bull add), and ' +
  "the worker's feed (`BillingEventFeed`, every 100 ms) queues the jobs, one per subscription per " +
  'pass, delayed 250 ms (BILLING_SUBSCRIPTION_SYNC_DELAY_MS) from the first receipt, so the sync ' +
  'covers a whole burst; event types nothing acts on get no job; invoice events name their ' +
  'subscription in the signed payload, so the invoice is not fetched. Worker CPU per event: ' +
  '~0.7-0.9 ms for one subscription (was 3.8 ms), ~2.3-3.1 ms for renewals, where each ' +
  'renewal costs one subscription fetch and one transaction of ~10 statements. API CPU per ' +
  'acknowledgement stays ~1.7-2 ms, about half of it socket writes: on this VM a loopback write ' +
  'to another process costs ~0.3 ms. The tail is the two cores shared by the API, the worker, ' +
  'PostgreSQL, Redis, the fake Stripe and the load generator. Before the load, each ' +
  'subscription starts once (its confirmation), so the load is renewals, as it mostly is. Next: ' +
  'a leaner renewal transaction (lock the user and the subscription with plain statements, load ' +
  'the user entity only when a transition mails), and a run with the worker on its own CPU.';

const stripeWebhook: Scenario = {
  name: 'stripe-webhook',
  analysis: ANALYSIS,
  description: `POST /v1/webhooks/stripe at ${RATE} signed events/s (renewal bursts over ${SUBSCRIBERS} subscriptions; then updates of one subscription) while a worker process processes each one (fake Stripe in its own process on loopback); goal ack p99 ≤ 20 ms.`,
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
      // Many sign-ups in prepare: each from its own address, at a cheap hash cost.
      TRUST_PROXY: 'true',
      BCRYPT_COST: '4',
    };
  },
  workerNice: 10,
  async finish() {
    if (loadStartedAt) await waitForProcessing(loadStartedAt, 'the load');
    await stripe?.child.stop();
  },
  async prepare({ apiUrl }) {
    await settleEarlierRuns();
    const userIds: string[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      userIds.push(userIdOf(await registerBenchUser(apiUrl, `10.77.${i >> 8}.${i & 255}`)));
    }
    const subscribers = await stripe!.ask<Subscriber[]>({
      subscriptions: { price: PRO, userIds },
    });
    // Each subscription starts once before the load (confirmation email, tier change), so the
    // load is renewals of existing subscriptions, as it is most of the time.
    const started = new Date();
    for (const { subscription } of subscribers) {
      await post(apiUrl, 'customer.subscription.created', subscription);
    }
    await waitForProcessing(started, 'the subscriptions started');
    loadStartedAt = new Date();
    const target = (name: string, next: () => [string, Json]): Target => ({
      name,
      url: `${apiUrl}/v1/webhooks/stripe`,
      request: {
        method: 'POST',
        overallRate: RATE,
        requests: [{ setupRequest: signedEvents(next) }],
      },
    });
    const [first] = subscribers;
    return [
      target('renewals', renewals(subscribers)),
      target('one-subscription', () => ['customer.subscription.updated', first.subscription]),
    ];
  },
};

export default stripeWebhook;
