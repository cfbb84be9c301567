import type { Principal } from '@lib/authz';

/** Starts a Stripe Checkout (or local) session: a plan subscription or AI credit packs. */
export class CreateCheckoutCommand {
  constructor(
    readonly principal: Principal,
    readonly purchase:
      | { kind: 'plan'; plan: 'pro' | 'premium'; interval: 'month' | 'year' }
      | { kind: 'credits'; packs: number },
    readonly successUrl: string | undefined,
    readonly cancelUrl: string | undefined,
    /** The client's Idempotency-Key: a retry with it gets the same session. */
    readonly idempotencyKey: string | undefined,
  ) {}
}
