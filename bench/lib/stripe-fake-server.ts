/**
 * The fake Stripe of the `stripe-webhook` scenario, in its own process: Stripe is remote, so
 * the worker's fetches must not be served from the load generator's event loop, where they
 * would delay the acknowledgements it times. Forked by the scenario (`startForked`); reports
 * `{ port }` over IPC, then answers each `{ id, prices }` (adds prices) or
 * `{ id, subscription: { customer, price, userId } }` (creates a customer and an active
 * subscription) with `{ id, result }`.
 */
import { StripeFake, type FakePrice } from '@lib/testing';

type Request =
  | { id: number; prices: FakePrice[] }
  | { id: number; subscription: { customer: string; price: string; userId: string } };

const fake = new StripeFake();

process.on('message', (message: Request) => {
  let result: unknown = null;
  if ('prices' in message) {
    for (const price of message.prices) fake.addPrice(price);
  } else {
    const { customer, price, userId } = message.subscription;
    fake.customers.set(customer, { id: customer, object: 'customer', metadata: { userId } });
    result = fake.createSubscription(customer, price, { metadata: { userId } });
  }
  process.send?.({ id: message.id, result });
});

void fake.start().then(({ url }) => process.send?.({ port: Number(new URL(url).port) }));

const stop = (): void => {
  void fake.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
