import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { HookDeliveryAttempt } from '../entities/hook-delivery-attempt.entity';
import { HookSubscription } from '../entities/hook-subscription.entity';
import { HookUnsubscribed } from '../events/hooks.events';

/** An erased account's subscriptions and their delivery log go with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseHooksOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    await this.uow.run(async (em, events) => {
      const hooks = await em.find(HookSubscription, { userId });
      if (hooks.length === 0) return;
      await em.nativeDelete(HookDeliveryAttempt, { hookId: { $in: hooks.map((h) => h.id) } });
      for (const hook of hooks) {
        events.record(
          new HookUnsubscribed(hook.id, { userId, event: hook.event, reason: 'account_deleted' }),
        );
        em.remove(hook);
      }
    });
  }
}
