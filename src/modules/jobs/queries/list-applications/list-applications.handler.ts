import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { ApplicationDto, type ApplicationPageDto } from '../../dto/application.dto';
import { JobApplication } from '../../entities/job-application.entity';
import { ListApplicationsQuery } from './list-applications.query';

/** The caller's applications, newest first; keyset on (createdAt, id). */
@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<
  ListApplicationsQuery,
  ApplicationPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListApplicationsQuery): Promise<ApplicationPageDto> {
    const rows = await this.em
      .fork()
      .find(
        JobApplication,
        cursor ? { $and: [{ userId }, newestFirst.after<JobApplication>(cursor)] } : { userId },
        { populate: ['job'], orderBy: newestFirst.orderBy, limit: limit + 1 },
      );
    return cursorPage(
      rows,
      limit,
      (a) => ApplicationDto.of(a, a.job.getEntity()),
      newestFirst.position,
    );
  }
}
