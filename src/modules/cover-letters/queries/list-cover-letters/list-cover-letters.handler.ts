import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { CoverLetterSummaryDto, type CoverLetterPageDto } from '../../dto/cover-letter.dto';
import { CoverLetter } from '../../entities/cover-letter.entity';
import { ListCoverLettersQuery } from './list-cover-letters.query';

/** The caller's cover letters, newest first, without their texts. */
@QueryHandler(ListCoverLettersQuery)
export class ListCoverLettersHandler implements IQueryHandler<
  ListCoverLettersQuery,
  CoverLetterPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, limit, cursor }: ListCoverLettersQuery): Promise<CoverLetterPageDto> {
    const where: FilterQuery<CoverLetter>[] = [{ ownerId: actor.userId }];
    if (cursor) where.push(newestFirst.after<CoverLetter>(cursor));
    const rows = await this.em
      .fork()
      .find(
        CoverLetter,
        { $and: where },
        { orderBy: newestFirst.orderBy, limit: limit + 1, exclude: ['body', 'jobDescription'] },
      );
    return cursorPage(rows, limit, (row) => CoverLetterSummaryDto.from(row), newestFirst.position);
  }
}
