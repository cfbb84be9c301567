import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { NotificationDto } from '../../dto/notification.dto';
import { Notification } from '../../entities/notification.entity';
import { InboxChanges } from '../../inbox-changes';
import { MarkNotificationReadCommand } from './mark-read.command';

@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<
  MarkNotificationReadCommand,
  NotificationDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: InboxChanges,
  ) {}

  async execute({ userId, id }: MarkNotificationReadCommand): Promise<NotificationDto> {
    const notification = await this.uow.run(async (em) => {
      // Another user's notification is not found, exactly like a missing one.
      const found = await em.findOne(Notification, { id, userId });
      if (!found) throw Problem.notFound('Notification', 'notification.not_found');
      if (!found.readAt) found.readAt = new Date();
      found.seenAt ??= found.readAt;
      return found;
    });
    await this.changes.countChanged(userId);
    return NotificationDto.from(notification);
  }
}
