import { Command } from '@nestjs/cqrs';
import type { NotificationDto } from '../../dto/notification.dto';

/** Marks one of the caller's notifications read (again: no change). */
export class MarkNotificationReadCommand extends Command<NotificationDto> {
  constructor(
    readonly userId: string,
    readonly id: string,
  ) {
    super();
  }
}
