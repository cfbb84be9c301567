import { Command } from '@nestjs/cqrs';
import type { NotificationDto } from '../../dto/notification.dto';

/** Archives one of the caller's notifications (it leaves the inbox and the unread count). */
export class ArchiveNotificationCommand extends Command<NotificationDto> {
  constructor(
    readonly userId: string,
    readonly id: string,
  ) {
    super();
  }
}
