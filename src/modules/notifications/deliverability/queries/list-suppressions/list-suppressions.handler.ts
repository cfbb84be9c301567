import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../../common/pagination';
import { SuppressionDto, type SuppressionPageDto } from '../../dto/suppression.dto';
import { EmailSuppression } from '../../entities/email-suppression.entity';
import { ListSuppressionsQuery } from './list-suppressions.query';

/** Keyset pages on (createdAt, id), newest first. */
@QueryHandler(ListSuppressionsQuery)
export class ListSuppressionsHandler implements IQueryHandler<
  ListSuppressionsQuery,
  SuppressionPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({
    limit,
    cursor,
    email,
    reason,
  }: ListSuppressionsQuery): Promise<SuppressionPageDto> {
    const where: FilterQuery<EmailSuppression>[] = [];
    if (email) where.push({ email: { $ilike: `%${escapeLike(email.trim().toLowerCase())}%` } });
    if (reason) where.push({ reason });
    if (cursor) where.push(newestFirst.after<EmailSuppression>(cursor));
    const rows = await this.em
      .fork()
      .find(EmailSuppression, where.length > 0 ? { $and: where } : {}, {
        orderBy: newestFirst.orderBy,
        limit: limit + 1,
      });
    return cursorPage(rows, limit, (row) => SuppressionDto.from(row), newestFirst.position);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
