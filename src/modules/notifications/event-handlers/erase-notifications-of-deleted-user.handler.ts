import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { NotificationDelivery } from '../entities/notification-delivery.entity';
import { NotificationPreferences } from '../entities/notification-preferences.entity';
import { Notification } from '../entities/notification.entity';

/** An erased account takes its inbox, send records and preferences with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseNotificationsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    await this.uow.run(async (em) => {
      await em.nativeDelete(Notification, { userId });
      await em.nativeDelete(NotificationDelivery, { userId });
      await em.nativeDelete(NotificationPreferences, { userId });
    });
  }
}
