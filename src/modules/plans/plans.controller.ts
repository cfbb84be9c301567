import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Cacheable } from '@lib/cache';
import { PLAN_CATALOG, TIERS, type Feature, type Plan, type Tier } from '@lib/authz';
import { AppConfig } from '@lib/config';
import { Access } from '../../common/access.decorator';
import { BillingPrices } from '../billing';

class PlanPriceDto {
  @ApiProperty({ enum: ['month', 'year'], example: 'month' })
  interval!: 'month' | 'year';
  @ApiProperty({ example: 2999, description: 'In the smallest currency unit' })
  amountCents!: number;
  @ApiProperty({ example: 'usd' })
  currency!: string;
  @ApiProperty({
    example: 'price_1Pro',
    description: 'The Stripe price id (informational; checkout takes plan and interval)',
  })
  priceId!: string;
}

class PlanDto {
  @ApiProperty({ enum: TIERS, example: 'pro' })
  tier!: Tier;
  @ApiProperty({ example: 'Pro' })
  name!: string;
  @ApiProperty({ example: 2999, description: 'Price per interval in the smallest currency unit' })
  priceCents!: number;
  @ApiProperty({ example: 'usd' })
  currency!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['month'], example: 'month' })
  interval!: 'month' | null;
  @ApiProperty({ type: [String], example: ['basicTemplates', 'aiEnhancement'] })
  features!: Feature[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: {
      cvs: 20,
      savedSearches: 20,
      savedJobs: 1000,
      jobApplications: 500,
      socialAccounts: 4,
      scheduledPosts: 100,
      aiCallsPerHour: 10,
    },
  })
  quotas!: Plan['quotas'];
  @ApiProperty({
    type: [PlanPriceDto],
    description:
      'What checkout sells for this plan: monthly, and yearly where configured (empty for Free, or while billing is off)',
  })
  prices!: PlanPriceDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'pk_test_51Abc',
    description: 'STRIPE_PUBLISHABLE_KEY for Stripe.js (null without Stripe)',
  })
  publishableKey!: string | null;
}

@ApiTags('plans')
@Controller({ path: 'plans', version: '1' })
export class PlansController {
  /** The public catalog with its configured prices, built once: frozen, so `@Cacheable` serializes and hashes it once. */
  private readonly plans: readonly PlanDto[];

  constructor(config: AppConfig, prices: BillingPrices) {
    this.plans = Object.freeze(catalogWithPrices(config, prices));
  }

  @Get()
  @Access('public')
  @Cacheable({ ttl: 'apiRead', scope: 'public' })
  @ApiOperation({
    summary: 'The plans on offer with their features, quotas and prices',
    description: 'Prices come from configuration (static), so the answer stays cacheable.',
  })
  @ApiOkResponse({ type: [PlanDto] })
  list(): readonly PlanDto[] {
    return this.plans;
  }
}

function catalogWithPrices(config: AppConfig, prices: BillingPrices): PlanDto[] {
  const publishableKey =
    config.billingDriver === 'stripe' ? (config.env.STRIPE_PUBLISHABLE_KEY ?? null) : null;
  return TIERS.map((tier) => {
    const { rateLimits: _internal, ...plan } = PLAN_CATALOG[tier];
    const planPrices =
      tier === 'free' || !config.billingDriver
        ? []
        : (['month', 'year'] as const).flatMap((interval) => {
            const price = prices.forPlan(tier, interval);
            return price
              ? [
                  {
                    interval,
                    amountCents: price.cents,
                    currency: price.currency,
                    priceId: price.priceId,
                  },
                ]
              : [];
          });
    return { ...plan, prices: planPrices, publishableKey };
  });
}
