/**
 * Port of the payment provider (Stripe, or the local driver for offline
 * development). Shapes are ours, mapped from Stripe's JSON by the driver, so
 * the billing module never sees an SDK type.
 */
export type BillingDriverName = 'stripe' | 'local';

export type SubscriptionStatus =
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'unpaid'
  | 'canceled'
  | 'incomplete'
  | 'incomplete_expired'
  | 'paused';

export interface ProviderSubscription {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  /** The price of the first item (our plans have one item). */
  priceId: string | null;
  /** The first item's quantity: seats on a team plan. */
  quantity: number;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  metadata: Record<string, string>;
}

export interface ProviderCheckoutSession {
  id: string;
  url: string | null;
  mode: 'subscription' | 'payment' | 'setup';
  status: 'open' | 'complete' | 'expired' | null;
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  customerId: string | null;
  clientReferenceId: string | null;
  subscriptionId: string | null;
  amountTotal: number | null;
  currency: string | null;
  metadata: Record<string, string>;
}

export interface ProviderInvoice {
  id: string;
  number: string | null;
  customerId: string;
  subscriptionId: string | null;
  status: string | null;
  amountDue: number;
  amountPaid: number;
  currency: string;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
  periodStart: Date;
  periodEnd: Date;
  created: Date;
}

export interface ProviderCustomer {
  id: string;
  email: string | null;
  metadata: Record<string, string>;
  deleted?: boolean;
}

/** A verified webhook event: its id, type, creation time and the id of the object it is about. */
export interface ProviderEvent {
  id: string;
  type: string;
  created: Date;
  objectId: string | null;
  objectType: string | null;
  /** The subscription the object is or belongs to, as the payload names it (a grouping hint). */
  subscriptionId: string | null;
  /** The embedded object as sent (never trusted to be current; the processor fetches it). */
  object: Record<string, unknown>;
}

export interface CreateCheckoutParams {
  mode: 'subscription' | 'payment';
  customerId: string;
  priceId: string;
  quantity: number;
  successUrl: string;
  cancelUrl: string;
  clientReferenceId: string;
  metadata: Record<string, string>;
}

export interface BillingPort {
  readonly name: BillingDriverName;
  createCustomer(
    fields: { email: string; name: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<ProviderCustomer>;
  retrieveCustomer(id: string): Promise<ProviderCustomer>;
  deleteCustomer(id: string): Promise<void>;
  createCheckoutSession(
    params: CreateCheckoutParams,
    idempotencyKey: string,
  ): Promise<ProviderCheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<ProviderCheckoutSession>;
  createPortalSession(customerId: string, returnUrl: string): Promise<{ url: string }>;
  retrieveSubscription(id: string): Promise<ProviderSubscription>;
  /** `cancel_at_period_end` on (cancel) or off (resume). */
  setCancelAtPeriodEnd(
    id: string,
    cancelAtPeriodEnd: boolean,
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  /** Sets the quantity (seats) of the subscription's one item, prorated. */
  updateQuantity(
    id: string,
    quantity: number,
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  /** Ends the subscription now (account erasure). An already canceled one is not an error. */
  cancelSubscriptionNow(id: string): Promise<void>;
  retrieveInvoice(id: string): Promise<ProviderInvoice>;
  listInvoices(
    customerId: string,
    page: { limit: number; startingAfter?: string },
  ): Promise<{ data: ProviderInvoice[]; hasMore: boolean }>;
  /** Verifies `Stripe-Signature` over the raw body; throws WebhookSignatureError otherwise. */
  verifyWebhook(rawBody: string | Buffer, signature: string | undefined): ProviderEvent;
}

export const BILLING_PORT = Symbol('BILLING_PORT');

/** The provider did not answer usably (timeout, connection, 429, 5xx): try again later. */
export class BillingUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BillingUnavailableError';
  }
}

/** The provider refused the request (4xx other than 429); `code` is Stripe's error code. */
export class BillingRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'BillingRequestError';
  }
}

/** A webhook whose signature is missing, wrong or too old. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}
