import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import {
  BillingRequestError,
  WebhookSignatureError,
  type BillingPort,
  type CreateCheckoutParams,
  type ProviderCheckoutSession,
  type ProviderCustomer,
  type ProviderEvent,
  type ProviderInvoice,
  type ProviderSubscription,
} from '../billing.port';

interface Stored {
  customers: ProviderCustomer;
  sessions: ProviderCheckoutSession & { priceId: string; quantity: number; successUrl: string };
  subscriptions: ProviderSubscription;
  invoices: ProviderInvoice;
}

const PERIOD_MS = 30 * 24 * 3600 * 1000;

/**
 * Billing without Stripe, for development and fresh installs (refused in
 * production). Objects live in Redis under `<prefix>:billing-local:`, so API and
 * worker processes see the same ones. Checkout URLs point at this API's own
 * confirmation page; confirming returns the events Stripe would send, which
 * the billing module feeds through the same webhook engine and processor.
 */
export class LocalBillingDriver implements BillingPort {
  readonly name = 'local' as const;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly apiUrl: string,
    private readonly amountOf: (priceId: string) => { cents: number; currency: string },
  ) {}

  async createCustomer(
    fields: { email: string; name: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<ProviderCustomer> {
    return this.once(idempotencyKey, async () => {
      const customer: ProviderCustomer = {
        id: newId('cus_local'),
        email: fields.email,
        metadata: fields.metadata,
      };
      await this.put('customers', customer.id, customer);
      return customer;
    });
  }

  async retrieveCustomer(id: string): Promise<ProviderCustomer> {
    return (await this.get('customers', id)) ?? { id, email: null, metadata: {}, deleted: true };
  }

  async deleteCustomer(id: string): Promise<void> {
    await this.redis.del(this.key('customers', id));
  }

  async createCheckoutSession(
    params: CreateCheckoutParams,
    idempotencyKey: string,
  ): Promise<ProviderCheckoutSession> {
    return this.once(idempotencyKey, async () => {
      const id = newId('cs_local');
      const { cents, currency } = this.amountOf(params.priceId);
      const session: Stored['sessions'] = {
        id,
        url: `${this.apiUrl}/v1/billing/local/checkout/${id}`,
        mode: params.mode,
        status: 'open',
        paymentStatus: 'unpaid',
        customerId: params.customerId,
        clientReferenceId: params.clientReferenceId,
        subscriptionId: null,
        amountTotal: cents * params.quantity,
        currency,
        metadata: params.metadata,
        priceId: params.priceId,
        quantity: params.quantity,
        successUrl: params.successUrl,
      };
      await this.put('sessions', id, session);
      return strip(session);
    });
  }

  async retrieveCheckoutSession(id: string): Promise<ProviderCheckoutSession> {
    return strip(await this.require('sessions', id));
  }

  /** The open session behind a local checkout page, with what it sells. */
  async describeCheckout(id: string): Promise<Stored['sessions'] | undefined> {
    return this.get('sessions', id);
  }

  /**
   * Pays an open session: completes it, creates the subscription (mode
   * subscription) and a paid invoice, and returns the events Stripe would send.
   * A session already completed returns no events.
   */
  async confirmCheckout(id: string, now = new Date()): Promise<ProviderEvent[]> {
    const session = await this.require('sessions', id);
    if (session.status !== 'open') return [];
    // Only one confirmation wins, even when the page is submitted twice at once.
    const won = await this.redis.set(this.key('confirmed', id), '1', 'NX');
    if (won !== 'OK') return [];
    const events: ProviderEvent[] = [];
    let subscription: ProviderSubscription | undefined;
    if (session.mode === 'subscription') {
      subscription = {
        id: newId('sub_local'),
        customerId: session.customerId!,
        status: 'active',
        priceId: session.priceId,
        quantity: session.quantity,
        currentPeriodEnd: new Date(now.getTime() + PERIOD_MS),
        cancelAtPeriodEnd: false,
        canceledAt: null,
        metadata: session.metadata,
      };
      await this.put('subscriptions', subscription.id, subscription);
      events.push(
        event(
          'customer.subscription.created',
          subscription.id,
          'subscription',
          now,
          subscription.id,
        ),
      );
    }
    const invoice = await this.addPaidInvoice({
      customerId: session.customerId!,
      subscriptionId: subscription?.id ?? null,
      priceId: session.priceId,
      quantity: session.quantity,
      periodStart: now,
      periodEnd: subscription?.currentPeriodEnd ?? now,
      created: now,
    });
    const completed: Stored['sessions'] = {
      ...session,
      status: 'complete',
      paymentStatus: 'paid',
      subscriptionId: subscription?.id ?? null,
    };
    await this.put('sessions', id, completed);
    events.unshift(event('checkout.session.completed', id, 'checkout.session', now));
    if (subscription)
      events.push(event('invoice.paid', invoice.id, 'invoice', now, subscription.id));
    return events;
  }

  createPortalSession(_customerId: string, returnUrl: string): Promise<{ url: string }> {
    // No hosted portal offline: plan changes go through cancel/resume and a new checkout.
    return Promise.resolve({ url: returnUrl });
  }

  /**
   * The subscription as Stripe would have it at `now`: a period that ended renews it (the
   * local card always pays: one paid invoice per period), or ends it when it was set to
   * cancel at period end. The first reader past a period end applies it (a Redis flag per
   * period end), so two processes reading at once do not bill a period twice.
   */
  async retrieveSubscription(id: string, now = new Date()): Promise<ProviderSubscription> {
    const subscription = await this.require('subscriptions', id);
    const end = subscription.currentPeriodEnd;
    if (!end || end > now || !['active', 'trialing'].includes(subscription.status)) {
      return subscription;
    }
    const settling = this.key('period-settled', `${id}:${end.getTime()}`);
    if ((await this.redis.set(settling, '1', 'EX', 24 * 3600, 'NX')) !== 'OK') {
      return subscription; // another reader is settling this period; the next read sees it
    }
    let settled: ProviderSubscription;
    if (subscription.cancelAtPeriodEnd) {
      settled = { ...subscription, status: 'canceled', canceledAt: end };
    } else {
      let periodEnd = end;
      while (periodEnd <= now) {
        const periodStart = periodEnd;
        periodEnd = new Date(periodStart.getTime() + PERIOD_MS);
        await this.addPaidInvoice({
          customerId: subscription.customerId,
          subscriptionId: id,
          priceId: subscription.priceId ?? '',
          quantity: subscription.quantity ?? 1,
          periodStart,
          periodEnd,
          created: periodStart,
        });
      }
      settled = { ...subscription, currentPeriodEnd: periodEnd };
    }
    await this.put('subscriptions', id, settled);
    return settled;
  }

  async setCancelAtPeriodEnd(
    id: string,
    cancelAtPeriodEnd: boolean,
  ): Promise<ProviderSubscription> {
    const subscription = await this.require('subscriptions', id);
    if (subscription.status === 'canceled') {
      throw new BillingRequestError('A canceled subscription cannot be updated', 400);
    }
    const updated = { ...subscription, cancelAtPeriodEnd };
    await this.put('subscriptions', id, updated);
    return updated;
  }

  /** Applies the new quantity at once (no proration offline). */
  async updateQuantity(id: string, quantity: number): Promise<ProviderSubscription> {
    const subscription = await this.require('subscriptions', id);
    if (subscription.status === 'canceled') {
      throw new BillingRequestError('A canceled subscription cannot be updated', 400);
    }
    const updated = { ...subscription, quantity };
    await this.put('subscriptions', id, updated);
    return updated;
  }

  async cancelSubscriptionNow(id: string): Promise<void> {
    const subscription = await this.get('subscriptions', id);
    if (!subscription || subscription.status === 'canceled') return;
    await this.put('subscriptions', id, {
      ...subscription,
      status: 'canceled',
      canceledAt: new Date(),
    });
  }

  async retrieveInvoice(id: string): Promise<ProviderInvoice> {
    return this.require('invoices', id);
  }

  async listInvoices(
    customerId: string,
    page: { limit: number; startingAfter?: string },
  ): Promise<{ data: ProviderInvoice[]; hasMore: boolean }> {
    const ids = (
      await this.redis.lrange(this.key('customer-invoices', customerId), 0, -1)
    ).reverse();
    const start = page.startingAfter ? ids.indexOf(page.startingAfter) + 1 : 0;
    const slice = ids.slice(start, start + page.limit);
    const data = (await Promise.all(slice.map((id) => this.get('invoices', id)))).filter(
      (invoice): invoice is ProviderInvoice => invoice !== undefined,
    );
    return { data, hasMore: start + page.limit < ids.length };
  }

  verifyWebhook(): ProviderEvent {
    throw new WebhookSignatureError('The local billing driver receives no webhooks');
  }

  private async addPaidInvoice(fields: {
    customerId: string;
    subscriptionId: string | null;
    priceId: string;
    quantity: number;
    periodStart: Date;
    periodEnd: Date;
    created: Date;
  }): Promise<ProviderInvoice> {
    const { cents, currency } = this.amountOf(fields.priceId);
    const invoice: ProviderInvoice = {
      id: newId('in_local'),
      number: `LOCAL-${randomBytes(5).toString('hex').toUpperCase()}`,
      customerId: fields.customerId,
      subscriptionId: fields.subscriptionId,
      status: 'paid',
      amountDue: cents * fields.quantity,
      amountPaid: cents * fields.quantity,
      currency,
      hostedInvoiceUrl: null,
      invoicePdf: null,
      periodStart: fields.periodStart,
      periodEnd: fields.periodEnd,
      created: fields.created,
    };
    await this.put('invoices', invoice.id, invoice);
    await this.redis.rpush(this.key('customer-invoices', fields.customerId), invoice.id);
    return invoice;
  }

  private key(kind: string, id: string): string {
    return `${this.prefix}:billing-local:${kind}:${id}`;
  }

  private async once<T>(idempotencyKey: string, create: () => Promise<T>): Promise<T> {
    const key = this.key('idempotency', idempotencyKey);
    const earlier = await this.redis.get(key);
    if (earlier) return JSON.parse(earlier, revive) as T;
    const created = await create();
    await this.redis.set(key, JSON.stringify(created), 'EX', 24 * 3600);
    return created;
  }

  private async put<K extends keyof Stored>(kind: K, id: string, value: Stored[K]): Promise<void> {
    await this.redis.set(this.key(kind, id), JSON.stringify(value));
  }

  private async get<K extends keyof Stored>(kind: K, id: string): Promise<Stored[K] | undefined> {
    const raw = await this.redis.get(this.key(kind, id));
    return raw ? (JSON.parse(raw, revive) as Stored[K]) : undefined;
  }

  private async require<K extends keyof Stored>(kind: K, id: string): Promise<Stored[K]> {
    const found = await this.get(kind, id);
    if (!found) throw new BillingRequestError(`No such ${kind}: ${id}`, 404, 'resource_missing');
    return found;
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
function revive(_key: string, value: unknown): unknown {
  return typeof value === 'string' && ISO.test(value) ? new Date(value) : value;
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

function strip(session: Stored['sessions']): ProviderCheckoutSession {
  const { priceId: _p, quantity: _q, successUrl: _s, ...rest } = session;
  return rest;
}

function event(
  type: string,
  objectId: string,
  objectType: string,
  at: Date,
  subscriptionId: string | null = null,
): ProviderEvent {
  return {
    id: newId('evt_local'),
    type,
    created: at,
    objectId,
    objectType,
    subscriptionId,
    object: { id: objectId, object: objectType },
  };
}
