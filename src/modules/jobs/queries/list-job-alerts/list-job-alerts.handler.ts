import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { cursorPage, newestFirst } from '../../../../common/pagination';
import { JobAlertDto, type JobAlertPageDto } from '../../dto/job-alert.dto';
import { JobAlert } from '../../entities/job-alert.entity';
import { ListJobAlertsQuery } from './list-job-alerts.query';

/** The caller's job alerts, newest first; keyset on (createdAt, id). */
@QueryHandler(ListJobAlertsQuery)
export class ListJobAlertsHandler implements IQueryHandler<ListJobAlertsQuery, JobAlertPageDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListJobAlertsQuery): Promise<JobAlertPageDto> {
    const rows = await this.em
      .fork()
      .find(
        JobAlert,
        cursor ? { $and: [{ userId }, newestFirst.after<JobAlert>(cursor)] } : { userId },
        { orderBy: newestFirst.orderBy, limit: limit + 1 },
      );
    return cursorPage(rows, limit, (a) => JobAlertDto.of(a), newestFirst.position);
  }
}
