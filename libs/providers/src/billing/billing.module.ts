import type Redis from 'ioredis';
import type { AppConfig } from '@lib/config';
import type { BillingPort } from './billing.port';
import { LocalBillingDriver } from './drivers/local.driver';
import { StripeBillingDriver } from './drivers/stripe.driver';

/**
 * The driver config selects (`AppConfig.billingDriver`), or undefined when
 * billing is not configured (no Stripe key in production, or BILLING_DRIVER=off).
 */
export function createBillingDriver(
  config: AppConfig,
  redis: Redis,
  amountOf: (priceId: string) => { cents: number; currency: string },
): BillingPort | undefined {
  const env = config.env;
  switch (config.billingDriver) {
    case 'stripe':
      return new StripeBillingDriver({
        secretKey: env.STRIPE_SECRET_KEY!,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
        apiBase: env.STRIPE_API_BASE,
        timeoutMs: env.STRIPE_TIMEOUT_MS,
        toleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      });
    case 'local':
      return new LocalBillingDriver(redis, env.REDIS_PREFIX, env.API_URL, amountOf);
    default:
      return undefined;
  }
}
