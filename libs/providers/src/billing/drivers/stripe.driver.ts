import type Stripe from 'stripe';
import {
  BillingRequestError,
  BillingUnavailableError,
  WebhookSignatureError,
  type BillingPort,
  type CreateCheckoutParams,
  type ProviderCheckoutSession,
  type ProviderCustomer,
  type ProviderEvent,
  type ProviderInvoice,
  type ProviderSubscription,
  type SubscriptionStatus,
} from '../billing.port';

export interface StripeDriverOptions {
  secretKey: string;
  webhookSecret: string;
  /** A Stripe-compatible server (tests); unset = api.stripe.com. */
  apiBase?: string;
  timeoutMs: number;
  toleranceSeconds: number;
  /** The SDK's own retries (same idempotency key) before an error reaches us. */
  maxNetworkRetries?: number;
}

let sdk: typeof Stripe | undefined;

/** The SDK (about 16 MiB), loaded when a Stripe driver is made rather than at every boot. */
function stripeSdk(): typeof Stripe {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred until first use
  return (sdk ??= require('stripe') as typeof Stripe);
}

/** The real `stripe` SDK. Every create carries an idempotency key; errors become ours. */
export class StripeBillingDriver implements BillingPort {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeDriverOptions) {
    const base = options.apiBase ? new URL(options.apiBase) : undefined;
    this.stripe = new (stripeSdk())(options.secretKey, {
      timeout: options.timeoutMs,
      maxNetworkRetries: options.maxNetworkRetries ?? 1,
      telemetry: false,
      ...(base
        ? {
            host: base.hostname,
            port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)),
            protocol: base.protocol === 'https:' ? 'https' : 'http',
          }
        : {}),
    });
  }

  createCustomer(
    fields: { email: string; name: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<ProviderCustomer> {
    return call(async () =>
      customerOf(await this.stripe.customers.create(fields, { idempotencyKey })),
    );
  }

  retrieveCustomer(id: string): Promise<ProviderCustomer> {
    return call(async () => {
      const customer = await this.stripe.customers.retrieve(id);
      if (customer.deleted) return { id: customer.id, email: null, metadata: {}, deleted: true };
      return customerOf(customer);
    });
  }

  deleteCustomer(id: string): Promise<void> {
    return call(async () => {
      try {
        await this.stripe.customers.del(id);
      } catch (error) {
        if (error instanceof stripeSdk().errors.StripeError && error.statusCode === 404) return;
        throw error;
      }
    });
  }

  createCheckoutSession(
    params: CreateCheckoutParams,
    idempotencyKey: string,
  ): Promise<ProviderCheckoutSession> {
    return call(async () =>
      sessionOf(
        await this.stripe.checkout.sessions.create(
          {
            mode: params.mode,
            customer: params.customerId,
            line_items: [{ price: params.priceId, quantity: params.quantity }],
            success_url: params.successUrl,
            cancel_url: params.cancelUrl,
            client_reference_id: params.clientReferenceId,
            metadata: params.metadata,
            ...(params.mode === 'subscription'
              ? { subscription_data: { metadata: params.metadata } }
              : {}),
          },
          { idempotencyKey },
        ),
      ),
    );
  }

  retrieveCheckoutSession(id: string): Promise<ProviderCheckoutSession> {
    return call(async () => sessionOf(await this.stripe.checkout.sessions.retrieve(id)));
  }

  createPortalSession(customerId: string, returnUrl: string): Promise<{ url: string }> {
    return call(async () => {
      const session = await this.stripe.billingPortal.sessions.create({
        customer: customerId,
        return_url: returnUrl,
      });
      return { url: session.url };
    });
  }

  retrieveSubscription(id: string): Promise<ProviderSubscription> {
    return call(async () => subscriptionOf(await this.stripe.subscriptions.retrieve(id)));
  }

  setCancelAtPeriodEnd(
    id: string,
    cancelAtPeriodEnd: boolean,
    idempotencyKey: string,
  ): Promise<ProviderSubscription> {
    return call(async () =>
      subscriptionOf(
        await this.stripe.subscriptions.update(
          id,
          { cancel_at_period_end: cancelAtPeriodEnd },
          { idempotencyKey },
        ),
      ),
    );
  }

  updateQuantity(
    id: string,
    quantity: number,
    idempotencyKey: string,
  ): Promise<ProviderSubscription> {
    return call(async () => {
      const current = await this.stripe.subscriptions.retrieve(id);
      const item = current.items.data[0];
      if (!item) throw new BillingRequestError(`Subscription ${id} has no item`, 400);
      return subscriptionOf(
        await this.stripe.subscriptions.update(
          id,
          { items: [{ id: item.id, quantity }], proration_behavior: 'create_prorations' },
          { idempotencyKey },
        ),
      );
    });
  }

  cancelSubscriptionNow(id: string): Promise<void> {
    return call(async () => {
      try {
        await this.stripe.subscriptions.cancel(id);
      } catch (error) {
        // Already canceled (or gone): erasure wanted exactly that.
        if (
          error instanceof stripeSdk().errors.StripeError &&
          [400, 404].includes(error.statusCode ?? 0)
        )
          return;
        throw error;
      }
    });
  }

  retrieveInvoice(id: string): Promise<ProviderInvoice> {
    return call(async () => invoiceOf(await this.stripe.invoices.retrieve(id)));
  }

  listInvoices(
    customerId: string,
    page: { limit: number; startingAfter?: string },
  ): Promise<{ data: ProviderInvoice[]; hasMore: boolean }> {
    return call(async () => {
      const list = await this.stripe.invoices.list({
        customer: customerId,
        limit: page.limit,
        ...(page.startingAfter ? { starting_after: page.startingAfter } : {}),
      });
      return { data: list.data.map(invoiceOf), hasMore: list.has_more };
    });
  }

  verifyWebhook(rawBody: string | Buffer, signature: string | undefined): ProviderEvent {
    if (!signature) throw new WebhookSignatureError('No Stripe-Signature header');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.options.webhookSecret,
        this.options.toleranceSeconds,
      );
    } catch (error) {
      throw new WebhookSignatureError((error as Error).message);
    }
    const object = event.data.object as unknown as Record<string, unknown>;
    return {
      id: event.id,
      type: event.type,
      created: new Date(event.created * 1000),
      objectId: typeof object.id === 'string' ? object.id : null,
      objectType: typeof object.object === 'string' ? object.object : null,
      subscriptionId: subscriptionIdOf(object),
      object,
    };
  }
}

