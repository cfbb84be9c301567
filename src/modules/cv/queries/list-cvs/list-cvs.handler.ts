import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { CvSummaryDto, type CvPageDto } from '../../dto/cv.dto';
import { Cv } from '../../entities/cv.entity';
import { ListCvsQuery } from './list-cvs.query';

/** The caller's live CVs, newest first, keyset on (createdAt, id); documents are left out. */
@QueryHandler(ListCvsQuery)
export class ListCvsHandler implements IQueryHandler<ListCvsQuery, CvPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ actor, limit, cursor }: ListCvsQuery): Promise<CvPageDto> {
    const where: FilterQuery<Cv>[] = [{ ownerId: actor.userId, deletedAt: null }];
    if (cursor) where.push(newestFirst.after<Cv>(cursor));
    const rows = await this.em.fork().find(
      Cv,
      { $and: where },
      {
        orderBy: newestFirst.orderBy,
        limit: limit + 1,
        exclude: ['document'],
      },
    );
    return cursorPage(rows, limit, (cv) => CvSummaryDto.from(cv), newestFirst.position);
  }
}
