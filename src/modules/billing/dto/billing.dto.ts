import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { TIERS, type Tier } from '@lib/authz';
import { CursorQueryDto } from '../../../common/pagination';
import type { BillingSubscription } from '../entities/billing-subscription.entity';

const PAID_PLANS = ['pro', 'premium'] as const;
const INTERVALS = ['month', 'year'] as const;
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class CheckoutDto {
  @ApiProperty({ enum: PAID_PLANS, example: 'pro' })
  @IsIn(PAID_PLANS)
  plan!: 'pro' | 'premium';

  @ApiPropertyOptional({
    enum: INTERVALS,
    default: 'month',
    description: '`year` only where a yearly price is configured (422 otherwise)',
  })
  @IsOptional()
  @IsIn(INTERVALS)
  interval?: 'month' | 'year';

  @ApiPropertyOptional({
    example: 'https://app.career-tools.example/billing/success?session_id={CHECKOUT_SESSION_ID}',
    description:
      'On an allowed frontend origin (FRONTEND_URL, CORS_ORIGINS); default: FRONTEND_URL/billing/success',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS)
  successUrl?: string;

  @ApiPropertyOptional({
    example: 'https://app.career-tools.example/pricing',
    description: 'On an allowed frontend origin; default: FRONTEND_URL/pricing',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS)
  cancelUrl?: string;
}

export class CreditsCheckoutDto {
  @ApiProperty({ minimum: 1, maximum: 20, example: 2, description: 'How many AI credit packs' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  packs!: number;

  @ApiPropertyOptional({ example: 'https://app.career-tools.example/billing/success' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS)
  successUrl?: string;

  @ApiPropertyOptional({ example: 'https://app.career-tools.example/pricing' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS)
  cancelUrl?: string;
}

export class CheckoutSessionDto {
  @ApiProperty({ example: 'cs_test_a1b2c3' })
  sessionId!: string;
  @ApiProperty({
    example: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
    description: 'Redirect the browser here (the local driver: a page of this API)',
  })
  url!: string;
}

export class PortalDto {
  @ApiPropertyOptional({
    example: 'https://app.career-tools.example/settings/billing',
    description: 'Where the portal sends the user back; on an allowed frontend origin',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_OPTIONS)
  returnUrl?: string;
}

export class PortalSessionDto {
  @ApiProperty({ example: 'https://billing.stripe.com/p/session/bps_123' })
  url!: string;
}

export class SubscriptionDto {
  @ApiProperty({ enum: TIERS, example: 'pro', description: 'The plan the account has now' })
  tier!: Tier;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: PAID_PLANS,
    example: 'pro',
    description: 'The subscribed plan (null without a subscription)',
  })
  plan!: 'pro' | 'premium' | null;
  @ApiProperty({
    example: 'active',
    description:
      '`none` without a subscription; else Stripe’s status: trialing, active, past_due, unpaid, canceled, incomplete, incomplete_expired, paused',
  })
  status!: string;
  @ApiProperty({ nullable: true, type: String, enum: INTERVALS, example: 'month' })
  interval!: 'month' | 'year' | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  currentPeriodEnd!: string | null;
  @ApiProperty({ example: false, description: 'Ends at currentPeriodEnd (resume to undo)' })
  cancelAtPeriodEnd!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'past_due: the plan stays until then (BILLING_GRACE_DAYS)',
  })
  graceUntil!: string | null;
  @ApiProperty({ example: 0, description: 'Purchased AI credits left' })
  aiCredits!: number;

  static from(tier: Tier, row: BillingSubscription | null, aiCredits: number): SubscriptionDto {
    return {
      tier,
      plan: row?.plan ?? null,
      status: row?.status ?? 'none',
      interval: row?.interval ?? null,
      currentPeriodEnd: row?.currentPeriodEnd?.toISOString() ?? null,
      cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
      graceUntil: row?.graceUntil?.toISOString() ?? null,
      aiCredits,
    };
  }
}

export class InvoiceDto {
  @ApiProperty({ example: 'in_1Nv2' })
  id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'A1B2C3-0001' })
  number!: string | null;
  @ApiProperty({ example: 2999, description: 'Amount due, in the smallest currency unit' })
  amount!: number;
  @ApiProperty({ example: 2999 })
  amountPaid!: number;
  @ApiProperty({ example: 'usd' })
  currency!: string;
  @ApiProperty({ nullable: true, type: String, example: 'paid' })
  status!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'https://invoice.stripe.com/i/in_1Nv2' })
  hostedUrl!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'https://pay.stripe.com/invoice/in_1Nv2/pdf',
  })
  pdfUrl!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  periodStart!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  periodEnd!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  created!: string;
}

export class InvoicePageDto {
  @ApiProperty({ type: [InvoiceDto] })
  items!: InvoiceDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as ?cursor= for the next page; null at the end.',
  })
  nextCursor!: string | null;
}

export class InvoicesQueryDto extends CursorQueryDto {}

export class WebhookAckDto {
  @ApiProperty({ example: true, description: 'The event is recorded; processing follows in a job' })
  received!: boolean;
}

const STATUSES = [
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'paused',
] as const;

export class AdminSubscriptionsQueryDto extends CursorQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: PAID_PLANS })
  @IsOptional()
  @IsIn(PAID_PLANS)
  plan?: 'pro' | 'premium';
}

export class AdminSubscriptionDto {
  @ApiProperty({ example: 'sub_1Nv2' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty({ example: 'cus_1Nv2' })
  customerId!: string;
  @ApiProperty({ nullable: true, type: String, enum: PAID_PLANS })
  plan!: string | null;
  @ApiProperty({ example: 'active' })
  status!: string;
  @ApiProperty({ nullable: true, type: String, enum: INTERVALS })
  interval!: string | null;
  @ApiProperty({ example: 2999 })
  amountCents!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  currentPeriodEnd!: string | null;
  @ApiProperty({ example: false })
  cancelAtPeriodEnd!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  graceUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  static from(row: BillingSubscription): AdminSubscriptionDto {
    return {
      id: row.id,
      userId: row.userId,
      customerId: row.customerId,
      plan: row.plan ?? null,
      status: row.status,
      interval: row.interval ?? null,
      amountCents: row.amountCents,
      currentPeriodEnd: row.currentPeriodEnd?.toISOString() ?? null,
      cancelAtPeriodEnd: row.cancelAtPeriodEnd,
      graceUntil: row.graceUntil?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

export class AdminSubscriptionPageDto {
  @ApiProperty({ type: [AdminSubscriptionDto] })
  items!: AdminSubscriptionDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}

export class PlanCountDto {
  @ApiProperty({ example: 12 })
  pro!: number;
  @ApiProperty({ example: 3 })
  premium!: number;
}

export class BillingSummaryDto {
  @ApiProperty({
    example: 50985,
    description:
      'Monthly recurring revenue in cents: active, trialing and past_due (in grace) subscriptions; yearly ones count 1/12',
  })
  mrrCents!: number;
  @ApiProperty({ example: 'usd' })
  currency!: string;
  @ApiProperty({ type: PlanCountDto, description: 'Active (and trialing) subscriptions by plan' })
  active!: PlanCountDto;
  @ApiProperty({ example: 1, description: 'Subscriptions past_due (in or after grace)' })
  pastDue!: number;
  @ApiProperty({ example: 2, description: 'Active subscriptions set to end at period end' })
  cancelling!: number;
}
