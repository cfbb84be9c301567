import { EntityManager } from '@mikro-orm/postgresql';
import { StripeFake, TestApp } from '@lib/testing';
import { BillingSync } from '../src/modules/billing';
import { createUser } from './support/accounts';
import { PRICES, stripeEnv, stripeFakePrices } from './support/stripe';

type Json = Record<string, unknown>;

const RUNS = Number(process.env.BILLING_PROPERTY_RUNS ?? 1000);
const LANES = Number(process.env.BILLING_PROPERTY_LANES ?? 6);
const SEED = Number(process.env.BILLING_PROPERTY_SEED ?? 20261202);
const EMAIL_OF_KIND: Record<string, string> = {
  confirmed: 'billing-confirmed',
  cancel_scheduled: 'billing-cancelled',
  payment_failed: 'billing-payment-failed',
  grace_ended: 'billing-grace-ended',
  ended: 'billing-ended',
};

/** A small seeded PRNG (mulberry32): a failing run is reproduced with its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  return { next, int, pick, shuffle };
}

interface HistoryEvent {
  id: string;
  type: string;
  /** Index of the snapshot that is Stripe's state once this event was sent. */
  at: number;
}

describe('billing processor: any order, any repeats, concurrent deliveries (property)', () => {
  const fake = new StripeFake();
  let t: TestApp;
  let sync: BillingSync;
  let em: EntityManager;

  beforeAll(async () => {
    await fake.start(stripeFakePrices());
    t = await TestApp.create({ role: 'api', env: stripeEnv(fake) });
    sync = t.get(BillingSync);
    em = t.get(EntityManager);
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  }, 60_000);

  const sql = <T>(query: string, params: unknown[] = []) => em.fork().execute<T[]>(query, params);

  /** A subscription's history in Stripe: snapshots and the events Stripe sent for each. */
  function history(random: ReturnType<typeof prng>, customer: string, userId: string) {
    const first = fake.createSubscription(customer, random.pick([PRICES.pro, PRICES.premium]), {
      status: random.pick(['active', 'active', 'trialing', 'incomplete']),
      metadata: { userId },
    });
    const id = first.id as string;
    const snapshots: Json[] = [first];
    const events: HistoryEvent[] = [
      { id: `evt_${id}_0`, type: 'customer.subscription.created', at: 0 },
    ];
    const steps = random.int(2, 4);
    for (let step = 1; step <= steps; step += 1) {
      const last = step === steps && random.next() < 0.4;
      const change = last
        ? { status: 'canceled' }
        : random.pick([
            { status: 'active' },
            { status: 'past_due' },
            { status: 'unpaid' },
            { cancelAtPeriodEnd: true },
            { cancelAtPeriodEnd: false },
            { priceId: PRICES.premium },
            { priceId: PRICES.pro },
            { periodEnd: Math.floor(Date.now() / 1000) + step * 40 * 24 * 3600 },
          ]);
      snapshots.push(fake.updateSubscription(id, change));
      events.push({
        id: `evt_${id}_${step}`,
        type: last ? 'customer.subscription.deleted' : 'customer.subscription.updated',
        at: step,
      });
    }
    fake.setSubscription(snapshots[0]);
    return { id, snapshots, events };
  }

  /** Waits until the fake received a fetch of the subscription after request number `seen`. */
  async function eventuallyFetched(id: string, seen: number): Promise<void> {
    for (let waited = 0; waited < 5000; waited += 1) {
      if (fake.requests.slice(seen).some((r) => r.method === 'GET' && r.path.endsWith(id))) return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error('the slow fetch never arrived');
  }

  async function deliver(event: HistoryEvent, subscriptionId: string): Promise<void> {
    await sql(
      `insert into billing_webhook_events (id, type, object_id, source, created_at, received_at)
       values (?, ?, ?, 'stripe', now(), now()) on conflict do nothing`,
      [event.id, event.type, subscriptionId],
    );
    await sync.processEvent(event.id);
  }

  /** One ordering: deliveries shuffled, some twice, in concurrent batches, while Stripe's state moves on. */
  async function run(lane: { userId: string; email: string; customer: string }, seed: number) {
    const random = prng(seed);
    await sql('delete from billing_transitions where user_id = ?', [lane.userId]);
    await sql('delete from billing_subscriptions where user_id = ?', [lane.userId]);
    await sql('delete from mail_messages where recipients @> ?::jsonb', [
      JSON.stringify([lane.email]),
    ]);
    await sql(`update users set tier = 'free' where id = ?`, [lane.userId]);

    const { id, snapshots, events } = history(random, lane.customer, lane.userId);
    const last = events.length - 1;
    // Everything but the last event, some twice, shuffled; Stripe's state moves up to the one before last.
    const deliveries = events.slice(0, last);
    for (let i = random.int(0, 2); i > 0; i -= 1)
      deliveries.push(random.pick(events.slice(0, last)));
    random.shuffle(deliveries);

    let emitted = 0;
    const emit = (upTo: number) => {
      if (upTo <= emitted) return;
      emitted = upTo;
      fake.setSubscription(snapshots[emitted]);
    };
    while (deliveries.length > 0) {
      const batch = deliveries.splice(0, random.int(1, 3));
      const running: Promise<void>[] = [];
      for (const event of batch) {
        // An event is delivered after it was sent; Stripe may have moved on since.
        emit(random.next() < 0.3 ? random.int(event.at, last - 1) : event.at);
        if (random.next() < 0.2) fake.delayNext(random.int(1, 8), 1, id);
        running.push(deliver(event, id));
        if (random.next() < 0.5)
          await new Promise((resolve) => setTimeout(resolve, random.int(0, 2)));
      }
      await Promise.all(running);
    }

    // The last event races a slow delivery: that one's fetch reads the state before last and
    // answers late, after the last event's fetch (of the latest state) was applied.
    emit(last - 1);
    const slow = { id: `evt_${id}_slow`, type: 'customer.subscription.updated', at: last - 1 };
    const seen = fake.requests.length;
    fake.delayNext(40, 1, id);
    const slowDelivery = deliver(slow, id);
    await eventuallyFetched(id, seen);
    emit(last);
    await Promise.all([slowDelivery, deliver(events[last], id)]);

    const latest = snapshots.at(-1)!;
    const item = (latest.items as { data: Json[] }).data[0];
    const [row] = await sql<{
      status: string;
      cancel_at_period_end: boolean;
      price_id: string;
      period_end: string;
      plan: string;
    }>(
      `select status, cancel_at_period_end, price_id, extract(epoch from current_period_end)::bigint::text as period_end, plan
       from billing_subscriptions where id = ?`,
      [id],
    );
    const context = `seed ${seed}: ${events.map((e) => e.type).join(', ')}`;
    expect({ context, row }).toEqual({
      context,
      row: {
        status: latest.status,
        cancel_at_period_end: latest.cancel_at_period_end,
        price_id: (item.price as Json).id,
        period_end: String(item.current_period_end),
        plan: (item.price as Json).id === PRICES.pro ? 'pro' : 'premium',
      },
    });
    const paid = ['active', 'trialing', 'past_due'].includes(latest.status as string);
    const [user] = await sql<{ tier: string }>('select tier from users where id = ?', [
      lane.userId,
    ]);
    expect({ context, tier: user.tier }).toEqual({ context, tier: paid ? row.plan : 'free' });

    const transitions = await sql<{ kind: string }>(
      'select kind from billing_transitions where user_id = ? order by kind',
      [lane.userId],
    );
    const mails = await sql<{ template: string }>(
      'select template from mail_messages where recipients @> ?::jsonb order by template',
      [JSON.stringify([lane.email])],
    );
    const expected = transitions.map((tr) => EMAIL_OF_KIND[tr.kind]).sort();
    expect({ context, mails: mails.map((m) => m.template) }).toEqual({ context, mails: expected });
    if (latest.status === 'canceled') {
      expect(mails.filter((m) => m.template === 'billing-ended')).toHaveLength(1);
    }
  }

  it(`${RUNS} random orderings end in the state of the latest Stripe object, with one email per transition`, async () => {
    const lanes = [];
    for (let lane = 0; lane < LANES; lane += 1) {
      const email = `lane${lane}@example.test`;
      const userId = await createUser(t, { email, password: 'a-long-password-for-tests' });
      const customer = `cus_lane_${lane}`;
      fake.customers.set(customer, { id: customer, object: 'customer', metadata: { userId } });
      await sql(
        `insert into billing_customers (user_id, customer_id, driver, created_at) values (?, ?, 'stripe', now())`,
        [userId, customer],
      );
      lanes.push({ userId, email, customer });
    }
    for (let start = 0; start < RUNS; start += LANES) {
      await Promise.all(
        lanes.map((lane, i) =>
          start + i < RUNS ? run(lane, SEED + start + i) : Promise.resolve(),
        ),
      );
    }
  }, 900_000);
});
