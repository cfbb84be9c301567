import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { SavedJobDto, type SavedJobPageDto } from '../../dto/saved-job.dto';
import { SavedJob } from '../../entities/saved-job.entity';
import { ListSavedJobsQuery } from './list-saved-jobs.query';

/** The caller's saved jobs, newest save first; keyset on (createdAt, id). */
@QueryHandler(ListSavedJobsQuery)
export class ListSavedJobsHandler implements IQueryHandler<ListSavedJobsQuery, SavedJobPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListSavedJobsQuery): Promise<SavedJobPageDto> {
    const rows = await this.em
      .fork()
      .find(
        SavedJob,
        cursor ? { $and: [{ userId }, newestFirst.after<SavedJob>(cursor)] } : { userId },
        { populate: ['job'], orderBy: newestFirst.orderBy, limit: limit + 1 },
      );
    return cursorPage(
      rows,
      limit,
      (s) => SavedJobDto.of(s, s.job.getEntity()),
      newestFirst.position,
    );
  }
}
