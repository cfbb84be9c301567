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
  'Goal not met in the representative target. Over five quiet runs of this version, ack p99 was ' +
  '23-62 ms for `renewals` (p50 3.6-5.9 ms) and 16-28 ms for `one-subscription` (p50 2.7-3.3 ms); ' +
  'the table is the last run. What changed since the 48 ms of commit ac2bda7 (one subscription ' +
  'only): event types nothing acts on (invoice.created, invoice.finalized, ...) are recorded as ' +
  'processed with no job; an event whose processing syncs a subscription names it ' +
  '(`subscription_id`, from the signed payload) and its job waits ' +
  'BILLING_SUBSCRIPTION_SYNC_DELAY_MS (250 ms), so the first sync of a burst marks the others ' +
  "processed; and a subscription's jobs take turns in the worker instead of fetching it at the " +
  'same time. Worker CPU per event fell from 3.8 ms to ~1.5 ms for one subscription; a renewal ' +
  '(five events) costs one invoice fetch, one subscription fetch and one transaction, ~3.5 ms of ' +
  'worker CPU per event, mostly the event store, its handlers and PostgreSQL round trips. Without a ' +
  'worker the acknowledgement alone is p50 3.0 ms, p99 11 ms at ~2 ms of API CPU each, half of it ' +
  'in socket writes (one insert, one Bull add, the answer): on this VM each loopback write to ' +
  'another process costs ~0.3 ms. The tail is the two cores shared by the API, the worker, ' +
  'PostgreSQL, Redis, the fake Stripe and the load generator (late for 1-7 % of its sends). Next: ' +
  'acknowledge with the insert alone (the worker learns of events from PostgreSQL, LISTEN/NOTIFY, ' +
  'and claims them in batches instead of one Bull job each), and run the worker on its own CPU.';

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
    if (loadStartedAt) await reportProcessing(loadStartedAt);
    await stripe?.child.stop();
  },
  async prepare({ apiUrl }) {
    const userIds: string[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      userIds.push(userIdOf(await registerBenchUser(apiUrl, `10.77.${i >> 8}.${i & 255}`)));
    }
    const subscribers = await stripe!.ask<Subscriber[]>({
      subscriptions: { price: PRO, userIds },
    });
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
