import { Injectable } from '@nestjs/common';
import { PLAN_CATALOG, type Tier } from '@lib/authz';
import { AppConfig } from '@lib/config';

export type PaidTier = Exclude<Tier, 'free'>;
export type BillingInterval = 'month' | 'year';

export interface PriceInfo {
  priceId: string;
  kind: 'plan' | 'credits';
  plan: PaidTier | null;
  interval: BillingInterval | null;
  cents: number;
  currency: string;
}

/** The local driver's price ids when no Stripe price is configured. */
const LOCAL_PRICE_IDS = {
  pro: { month: 'price_local_pro_month', year: 'price_local_pro_year' },
  premium: { month: 'price_local_premium_month', year: 'price_local_premium_year' },
  credits: 'price_local_ai_credits',
} as const;

/**
 * Price ids from configuration (static: amounts come from the plan catalog and
 * config, never a call to Stripe), by plan and interval and back.
 */
@Injectable()
export class BillingPrices {
  private readonly byId = new Map<string, PriceInfo>();
  private readonly byPlan = new Map<string, PriceInfo>();
  readonly credits?: PriceInfo;
  readonly creditsPerPack: number;

  constructor(config: AppConfig) {
    const env = config.env;
    const local = config.billingDriver === 'local';
    const pick = (configured: string | undefined, fallback: string, always = true) =>
      configured ?? (local && always ? fallback : undefined);
    const plans: [PaidTier, BillingInterval, string | undefined, number][] = [
      [
        'pro',
        'month',
        pick(env.STRIPE_PRO_PRICE_ID, LOCAL_PRICE_IDS.pro.month),
        PLAN_CATALOG.pro.priceCents,
      ],
      [
        'premium',
        'month',
        pick(env.STRIPE_PREMIUM_PRICE_ID, LOCAL_PRICE_IDS.premium.month),
        PLAN_CATALOG.premium.priceCents,
      ],
      [
        'pro',
        'year',
        pick(env.STRIPE_PRO_YEARLY_PRICE_ID, LOCAL_PRICE_IDS.pro.year),
        env.BILLING_PRO_YEARLY_CENTS,
      ],
      [
        'premium',
        'year',
        pick(env.STRIPE_PREMIUM_YEARLY_PRICE_ID, LOCAL_PRICE_IDS.premium.year),
        env.BILLING_PREMIUM_YEARLY_CENTS,
      ],
    ];
    for (const [plan, interval, priceId, cents] of plans) {
      if (!priceId) continue;
      const info: PriceInfo = { priceId, kind: 'plan', plan, interval, cents, currency: 'usd' };
      this.byId.set(priceId, info);
      this.byPlan.set(`${plan}:${interval}`, info);
    }
    const creditsId = pick(env.STRIPE_AI_CREDITS_PRICE_ID, LOCAL_PRICE_IDS.credits);
    if (creditsId) {
      this.credits = {
        priceId: creditsId,
        kind: 'credits',
        plan: null,
        interval: null,
        cents: env.BILLING_AI_CREDITS_PACK_CENTS,
        currency: 'usd',
      };
      this.byId.set(creditsId, this.credits);
    }
    this.creditsPerPack = env.BILLING_AI_CREDITS_PER_PACK;
  }

  forPlan(plan: PaidTier, interval: BillingInterval): PriceInfo | undefined {
    return this.byPlan.get(`${plan}:${interval}`);
  }

  byPriceId(priceId: string | null | undefined): PriceInfo | undefined {
    return priceId ? this.byId.get(priceId) : undefined;
  }

  /** For the local driver: what a price id costs. */
  amountOf = (priceId: string): { cents: number; currency: string } => {
    const info = this.byId.get(priceId);
    return { cents: info?.cents ?? 0, currency: info?.currency ?? 'usd' };
  };
}
