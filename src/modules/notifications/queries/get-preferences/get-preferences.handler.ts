import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotificationPreferencesDto } from '../../dto/notification-preferences.dto';
import { NotificationPreferencesReader } from '../../notification-preferences';
import { GetNotificationPreferencesQuery } from './get-preferences.query';

@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<
  GetNotificationPreferencesQuery,
  NotificationPreferencesDto
> {
  constructor(
    private readonly em: EntityManager,
    private readonly reader: NotificationPreferencesReader,
  ) {}

  async execute({ userId }: GetNotificationPreferencesQuery): Promise<NotificationPreferencesDto> {
    return NotificationPreferencesDto.from(await this.reader.of(this.em.fork(), userId));
  }
}
