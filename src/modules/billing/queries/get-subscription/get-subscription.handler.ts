import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { AiCredits } from '../../../ai-usage';
import { User } from '../../../identity';
import { BillingProvider } from '../../billing-provider';
import { SubscriptionDto } from '../../dto/billing.dto';
import { BillingSubscription } from '../../entities/billing-subscription.entity';
import { GetSubscriptionQuery } from './get-subscription.query';

/** The live subscription if any (else the latest one), with the account's tier and credits. */
@QueryHandler(GetSubscriptionQuery)
export class GetSubscriptionHandler implements IQueryHandler<
  GetSubscriptionQuery,
  SubscriptionDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly provider: BillingProvider,
    private readonly credits: AiCredits,
  ) {}

  async execute({ userId }: GetSubscriptionQuery): Promise<SubscriptionDto> {
    this.provider.require();
    const em = this.em.fork();
    const rows = await em.find(BillingSubscription, { userId }, { orderBy: { updatedAt: 'desc' } });
    const live = rows.find((row) => ['active', 'trialing', 'past_due'].includes(row.status));
    const user = await em.findOneOrFail(User, { id: userId });
    return SubscriptionDto.from(
      user.tier,
      live ?? rows[0] ?? null,
      await this.credits.balance(userId),
    );
  }
}
