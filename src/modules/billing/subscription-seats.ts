import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BillingProvider } from './billing-provider';
import { BillingSync } from './billing-sync';
import { billingProblems } from './billing.problems';
import { BillingSubscription } from './entities/billing-subscription.entity';

/**
 * Seats of a team plan: the quantity of the owner's Premium subscription item.
 * Changes go to the provider (Stripe prorates; the local driver applies it),
 * then our copy is synced from the object it returns, as a webhook would.
 */
@Injectable()
export class SubscriptionSeats {
  constructor(
    private readonly em: EntityManager,
    private readonly provider: BillingProvider,
    private readonly sync: BillingSync,
  ) {}

  async change(userId: string, seats: number): Promise<number> {
    this.provider.require();
    const row = await this.em
      .fork()
      .findOne(
        BillingSubscription,
        { userId, plan: 'premium', status: { $in: ['active', 'trialing', 'past_due'] } },
        { orderBy: { updatedAt: 'desc' } },
      );
    if (!row) {
      throw billingProblems.problem(
        'billing.no_subscription',
        'Seats are the quantity of a Premium subscription; the account has none',
      );
    }
    await this.provider.call((port) =>
      port.updateQuantity(row.id, seats, `seats:${row.id}:${seats}:${row.syncSeq}`),
    );
    await this.provider.call(() => this.sync.syncSubscription(row.id, { userIdHint: userId }));
    const fresh = await this.em.fork().findOneOrFail(BillingSubscription, { id: row.id });
    return fresh.seats;
  }
}
