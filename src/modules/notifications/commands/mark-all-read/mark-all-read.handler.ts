import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import type { ReadAllResultDto } from '../../dto/notification.dto';
import { Notification } from '../../entities/notification.entity';
import { InboxChanges } from '../../inbox-changes';
import { MarkAllNotificationsReadCommand } from './mark-all-read.command';

@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<
  MarkAllNotificationsReadCommand,
  ReadAllResultDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: InboxChanges,
  ) {}

  async execute({ userId }: MarkAllNotificationsReadCommand): Promise<ReadAllResultDto> {
    const now = new Date();
    const updated = await this.uow.run((em) =>
      em.nativeUpdate(Notification, { userId, readAt: null }, { readAt: now, seenAt: now }),
    );
    if (updated > 0) await this.changes.countChanged(userId);
    return { updated };
  }
}
