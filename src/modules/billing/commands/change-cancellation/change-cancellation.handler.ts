import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { AiCredits } from '../../../ai-usage';
import { User } from '../../../identity';
import { BillingProvider } from '../../billing-provider';
import { BillingSync } from '../../billing-sync';
import { billingProblems } from '../../billing.problems';
import { SubscriptionDto } from '../../dto/billing.dto';
import { BillingSubscription } from '../../entities/billing-subscription.entity';
import { ChangeCancellationCommand } from './change-cancellation.command';

/**
 * Sets `cancel_at_period_end` on the provider (the plan stays until the period
 * ends, as Stripe documents), then syncs our copy from the object Stripe
 * returns, the same way a webhook would; the webhook that follows changes nothing more.
 */
@CommandHandler(ChangeCancellationCommand)
export class ChangeCancellationHandler implements ICommandHandler<
  ChangeCancellationCommand,
  SubscriptionDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly provider: BillingProvider,
    private readonly sync: BillingSync,
    private readonly credits: AiCredits,
  ) {}

  async execute({ userId, cancel }: ChangeCancellationCommand): Promise<SubscriptionDto> {
    this.provider.require();
    const row = await this.em
      .fork()
      .findOne(
        BillingSubscription,
        { userId, status: { $in: ['active', 'trialing', 'past_due'] } },
        { orderBy: { updatedAt: 'desc' } },
      );
    if (!row) {
      throw billingProblems.problem(
        'billing.no_subscription',
        'The account has no active subscription',
      );
    }
    await this.provider.call((port) =>
      port.setCancelAtPeriodEnd(row.id, cancel, `cancel:${row.id}:${cancel}:${row.syncSeq}`),
    );
    await this.provider.call(() => this.sync.syncSubscription(row.id, { userIdHint: userId }));
    const em = this.em.fork();
    const [fresh, user] = await Promise.all([
      em.findOneOrFail(BillingSubscription, { id: row.id }),
      em.findOneOrFail(User, { id: userId }),
    ]);
    return SubscriptionDto.from(user.tier, fresh, await this.credits.balance(userId));
  }
}
