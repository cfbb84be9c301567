import { Command } from '@nestjs/cqrs';
import type { ReadAllResultDto } from '../../dto/notification.dto';

/** Marks every unread notification of the caller read. */
export class MarkAllNotificationsReadCommand extends Command<ReadAllResultDto> {
  constructor(readonly userId: string) {
    super();
  }
}
