import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { Notifier } from '../../notifications';
import { HookSubscription } from '../entities/hook-subscription.entity';
import { HookDeactivated } from '../events/hooks.events';
import { HOOK_NOTIFICATION_TYPES } from '../hooks.notifications';

/** The owner hears (in-app) that a subscription stopped because its target answered 410. */
@Injectable()
@HandlesEvent(HookDeactivated)
export class NotifyDeactivatedHookHandler implements DomainEventHandler<HookDeactivated> {
  constructor(
    private readonly em: EntityManager,
    private readonly notifier: Notifier,
  ) {}

  async handle(event: HookDeactivated): Promise<void> {
    const hook = await this.em
      .fork()
      .findOne(HookSubscription, { id: event.streamId }, { fields: ['targetUrl'] });
    await this.notifier.notify(
      event.payload.userId,
      HOOK_NOTIFICATION_TYPES['hooks.deactivated'],
      { event: event.payload.event, targetUrl: hook?.targetUrl, hookId: event.streamId },
      { subjectId: event.eventId },
    );
  }
}
