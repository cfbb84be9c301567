import { Query } from '@nestjs/cqrs';
import type { InboxFilter, NotificationPageDto } from '../../dto/notification.dto';

export class ListNotificationsQuery extends Query<NotificationPageDto> {
  constructor(
    readonly userId: string,
    readonly filter: InboxFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
