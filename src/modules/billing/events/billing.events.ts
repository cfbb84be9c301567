import { DomainEvent, DomainEventType } from '@lib/event-store';

export const BILLING_STREAM = 'billing';

/** A billing event that belongs to one user (their data subject). */
abstract class BillingEvent<P extends { userId: string }> extends DomainEvent<P> {
  override get dataSubject(): string {
    return this.payload.userId;
  }
}

/** A checkout session was created (analytics `plan_upgrade_started`). */
@DomainEventType('billing.checkout_started')
export class CheckoutStarted extends BillingEvent<{
  userId: string;
  sessionId: string;
  mode: 'subscription' | 'payment';
  plan: string | null;
  interval: string | null;
  packs: number | null;
}> {
  constructor(payload: CheckoutStarted['payload']) {
    super(BILLING_STREAM, payload.sessionId, payload);
  }
}

/** A subscription became active on a paid plan (analytics `plan_upgrade_completed`). */
@DomainEventType('billing.subscription_activated')
export class SubscriptionActivated extends BillingEvent<{
  userId: string;
  subscriptionId: string;
  plan: string;
}> {
  constructor(payload: SubscriptionActivated['payload']) {
    super(BILLING_STREAM, payload.subscriptionId, payload);
  }
}

/** Cancelled: at period end (still paid until then) or ended (analytics `subscription_cancelled`). */
@DomainEventType('billing.subscription_cancelled')
export class SubscriptionCancelled extends BillingEvent<{
  userId: string;
  subscriptionId: string;
  plan: string | null;
  atPeriodEnd: boolean;
}> {
  constructor(payload: SubscriptionCancelled['payload']) {
    super(BILLING_STREAM, payload.subscriptionId, payload);
  }
}

/** A renewal payment failed: past_due, the plan stays for the grace period. */
@DomainEventType('billing.payment_failed')
export class PaymentFailed extends BillingEvent<{
  userId: string;
  subscriptionId: string;
  graceUntil: string | null;
}> {
  constructor(payload: PaymentFailed['payload']) {
    super(BILLING_STREAM, payload.subscriptionId, payload);
  }
}

/** The grace period of a past_due subscription ended: the account is on Free. */
@DomainEventType('billing.grace_ended')
export class GraceEnded extends BillingEvent<{ userId: string; subscriptionId: string }> {
  constructor(payload: GraceEnded['payload']) {
    super(BILLING_STREAM, payload.subscriptionId, payload);
  }
}

/** A one-time AI credits pack was paid and its credits added. */
@DomainEventType('billing.credits_purchased')
export class CreditsPurchased extends BillingEvent<{
  userId: string;
  sessionId: string;
  credits: number;
  amountCents: number;
}> {
  constructor(payload: CreditsPurchased['payload']) {
    super(BILLING_STREAM, payload.sessionId, payload);
  }
}

/** A webhook with a missing, wrong or stale signature was refused; the stream is the client IP. */
@DomainEventType('security.webhook_signature_rejected')
export class WebhookSignatureRejected extends DomainEvent<{ provider: string; reason: string }> {
  constructor(ip: string, payload: { provider: string; reason: string }) {
    super('security', ip, payload);
  }
}
