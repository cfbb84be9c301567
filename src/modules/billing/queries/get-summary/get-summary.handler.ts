import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import type { BillingSummaryDto } from '../../dto/billing.dto';
import { GetBillingSummaryQuery } from './get-summary.query';

/** One aggregate query over our copies of the subscriptions (no provider call). */
@QueryHandler(GetBillingSummaryQuery)
export class GetBillingSummaryHandler implements IQueryHandler<
  GetBillingSummaryQuery,
  BillingSummaryDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute(): Promise<BillingSummaryDto> {
    const [row] = await this.em
      .fork()
      .execute<
        { mrr: string; pro: string; premium: string; past_due: string; cancelling: string }[]
      >(
        `select
         coalesce(sum(case when interval = 'year' then amount_cents / 12.0 else amount_cents end)
           filter (where status in ('active', 'trialing')
                   or (status = 'past_due' and grace_until > now())), 0)::bigint::text as mrr,
         count(*) filter (where plan = 'pro' and status in ('active', 'trialing'))::text as pro,
         count(*) filter (where plan = 'premium' and status in ('active', 'trialing'))::text as premium,
         count(*) filter (where status = 'past_due')::text as past_due,
         count(*) filter (where status in ('active', 'trialing') and cancel_at_period_end)::text as cancelling
       from billing_subscriptions`,
      );
    return {
      mrrCents: Number(row.mrr),
      currency: 'usd',
      active: { pro: Number(row.pro), premium: Number(row.premium) },
      pastDue: Number(row.past_due),
      cancelling: Number(row.cancelling),
    };
  }
}
