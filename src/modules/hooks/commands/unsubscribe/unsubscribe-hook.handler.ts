import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { HookDeliveryAttempt } from '../../entities/hook-delivery-attempt.entity';
import { HookSubscription } from '../../entities/hook-subscription.entity';
import { HookUnsubscribed } from '../../events/hooks.events';
import { hooksProblems } from '../../hooks.problems';
import { UnsubscribeHookCommand } from './unsubscribe-hook.command';

/** Queued deliveries of a deleted subscription find no row and are skipped. */
@CommandHandler(UnsubscribeHookCommand)
export class UnsubscribeHookHandler implements ICommandHandler<UnsubscribeHookCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ userId, hookId }: UnsubscribeHookCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const hook = await em.findOne(HookSubscription, { id: hookId, userId });
      if (!hook) throw hooksProblems.problem('hooks.not_found', 'No such hook subscription.');
      await em.nativeDelete(HookDeliveryAttempt, { hookId });
      em.remove(hook);
      events.record(new HookUnsubscribed(hook.id, { userId, event: hook.event, reason: 'user' }));
    });
  }
}
