import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { NotificationDto, type NotificationPageDto } from '../../dto/notification.dto';
import { Notification } from '../../entities/notification.entity';
import { ListNotificationsQuery } from './list-notifications.query';

/** The caller's inbox, newest first, in cursor pages. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<
  ListNotificationsQuery,
  NotificationPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({
    userId,
    filter,
    limit,
    cursor,
  }: ListNotificationsQuery): Promise<NotificationPageDto> {
    const where: FilterQuery<Notification> = { userId };
    if (filter === 'archived') where.archivedAt = { $ne: null };
    else where.archivedAt = null;
    if (filter === 'unread') where.readAt = null;
    const rows = await this.em
      .fork()
      .find(
        Notification,
        cursor ? { $and: [where, newestFirst.after<Notification>(cursor)] } : where,
        { orderBy: newestFirst.orderBy, limit: limit + 1 },
      );
    return cursorPage(rows, limit, (n) => NotificationDto.from(n), newestFirst.position);
  }
}
