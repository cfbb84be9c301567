import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventDelivery } from '@lib/event-store';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { EventDeliveryDto, type EventDeliveryPageDto } from '../../dto/dead-letter.dto';
import { ListDeadLettersQuery } from './list-dead-letters.query';

/** Deliveries that gave up after their last attempt, newest first. */
@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<
  ListDeadLettersQuery,
  EventDeliveryPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({ limit, cursor }: ListDeadLettersQuery): Promise<EventDeliveryPageDto> {
    const where: FilterQuery<EventDelivery>[] = [{ status: 'dead' }];
    if (cursor) where.push(newestFirst.after<EventDelivery>(cursor));
    const rows = await this.em
      .fork()
      .find(EventDelivery, { $and: where }, { orderBy: newestFirst.orderBy, limit: limit + 1 });
    return cursorPage(rows, limit, (d) => EventDeliveryDto.from(d), newestFirst.position);
  }
}