/** Runs an SDK call; a transport failure, 429 or 5xx is "unavailable", another 4xx a refusal. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof stripeSdk().errors.StripeError) {
      const status = error.statusCode;
      if (
        error instanceof stripeSdk().errors.StripeConnectionError ||
        status === undefined ||
        status === 429 ||
        status >= 500
      ) {
        throw new BillingUnavailableError(`Stripe unavailable: ${error.message}`, status);
      }
      throw new BillingRequestError(error.message, status, error.code);
    }
    throw error;
  }
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;
const dateOf = (seconds: number | null | undefined): Date | null =>
  seconds == null ? null : new Date(seconds * 1000);

function customerOf(customer: Stripe.Customer): ProviderCustomer {
  return { id: customer.id, email: customer.email, metadata: { ...customer.metadata } };
}

function sessionOf(session: Stripe.Checkout.Session): ProviderCheckoutSession {
  return {
    id: session.id,
    url: session.url,
    mode: session.mode as ProviderCheckoutSession['mode'],
    status: session.status as ProviderCheckoutSession['status'],
    paymentStatus: session.payment_status as ProviderCheckoutSession['paymentStatus'],
    customerId: idOf(session.customer),
    clientReferenceId: session.client_reference_id,
    subscriptionId: idOf(session.subscription),
    amountTotal: session.amount_total,
    currency: session.currency,
    metadata: { ...(session.metadata ?? {}) },
  };
}

function subscriptionOf(subscription: Stripe.Subscription): ProviderSubscription {
  const item = subscription.items.data[0];
  const legacyEnd = (subscription as unknown as { current_period_end?: number }).current_period_end;
  return {
    id: subscription.id,
    customerId: idOf(subscription.customer)!,
    status: subscription.status as SubscriptionStatus,
    priceId: item?.price?.id ?? null,
    quantity: item?.quantity ?? 1,
    currentPeriodEnd: dateOf(item?.current_period_end ?? legacyEnd),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: dateOf(subscription.canceled_at),
    metadata: { ...subscription.metadata },
  };
}

/** The subscription an event's object is, or the one an invoice bills (any API version). */
function subscriptionIdOf(object: Record<string, unknown>): string | null {
  if (object.object === 'subscription') return typeof object.id === 'string' ? object.id : null;
  if (object.object === 'invoice')
    return idOf(invoiceSubscription(object as unknown as Stripe.Invoice));
  return null;
}

/** `parent.subscription_details.subscription` since 2025-03-31, `subscription` before. */
function invoiceSubscription(invoice: Stripe.Invoice): string | { id: string } | null {
  const legacy = invoice as unknown as { subscription?: string | { id: string } | null };
  return invoice.parent?.subscription_details?.subscription ?? legacy.subscription ?? null;
}

function invoiceOf(invoice: Stripe.Invoice): ProviderInvoice {
  const subscription = invoiceSubscription(invoice);
  return {
    id: invoice.id,
    number: invoice.number,
    customerId: idOf(invoice.customer)!,
    subscriptionId: idOf(subscription),
    status: invoice.status,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
    periodStart: new Date(invoice.period_start * 1000),
    periodEnd: new Date(invoice.period_end * 1000),
    created: new Date(invoice.created * 1000),
  };
}
