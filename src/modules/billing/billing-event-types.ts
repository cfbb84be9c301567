/**
 * Provider event types whose processing is a sync of one subscription: the payload names it
 * (the subscription itself, or an invoice's subscription), and intake records it as the
 * event's `subscription_id`, so one sync can cover the others of a burst.
 */
export const SUBSCRIPTION_SYNC_EVENTS: ReadonlySet<string> = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
  'invoice.paid',
  'invoice.payment_succeeded',
  'invoice.payment_failed',
]);

/** Every event type the processor acts on; any other is recorded as processed and gets no job. */
export const HANDLED_EVENTS: ReadonlySet<string> = new Set([
  ...SUBSCRIPTION_SYNC_EVENTS,
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'customer.created',
]);
