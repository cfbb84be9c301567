import { defineProblems } from '@lib/problems';

/** Problems of billing: checkout, portal, subscription changes and webhooks. */
export const billingProblems = defineProblems({
  'billing.not_configured': {
    status: 503,
    description:
      'Billing is off: no Stripe keys and the local driver is not available (production).',
  },
  'billing.provider_unavailable': {
    status: 503,
    description:
      'The payment provider did not answer (timeout, 5xx, rate limit); nothing was created. Retry later.',
  },
  'billing.provider_refused': {
    status: 503,
    description:
      'The payment provider refused the request (a configuration problem on our side, such as an unknown price); nothing was changed.',
  },
  'billing.redirect_not_allowed': {
    status: 400,
    description: 'A success, cancel or return URL outside the allowed frontend origins.',
  },
  'billing.price_not_configured': {
    status: 422,
    description: 'No price is configured for that plan and interval (or for credits).',
  },
  'billing.already_subscribed': {
    status: 409,
    description: 'An active subscription on that plan exists already.',
  },
  'billing.use_portal': {
    status: 409,
    description:
      'An active subscription on another plan exists: switch plans in the billing portal (`POST /v1/billing/portal`), which prorates.',
  },
  'billing.no_customer': {
    status: 404,
    description: 'The account has never checked out, so it has no billing account yet.',
  },
  'billing.no_subscription': {
    status: 404,
    description: 'The account has no subscription that can be cancelled or resumed.',
  },
  'billing.webhook_signature_invalid': {
    status: 400,
    description: 'The webhook signature is missing, wrong or older than the tolerance.',
  },
  'billing.checkout_not_found': {
    status: 404,
    description: 'No open local checkout session with that id.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    billing: typeof billingProblems;
  }
}
