import { Command } from '@nestjs/cqrs';
import type {
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from '../../dto/notification-preferences.dto';

/** Changes the given notification preferences of a user; the rest keep their value. */
export class UpdateNotificationPreferencesCommand extends Command<NotificationPreferencesDto> {
  constructor(
    readonly userId: string,
    readonly changes: UpdateNotificationPreferencesDto,
  ) {
    super();
  }
}
