import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { MailMessageDto, type MailMessagePageDto } from '../../dto/mail-message.dto';
import { MailMessage } from '../../entities/mail-message.entity';
import { ListOutboxQuery } from './list-outbox.query';

/** Newest first; keyset pagination on (createdAt, id). */
@QueryHandler(ListOutboxQuery)
export class ListOutboxHandler implements IQueryHandler<ListOutboxQuery, MailMessagePageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: ListOutboxQuery): Promise<MailMessagePageDto> {
    const where: FilterQuery<MailMessage>[] = [];
    if (query.status) where.push({ status: query.status });
    if (query.to) where.push({ recipients: { $contains: [query.to.toLowerCase()] } });
    if (query.cursor) where.push(newestFirst.after<MailMessage>(query.cursor));
    const rows = await this.em
      .fork()
      .find(MailMessage, { $and: where }, { orderBy: newestFirst.orderBy, limit: query.limit + 1 });
    return cursorPage(rows, query.limit, (m) => MailMessageDto.from(m), newestFirst.position);
  }
}
