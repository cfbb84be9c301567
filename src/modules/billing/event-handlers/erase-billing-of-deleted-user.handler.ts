import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { BillingProvider } from '../billing-provider';
import { BillingCustomer } from '../entities/billing-customer.entity';
import { BillingSubscription } from '../entities/billing-subscription.entity';
import { BillingTransition } from '../entities/billing-transition.entity';

const ENDED = ['canceled', 'incomplete_expired'];

/**
 * Erasure: the account's subscriptions are cancelled at once and its Stripe
 * customer deleted, then our copies go. Runs in a job; a provider failure
 * throws, so the delivery is retried (and dead-lettered after the last attempt).
 */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseBillingOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly em: EntityManager,
    private readonly provider: BillingProvider,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    const em = this.em.fork();
    const customer = await em.findOne(BillingCustomer, { userId });
    const subscriptions = await em.find(BillingSubscription, { userId });
    if (this.provider.configured) {
      const port = this.provider.require();
      for (const subscription of subscriptions) {
        if (!ENDED.includes(subscription.status)) await port.cancelSubscriptionNow(subscription.id);
      }
      if (customer) await port.deleteCustomer(customer.customerId);
    }
    await em.transactional(async (tx) => {
      await tx.nativeDelete(BillingSubscription, { userId });
      await tx.nativeDelete(BillingTransition, { userId });
      await tx.nativeDelete(BillingCustomer, { userId });
    });
  }
}
