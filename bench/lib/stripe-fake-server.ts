/**
 * The fake Stripe of the `stripe-webhook` scenario, in its own process: Stripe is remote, so
 * the worker's fetches must not be served from the load generator's event loop, where they
 * would delay the acknowledgements it times. Forked by the scenario (`startForked`); reports
 * `{ port }` over IPC, then answers each `{ id, prices }` (adds prices) or
 * `{ id, subscriptions: { price, userIds } }` (a customer, an active subscription and its paid
 * invoice per user; the result lists `{ subscription, invoice }`) with `{ id, result }`.
 */
import { StripeFake, type FakePrice } from '@lib/testing';

type Request =
  | { id: number; prices: FakePrice[] }
  | { id: number; subscriptions: { price: string; userIds: string[] } };

const fake = new StripeFake();

process.on('message', (message: Request) => {
  let result: unknown = null;
  if ('prices' in message) {
    for (const price of message.prices) fake.addPrice(price);
  } else {
    const { price, userIds } = message.subscriptions;
    result = userIds.map((userId, i) => {
      const customer = `cus_bench_${i}`;
      fake.customers.set(customer, { id: customer, object: 'customer', metadata: { userId } });
      const subscription = fake.createSubscription(customer, price, { metadata: { userId } });
      return { subscription, invoice: fake.createInvoice(subscription.id as string, 'paid') };
    });
  }
  process.send?.({ id: message.id, result });
});

void fake.start().then(({ url }) => process.send?.({ port: Number(new URL(url).port) }));

const stop = (): void => {
  void fake.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
