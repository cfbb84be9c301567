import { StripeFake, TestApp } from '@lib/testing';
import { call, createUser, signIn, type Session } from './support/accounts';
import { deliver, stripeEnv, stripeFakePrices } from './support/stripe';

const PASSWORD = 'a-long-password-for-tests';

describe('team seats with Stripe (the real SDK against a fake Stripe)', () => {
  const fake = new StripeFake();
  let t: TestApp;

  beforeAll(async () => {
    await fake.start(stripeFakePrices());
    t = await TestApp.create({ env: stripeEnv(fake) });
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  async function premiumOwner(): Promise<{ session: Session; subscriptionId: string }> {
    await createUser(t, { email: 'owner@seats.test', password: PASSWORD });
    let session = await signIn(t, 'owner@seats.test', PASSWORD);
    const checkout = await call(t, 'POST', '/v1/billing/checkout', session.authorization, {
      plan: 'premium',
    });
    expect(checkout.statusCode).toBe(201);
    const { session: completed, subscription } = fake.completeCheckout(
      checkout.json<{ sessionId: string }>().sessionId,
    );
    await deliver(t, fake, 'checkout.session.completed', completed);
    await deliver(t, fake, 'customer.subscription.created', subscription!);
    session = await signIn(t, 'owner@seats.test', PASSWORD);
    return { session, subscriptionId: subscription!.id as string };
  }

  it('PATCH seats updates the subscription item’s quantity; a portal change arrives by webhook', async () => {
    const { session, subscriptionId } = await premiumOwner();
    const created = await call(t, 'POST', '/v1/teams', session.authorization, { name: 'Paid' });
    expect(created.statusCode).toBe(201);
    const teamId = created.json<{ id: string }>().id;
    const team = () => call(t, 'GET', `/v1/teams/${teamId}`, session.authorization);
    expect((await team()).json()).toMatchObject({ seats: 1 });

    const changed = await call(t, 'PATCH', `/v1/teams/${teamId}/seats`, session.authorization, {
      seats: 4,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ seats: 4 });
    const update = fake.requests.find(
      (r) => r.method === 'POST' && r.path === `/v1/subscriptions/${subscriptionId}`,
    );
    expect(update?.body).toMatchObject({
      items: { '0': { quantity: '4' } },
      proration_behavior: 'create_prorations',
    });
    expect(update?.idempotencyKey).toMatch(/^seats:/);
    const stored = fake.subscriptions.get(subscriptionId) as {
      items: { data: { quantity: number }[] };
    };
    expect(stored.items.data[0].quantity).toBe(4);

    // Seats changed in the Stripe portal: the webhook's fetched subscription carries the quantity.
    const updated = fake.updateSubscription(subscriptionId, { quantity: 2 });
    await deliver(t, fake, 'customer.subscription.updated', updated);
    expect((await team()).json()).toMatchObject({ seats: 2 });
  });
});
