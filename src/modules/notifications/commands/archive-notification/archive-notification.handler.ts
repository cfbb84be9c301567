import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { NotificationDto } from '../../dto/notification.dto';
import { Notification } from '../../entities/notification.entity';
import { InboxChanges } from '../../inbox-changes';
import { ArchiveNotificationCommand } from './archive-notification.command';

@CommandHandler(ArchiveNotificationCommand)
export class ArchiveNotificationHandler implements ICommandHandler<
  ArchiveNotificationCommand,
  NotificationDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: InboxChanges,
  ) {}

  async execute({ userId, id }: ArchiveNotificationCommand): Promise<NotificationDto> {
    const notification = await this.uow.run(async (em) => {
      const found = await em.findOne(Notification, { id, userId });
      if (!found) throw Problem.notFound('Notification', 'notification.not_found');
      found.archivedAt ??= new Date();
      return found;
    });
    await this.changes.countChanged(userId);
    return NotificationDto.from(notification);
  }
}
