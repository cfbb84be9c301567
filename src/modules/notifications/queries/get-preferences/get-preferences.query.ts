import { Query } from '@nestjs/cqrs';
import type { NotificationPreferencesDto } from '../../dto/notification-preferences.dto';

export class GetNotificationPreferencesQuery extends Query<NotificationPreferencesDto> {
  constructor(readonly userId: string) {
    super();
  }
}
